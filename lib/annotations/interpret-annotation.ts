import { AppError, findUnstorableText, unstorableMessage } from "@/lib/errors";
import { annotationInputSchema, maxNoteLength, maxQuoteLength, tagSchema } from "@/lib/validation/annotation";

export type InterpretedAnnotation = {
  motivation: "commenting" | "highlighting" | "replying";
  note: string;
  tags: string[];
  audience?: "public" | "private" | "group";
  /** With audience "group": the group's id as the client gave it (checked by the domain). */
  group?: string;
  color?: string;
  parentId?: string;
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
  /** A note on the whole article: its target is the article itself, with no selector (W3C). */
  page?: boolean;
  /** A page note's target as sent (the article's address); checked against the article by the caller. */
  source?: string;
};

const lastSegment = (url: string) => url.replace(/\/+$/, "").split("/").pop() ?? "";

// Reads a W3C Web Annotation (JSON-LD) into what Gloss stores; every refusal names the field.
export function interpretAnnotation(raw: unknown): InterpretedAnnotation {
  const unstorable = findUnstorableText(raw);
  if (unstorable) throw new AppError("bad_request", unstorableMessage, { [unstorable]: "Remove the NUL character." });
  const parsed = annotationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join(".") || "annotation";
    throw new AppError("bad_request", `The annotation is not valid: ${field}: ${issue.message}`, {
      [field]: issue.message,
    });
  }
  const a = parsed.data;
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body];
  const textBodies = bodies.filter((b) => b.purpose !== "tagging");
  const note = (a.bodyValue ?? textBodies.map((b) => b.value).join("\n\n")).trim();
  if (note.length > maxNoteLength)
    throw new AppError("too_large", `The note is too long: at most ${maxNoteLength.toLocaleString("en")} characters.`, {
      body: `At most ${maxNoteLength.toLocaleString("en")} characters.`,
    });
  const tags = [
    ...new Set(
      bodies
        .filter((b) => b.purpose === "tagging")
        .map((b) => {
          const t = tagSchema.safeParse(b.value);
          if (!t.success)
            throw new AppError("bad_request", `Tag “${b.value.slice(0, 40)}”: ${t.error.issues[0].message}`, {
              tags: t.error.issues[0].message,
            });
          return t.data.toLowerCase();
        }),
    ),
  ];
  if (tags.length > 10) throw new AppError("bad_request", "At most 10 tags.", { tags: "At most 10 tags." });

  const target = Array.isArray(a.target) ? a.target[0] : a.target;
  const targetRef = typeof target === "string" ? target : target.id;
  const isReply =
    a.motivation === "replying" ||
    (typeof target === "string" && /\/api\/annotations\//.test(target)) ||
    (!!targetRef && !target.hasOwnProperty?.("selector") && /\/api\/annotations\//.test(targetRef));
  if (isReply) {
    if (!targetRef)
      throw new AppError("bad_request", "A reply's target must be the annotation it answers.", {
        target: "The annotation this replies to.",
      });
    if (!note) throw new AppError("bad_request", "Write a reply first.", { body: "Write a reply first." });
    return {
      motivation: "replying",
      note,
      tags,
      parentId: lastSegment(targetRef),
      audience: a.audience,
      group: a.group,
    };
  }

  const selectors =
    typeof target === "string"
      ? []
      : target.selector === undefined
        ? []
        : Array.isArray(target.selector)
          ? target.selector
          : [target.selector];
  const quoteSel = selectors.find((s) => s.type === "TextQuoteSelector") as
    | { exact: string; prefix?: string; suffix?: string }
    | undefined;
  const posSel = selectors.find((s) => s.type === "TextPositionSelector") as { start: number; end: number } | undefined;
  if (!quoteSel && !posSel) {
    // No selector at all: a page note (W3C: the target is the source itself). A selector of some
    // other kind is still refused, naming the one Gloss needs.
    if (selectors.length)
      throw new AppError("bad_request", "The target needs a TextQuoteSelector (the passage quoted exactly).", {
        "target.selector": "A TextQuoteSelector is required.",
      });
    if (a.motivation === "highlighting" || !note)
      throw new AppError("bad_request", "A note on the whole article needs a text: write a note first.", {
        body: "Write a note first.",
      });
    const source = typeof target === "string" ? target : target.source;
    return { motivation: "commenting", note, tags, audience: a.audience, color: a.color, page: true, source };
  }
  if (quoteSel && quoteSel.exact.length === 0)
    throw new AppError("bad_request", "TextQuoteSelector.exact is empty: select a passage.", {
      "target.selector.exact": "Select a passage.",
    });
  if (quoteSel && [...quoteSel.exact].length > maxQuoteLength)
    throw new AppError(
      "too_large",
      `The quoted passage is too long: at most ${maxQuoteLength.toLocaleString("en")} characters.`,
      { "target.selector.exact": `At most ${maxQuoteLength.toLocaleString("en")} characters.` },
    );
  if (posSel && posSel.end <= posSel.start)
    throw new AppError("bad_request", "TextPositionSelector.end must be greater than start.", {
      "target.selector.end": "Must be greater than start.",
    });
  if (posSel && posSel.end - posSel.start > maxQuoteLength)
    throw new AppError(
      "too_large",
      `The selected passage is too long: at most ${maxQuoteLength.toLocaleString("en")} characters.`,
      { "target.selector.end": `At most ${maxQuoteLength.toLocaleString("en")} characters from start.` },
    );
  const motivation =
    a.motivation === "highlighting" || (!note && a.motivation !== "commenting") ? "highlighting" : "commenting";
  if (motivation === "commenting" && !note)
    throw new AppError("bad_request", "Write a note, or make it a highlight.", { body: "Write a note first." });
  return {
    motivation,
    note: motivation === "highlighting" ? note : note,
    tags,
    audience: motivation === "highlighting" ? "private" : a.audience,
    ...(motivation !== "highlighting" && a.audience === "group" ? { group: a.group } : {}),
    color: a.color,
    ...(quoteSel ? { quote: { exact: quoteSel.exact, prefix: quoteSel.prefix, suffix: quoteSel.suffix } } : {}),
    ...(posSel ? { position: { start: posSel.start, end: posSel.end } } : {}),
  };
}

/** Does a page note's target name this article (`/articles/<slug>`, absolute or relative)? */
export function targetsArticle(source: string | undefined, slug: string): boolean {
  if (!source) return false;
  try {
    const path = new URL(source, "http://gloss.invalid").pathname.replace(/\/+$/, "");
    return path === `/articles/${slug}`;
  } catch {
    return false;
  }
}
