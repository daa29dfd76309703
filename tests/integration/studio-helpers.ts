import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Viewer } from "@/lib/auth/viewer";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createArticle } from "@/lib/articles/create-article";
import { parseArticleSource } from "@/lib/articles/parse-article-source";
import { db } from "@/lib/db";
import { getSettings, setSetting } from "@/lib/settings/get-settings";

/** A slug no other test uses. */
export const uniqueSlug = (label = "studio") => `${label}-${crypto.randomBytes(5).toString("hex")}`;

/** The seed article's Markdown body (prisma/seed/seed-article.md without its front matter). */
export const seedBody = parseArticleSource(fs.readFileSync(path.resolve(process.cwd(), "prisma/seed/seed-article.md"), "utf8")).body;

/** A published copy of the seed article under a fresh slug: tests edit copies, never the seed. */
export async function publishSeedCopy(editor: Viewer, body = seedBody) {
  const slug = uniqueSlug("seed-copy");
  await createArticle(editor, { title: "A copy of the seed article", slug, body, status: "published" });
  return slug;
}

export type NoteSpec = { exact: string; prefix?: string; suffix?: string };

/**
 * Annotates `slug` with one public note per spec (TextQuoteSelector JSON-LD, as the API takes it);
 * the flood interval is lifted meanwhile so one reader can write them all. Returns the note ids.
 */
export async function annotate(author: Viewer, slug: string, specs: NoteSpec[]) {
  const { floodIntervalMs } = await getSettings();
  await setSetting("floodIntervalMs", 0);
  try {
    const ids: string[] = [];
    for (const [i, spec] of specs.entries()) {
      const { annotation } = await createAnnotation(author, slug, {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        type: "Annotation",
        target: { selector: { type: "TextQuoteSelector", ...spec } },
        body: { type: "TextualBody", value: `Note ${i + 1} on “${spec.exact.slice(0, 40)}” (${crypto.randomBytes(3).toString("hex")})` },
      });
      ids.push(annotation.id);
    }
    return ids;
  } finally {
    await setSetting("floodIntervalMs", floodIntervalMs);
  }
}

/** The notes' anchoring as stored, in the order of `ids`. */
export async function anchorsOf(ids: string[]) {
  const rows = await db.annotation.findMany({ where: { id: { in: ids } }, select: { id: true, state: true, exact: true, start: true, end: true, blockId: true, originalExact: true } });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The plain text readers' annotation positions count in (the current revision's). */
export async function currentText(slug: string) {
  const a = await db.article.findUniqueOrThrow({ where: { slug }, select: { currentRevision: { select: { text: true, number: true } } } });
  return a.currentRevision!.text;
}

/** Code-point slice, as W3C positions count. */
export const sliceCodePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join("");

/** The code-point range of the one occurrence of `prefix + exact` in `text` (throws if not exactly one). */
export function rangeOf(text: string, exact: string, prefix = "") {
  const needle = prefix + exact;
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`“${needle}” is not in the text`);
  if (text.indexOf(needle, at + 1) !== -1) throw new Error(`“${needle}” occurs more than once`);
  const start = Array.from(text.slice(0, at + prefix.length)).length;
  return { start, end: start + Array.from(exact).length };
}
