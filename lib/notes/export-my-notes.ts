import { annoContext, annotationJson } from "@/lib/annotations/annotation-json";
import type { Viewer } from "@/lib/auth/viewer";
import { siteUrl } from "@/lib/env";
import { listMyNotes } from "./list-my-notes";
import type { MyNoteRow } from "./my-note-fields";
import { notePassagePath } from "./note-links";

export type NoteExportFormat = "jsonld" | "md" | "csv";

// Exports read the list a thousand notes at a time (one indexed query each).
const exportBatch = 1_000;

/** Every note of mine the filters select (all of them without filters), newest first. */
async function allMyNotes(viewer: Viewer | null, filters: Record<string, unknown>) {
  const notes: MyNoteRow[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMyNotes(viewer, { ...filters, cursor }, { take: exportBatch });
    notes.push(...page.notes);
    cursor = page.next ?? undefined;
  } while (cursor);
  return notes;
}

/** My notes as a file: the body, its media type and a file name. Same filters as /notes. */
export async function exportMyNotes(
  viewer: Viewer | null,
  format: NoteExportFormat,
  filters: Record<string, unknown> = {},
): Promise<{ body: string; type: string; filename: string }> {
  const notes = await allMyNotes(viewer, filters);
  const name = viewer?.name ?? "";
  const day = new Date().toISOString().slice(0, 10);
  if (format === "csv")
    return { body: notesCsv(notes), type: "text/csv; charset=utf-8; header=present", filename: `my-notes-${day}.csv` };
  if (format === "md")
    return { body: notesMarkdown(notes, name), type: "text/markdown; charset=utf-8", filename: `my-notes-${day}.md` };
  return {
    body: JSON.stringify(notesJsonLd(notes, name), null, 2),
    type: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    filename: `my-notes-${day}.jsonld`,
  };
}

/** A W3C AnnotationCollection, as the article containers and `export:annotations` write it. */
export function notesJsonLd(notes: MyNoteRow[], name: string) {
  const items = notes.map((n) => annotationJson(n, { withContext: false }));
  return {
    "@context": annoContext,
    id: `${siteUrl()}/api/me/notes`,
    type: "AnnotationCollection",
    label: `Notes by ${name}`,
    total: items.length,
    first: { type: "AnnotationPage", items },
  };
}

// ---- Markdown: per article a heading, then each note: its passage as a quote, then the note ----

const mdBlockquote = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");

// The article's title is a heading line: no line breaks, and Markdown's own characters escaped.
const mdInline = (text: string) => text.replace(/\s+/g, " ").replace(/([\\`*_[\]<>#|])/g, "\\$1");

function authorName(a: { name: string; deletedAt: Date | null } | null | undefined) {
  return !a ? "someone" : a.deletedAt ? "deleted user" : a.name;
}

export function notesMarkdown(notes: MyNoteRow[], name: string): string {
  const base = siteUrl();
  const byArticle = new Map<string, MyNoteRow[]>();
  for (const n of notes) byArticle.set(n.article.slug, [...(byArticle.get(n.article.slug) ?? []), n]);
  const out = [
    `# Notes by ${mdInline(name)}`,
    "",
    `Exported from ${base} on ${new Date().toISOString().slice(0, 10)}.`,
  ];
  for (const [slug, list] of byArticle) {
    out.push("", `## ${mdInline(list[0].article.title)}`, "", `<${base}/articles/${slug}>`);
    for (const n of list) {
      out.push("");
      const quote = n.parentId ? n.parent?.exact : n.exact;
      if (n.parentId)
        out.push(`*Reply to ${mdInline(authorName(n.parent?.author))}'s note${quote ? " on this passage" : ""}:*`, "");
      if (quote) out.push(mdBlockquote(quote), "");
      else if (!n.parentId) out.push("*(the whole article)*", "");
      if (n.body.trim()) out.push(n.body.trim(), "");
      const facts = [
        n.createdAt.toISOString().slice(0, 10),
        n.audience,
        ...(n.status === "pending" ? ["held for moderation"] : []),
        ...(n.state === "orphaned" && !n.parentId ? ["passage no longer in the article"] : []),
        ...(n.tags.length ? [`tags: ${n.tags.map(mdInline).join(", ")}`] : []),
      ];
      out.push(`— ${facts.join(" · ")} · [open](${base}${notePassagePath(n)})`);
    }
  }
  return `${out.join("\n")}\n`;
}

// ---- CSV (RFC 4180: CRLF, fields quoted when needed, quotes doubled; formula-safe) ----

export const csvColumns = [
  "id",
  "created",
  "modified",
  "article",
  "article_url",
  "quote",
  "note",
  "tags",
  "visibility",
  "status",
  "kind",
  "reply_to",
  "state",
  "url",
] as const;

/**
 * One cell: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe; a cell with a comma, quote or line break is quoted.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function notesCsv(notes: MyNoteRow[]): string {
  const base = siteUrl();
  const lines = [csvColumns.join(",")];
  for (const n of notes) {
    const row: Record<(typeof csvColumns)[number], string> = {
      id: n.id,
      created: n.createdAt.toISOString(),
      modified: (n.editedAt ?? n.createdAt).toISOString(),
      article: n.article.title,
      article_url: `${base}/articles/${n.article.slug}`,
      quote: (n.parentId ? n.parent?.exact : n.exact) ?? "",
      note: n.body,
      tags: n.tags.join("; "),
      visibility: n.audience,
      status: n.status,
      kind: n.parentId ? "reply" : n.motivation,
      reply_to: n.parentId ?? "",
      state: n.parentId ? "" : n.state,
      url: `${base}${notePassagePath(n)}`,
    };
    lines.push(csvColumns.map((c) => csvCell(row[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
