// The images a WordPress post names, read from its HTML (pure: the import looks the files up).

/** What became of one image a post or attachment named: its Gloss URL, or why it stayed behind. */
export type ImageOutcome = { url: string } | { notImported: string };

const codePoint = (n: number) => (n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\uFFFD");
const decodeEntities = (s: string) =>
  s
    .replace(/&#(\d{1,7});/g, (_, n) => codePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n) => codePoint(Number.parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#039;|&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The `src` of every <img> in a post's HTML, in order, each once. */
export function imageSources(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    const value = decodeEntities((src?.[1] ?? src?.[2] ?? src?.[3] ?? "").trim());
    if (value) found.add(value);
  }
  return [...found];
}
