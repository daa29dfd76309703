import type { PublishedArticle } from "@/lib/articles/get-published-article";
import { publication } from "@/lib/site";

// An article as reference managers read it: BibTeX, RIS and CSL-JSON, and a line to paste into a
// paper (OSCOLA-style, as a law blog's readers cite). Google Scholar reads the citation_* meta tags.

type Citable = Pick<
  PublishedArticle,
  "slug" | "title" | "authorName" | "affiliation" | "publishedAt" | "updatedAt" | "excerpt"
>;

/** "A. Student" → { family: "Student", given: "A." }; one word is a family name. */
export function splitName(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { family: parts[0] };
  return { family: parts.at(-1)!, given: parts.slice(0, -1).join(" ") };
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;

/** Google Scholar's `citation_*` tags for the article page's <head>. */
export function scholarMeta(base: string, a: Citable): Record<string, string> {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  return {
    citation_title: a.title,
    citation_author: a.authorName,
    citation_publication_date: `${y}/${pad(m)}/${pad(d)}`,
    citation_journal_title: publication.name,
    citation_public_url: `${base}/articles/${a.slug}`,
    citation_fulltext_html_url: `${base}/articles/${a.slug}`,
    citation_language: publication.locale,
  };
}

const bibEscape = (s: string) => s.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[&%$#_]/g, (c) => `\\${c}`);

export function bibtex(base: string, a: Citable, accessed: Date): string {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  const [ay, am, ad] = ymd(accessed);
  const { family } = splitName(a.authorName);
  const key = `${family.toLowerCase().replace(/[^a-z0-9]/g, "") || "article"}${y}${a.slug.split("-").find((w) => w.length > 3) ?? ""}`;
  const fields = [
    ["author", a.authorName],
    ["title", `{${a.title}}`],
    ["journal", publication.name],
    ["year", String(y)],
    ["month", String(m)],
    ["day", String(d)],
    ["url", `${base}/articles/${a.slug}`],
    ["urldate", `${ay}-${pad(am)}-${pad(ad)}`],
    ["language", publication.locale],
  ];
  return `@article{${key},\n${fields.map(([k, v]) => `  ${k} = {${k === "url" ? v : k === "title" ? `{${bibEscape(a.title)}}` : bibEscape(v)}}`).join(",\n")}\n}\n`;
}

export function ris(base: string, a: Citable, accessed: Date): string {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  const [ay, am, ad] = ymd(accessed);
  const { family, given } = splitName(a.authorName);
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, " ")}`;
  return [
    line("TY", "BLOG"),
    line("TI", a.title),
    line("AU", given ? `${family}, ${given}` : family),
    line("T2", publication.name),
    line("PY", String(y)),
    line("DA", `${y}/${pad(m)}/${pad(d)}`),
    line("UR", `${base}/articles/${a.slug}`),
    line("Y2", `${ay}/${pad(am)}/${pad(ad)}`),
    line("LA", publication.locale),
    ...(a.excerpt ? [line("AB", a.excerpt)] : []),
    "ER  - ",
    "",
  ].join("\r\n");
}

export function cslJson(base: string, a: Citable, accessed: Date) {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  const [ay, am, ad] = ymd(accessed);
  return [
    {
      id: a.slug,
      type: "post-weblog",
      title: a.title,
      author: [splitName(a.authorName)],
      "container-title": publication.name,
      issued: { "date-parts": [[y, m, d]] },
      accessed: { "date-parts": [[ay, am, ad]] },
      URL: `${base}/articles/${a.slug}`,
      language: publication.locale,
      ...(a.excerpt ? { abstract: a.excerpt } : {}),
    },
  ];
}

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A citation as styled text: plain runs and italic ones (titles, blog names), so a copy can keep the italics. */
export type Styled = (string | { italic: string })[];

/** The styled citation as plain text, for the clipboard's text/plain and for tests. */
export const plainText = (parts: Styled) => parts.map((p) => (typeof p === "string" ? p : p.italic)).join("");

const url = (base: string, a: Citable) => `${base}/articles/${a.slug}`;

/** OSCOLA for blogs: Author, ‘Title’ (Blog, 14 March 2026) <url> accessed 7 December 2026 (the seed's readers are law students). */
export function oscola(base: string, a: Citable, accessed: Date): Styled {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  const [ay, am, ad] = ymd(accessed);
  return [
    `${a.authorName}, ‘${a.title}’ (${publication.name}, ${d} ${months[m - 1]} ${y}) <${url(base, a)}> accessed ${ad} ${months[am - 1]} ${ay}`,
  ];
}

/** The Bluebook's month abbreviations (table T12). */
const bluebookMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/** Bluebook rule 18.2.2 (blogs): Author, *Title*, Blog (Mar. 14, 2026), url. */
export function bluebook(base: string, a: Citable): Styled {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  return [
    `${a.authorName}, `,
    { italic: a.title },
    `, ${publication.name} (${bluebookMonths[m - 1]} ${d}, ${y}), ${url(base, a)}.`,
  ];
}

/** "Ada Mary Lovelace" → "Lovelace, A. M."; "Jean-Paul Sartre" → "Sartre, J.-P."; one word stays as it is. */
export function apaName(name: string): string {
  const { family, given } = splitName(name);
  if (!given) return family;
  const initials = given
    .split(/\s+/)
    .map((word) =>
      word
        .split("-")
        .map((part) => (/^\p{L}\.?$/u.test(part) ? `${part[0]}.` : `${[...part][0]}.`))
        .join("-"),
    )
    .join(" ");
  return `${family}, ${initials}`;
}

/** APA 7 (blog post): Author, A. (2026, March 14). Title. *Blog*. url */
export function apa(base: string, a: Citable): Styled {
  const [y, m, d] = ymd(a.publishedAt ?? a.updatedAt);
  const title = /[.?!]$/.test(a.title) ? a.title : `${a.title}.`;
  return [
    `${apaName(a.authorName)} (${y}, ${months[m - 1]} ${d}). ${title} `,
    { italic: publication.name },
    `. ${url(base, a)}`,
  ];
}

/** The citation as a reader pastes it into a paper (OSCOLA). */
export function citationText(base: string, a: Citable, accessed: Date): string {
  return plainText(oscola(base, a, accessed));
}
