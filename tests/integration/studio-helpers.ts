import { db } from "@/lib/db";

/** The notes' anchoring as stored, in the order of `ids`. */
export async function anchorsOf(ids: string[]) {
  const rows = await db.annotation.findMany({
    where: { id: { in: ids } },
    select: { id: true, state: true, exact: true, start: true, end: true, blockId: true, originalExact: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The plain text readers' annotation positions count in (the current revision's). */
export async function currentText(slug: string) {
  const a = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { currentRevision: { select: { text: true, number: true } } },
  });
  return a.currentRevision!.text;
}

/** Code-point slice, as W3C positions count. */
export const sliceCodePoints = (text: string, start: number, end: number) =>
  Array.from(text).slice(start, end).join("");

/** The code-point range of the one occurrence of `prefix + exact` in `text` (throws if not exactly one). */
export function rangeOf(text: string, exact: string, prefix = "") {
  const needle = prefix + exact;
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`“${needle}” is not in the text`);
  if (text.indexOf(needle, at + 1) !== -1) throw new Error(`“${needle}” occurs more than once`);
  const start = Array.from(text.slice(0, at + prefix.length)).length;
  return { start, end: start + Array.from(exact).length };
}
