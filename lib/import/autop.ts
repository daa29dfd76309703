// WordPress stores classic-editor posts and comments without <p>: blank lines are paragraphs and
// single newlines line breaks, added when the page is shown (wpautop). This is the same rule,
// simplified: a blank line or a block-level element ends a paragraph; text that is not inside a
// block element becomes a paragraph; <pre> is left alone.
const splitting =
  "address|article|aside|blockquote|details|div|dl|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul";
const inner = "caption|dd|dt|figcaption|li|summary|tbody|td|tfoot|th|thead|tr";
const blockStart = new RegExp(`(<(?:${splitting})\\b[^>]*>)`, "gi");
const blockEnd = new RegExp(`(<\\/(?:${splitting})\\s*>)`, "gi");
const startsWithBlock = new RegExp(`^(?:<\\/?(?:${splitting}|${inner})\\b|\u0000)`, "i");
const pre = /<pre\b[\s\S]*?<\/pre>/gi;

export function autop(html: string): string {
  const kept: string[] = [];
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "")
    .replace(pre, (block) => `\n\n\u0000${kept.push(block) - 1}\u0000\n\n`)
    .replace(blockStart, "\n\n$1")
    .replace(blockEnd, "$1\n\n");
  const chunks = text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean);
  return chunks
    .map((chunk) =>
      startsWithBlock.test(chunk)
        ? chunk
        : `<p>${chunk.replace(/(<[^>]*>)|\n/g, (match, tag?: string) => tag ?? "<br>\n")}</p>`,
    )
    .join("\n")
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => kept[Number(index)]);
}
