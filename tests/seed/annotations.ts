import crypto from "node:crypto";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { defaultSettings, getSettings, setSetting } from "@/lib/settings/get-settings";

// Margin notes, made through the domain function (the container's own path).

/** Posts a public margin note on "passage worth quoting" (insertArticle's text), or a private one. */
export async function annotate(
  viewer: Viewer | null,
  slug: string,
  note: string,
  audience: "public" | "private" = "public",
) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  const { annotation } = await createAnnotation(viewer, slug, {
    motivation: "commenting",
    bodyValue: note,
    audience,
    target: {
      source: `http://localhost/articles/${slug}`,
      selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
    },
  });
  return annotation;
}

export type NoteSpec = { exact: string; prefix?: string; suffix?: string };

/**
 * Annotates `slug` with one public note per spec (TextQuoteSelector JSON-LD, as the API takes it);
 * the flood interval is lifted meanwhile so one reader can write them all. Returns the note ids.
 */
export async function annotateQuotes(author: Viewer, slug: string, specs: NoteSpec[]) {
  const { floodIntervalMs } = await getSettings();
  await setSetting("floodIntervalMs", 0);
  try {
    const ids: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const { annotation } = await createAnnotation(author, slug, {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        target: { selector: { type: "TextQuoteSelector", ...spec } },
        body: {
          type: "TextualBody",
          value: `Note ${i + 1} on “${spec.exact.slice(0, 40)}” (${crypto.randomBytes(3).toString("hex")})`,
        },
      });
      ids.push(annotation.id);
    }
    return ids;
  } finally {
    await setSetting("floodIntervalMs", floodIntervalMs);
  }
}
