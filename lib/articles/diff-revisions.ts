import DiffMatchPatch from "diff-match-patch";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireReadable } from "./article-access";

export type DiffPart = { op: "same" | "added" | "removed"; text: string };

// Words (letters and digits, with inner apostrophes and hyphens), runs of white space, and each
// other character on its own: a word that gains a full stop is not a changed word.
const TOKENS = /\s+|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

// A word-level diff of two bodies: words are mapped to single characters, diffed, mapped back.
export function diffWords(before: string, after: string): DiffPart[] {
  const dmp = new DiffMatchPatch();
  const vocabulary = new Map<string, string>();
  const words: string[] = [];
  const encode = (text: string) =>
    (text.match(TOKENS) ?? [])
      .map((w) => {
        let code = vocabulary.get(w);
        if (code === undefined) {
          code = String.fromCharCode(words.length + 256);
          vocabulary.set(w, code);
          words.push(w);
        }
        return code;
      })
      .join("");
  const diffs = dmp.diff_main(encode(before), encode(after), false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, chars]) => ({
    op: op === 0 ? "same" : op === 1 ? "added" : "removed",
    text: chars
      .split("")
      .map((c) => words[c.charCodeAt(0) - 256])
      .join(""), // code units: a code may be a surrogate
  }));
}

/** The word-level diff between two revisions of an article's body (editor+). */
export async function diffRevisions(viewer: Viewer | null, slug: string, from: number, to: number) {
  const me = await requirePermission(viewer, "articles.read_own");
  requireReadable(me, await db.article.findUnique({ where: { slug }, select: { ownerId: true, status: true } }));
  const rows = await db.articleRevision.findMany({
    where: { article: { slug }, number: { in: [from, to] } },
    select: { number: true, body: true },
  });
  const body = (n: number) => rows.find((r) => r.number === n)?.body;
  const before = body(from);
  const after = body(to);
  if (before === undefined || after === undefined)
    throw new AppError("not_found", `Revision ${before === undefined ? from : to} does not exist.`);
  return { from, to, parts: diffWords(before, after) };
}
