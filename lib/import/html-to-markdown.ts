import type { Root as MdastRoot } from "mdast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { autop } from "./autop";
import { cleanWordpressHtml } from "./clean-wordpress-html";
import { type ImageOutcome, imageSources } from "./image-sources";

// WordPress core shortcodes: the tags go, what they wrap stays ([caption]<img> A caption[/caption]).
const shortcode = /\[\/?(?:caption|wp_caption|gallery|embed|audio|video|playlist)\b[^\]]*\]/g;
const blockMarkup = /<!--\s*\/?wp:/;

// No tag, entity or shortcode: most comments. Their Markdown is built without parsing any HTML.
const plainText = /^[^<&[\]]*$/;

const toMdast = unified().use(rehypeParse, { fragment: true }).use(cleanWordpressHtml).use(rehypeRemark).freeze();
const toMarkdown = unified()
  .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", fences: true, rule: "-", listItemIndent: "one" })
  .freeze();

/**
 * WordPress content (classic-editor HTML, or block-editor markup with its <!-- wp:… --> comments)
 * to Gloss's Markdown: headings, paragraphs, lists, quotes, links, emphasis and code survive;
 * scripts, iframes, images and unknown markup do not. Classic content gets WordPress's own
 * paragraph rule first (blank line = paragraph), block markup already has its <p>s.
 */
export function htmlToMarkdown(html: string, images?: ReadonlyMap<string, ImageOutcome>): string {
  if (plainText.test(html)) return plainTextToMarkdown(html);
  if (!images) return mdastToMarkdown(wordpressHtmlToMdast(html));
  // Images (a post's, when the import looked for their files): each <img> goes through the
  // conversion as a placeholder, then becomes ![alt](/media/…) or a link to where it was.
  const found: { src: string; alt: string }[] = [];
  const marked = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const [src] = imageSources(tag);
    if (!src) return "";
    found.push({ src, alt: attribute(tag, "alt") });
    return `\uE000${found.length - 1}\uE001`;
  });
  return mdastToMarkdown(wordpressHtmlToMdast(marked)).replace(/\uE000(\d+)\uE001/g, (_, n) => {
    const { src, alt } = found[Number(n)];
    const outcome = images.get(src);
    if (outcome && "url" in outcome) return `![${escapeLabel(alt)}](${outcome.url})`;
    const name = alt || decodeFileName(src);
    const label = escapeLabel(name ? `Image: ${name}` : "Image");
    return /^https?:\/\//i.test(src) ? `[${label}](${src.replace(/[\s()<>]/g, encodeURIComponent)})` : `(${label})`;
  });
}

const escapeLabel = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]`*_<]/g, "\\$&");
const attribute = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  return decodeAttribute(m?.[1] ?? m?.[2] ?? "");
};
const decodeAttribute = (value: string) => imageSources(`<img src="${value.replace(/"/g, "&quot;")}">`)[0] ?? "";
const decodeFileName = (src: string) => {
  if (/^data:/i.test(src)) return "";
  const name = src.split(/[?#]/)[0].split("/").pop() ?? "";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

/** WordPress content as a Markdown syntax tree (the step before printing it). */
export function wordpressHtmlToMdast(html: string): MdastRoot {
  const source = html.replace(shortcode, "");
  const prepared = blockMarkup.test(source) ? source : autop(source);
  return toMdast.runSync(toMdast.parse(prepared)) as MdastRoot;
}

export function mdastToMarkdown(tree: MdastRoot): string {
  return toMarkdown.stringify(tree).trim();
}

/** Content without tags, entities or shortcodes (most comments). */
export const isPlainText = (content: string) => plainText.test(content);

/** Plain text's paragraphs (blank-line separated) and their lines, white space collapsed: autop's rule. */
export function plainTextParagraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) =>
      chunk
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

// Markdown for plain text without a Markdown parser or printer (most of an import's comments):
// every character that could start inline markup is escaped, and so is a line's first character
// when it could start a block (heading, quote, list, fence, setext underline, thematic break).
// Lines are joined by hard breaks ("\\" + newline), paragraphs by a blank line.
function plainTextToMarkdown(text: string): string {
  return plainTextParagraphs(text)
    .map((lines) => lines.map(escapeLine).join("\\\n"))
    .join("\n\n");
}

function escapeLine(line: string): string {
  const escaped = line.replace(/[\\`*_[\]<]/g, "\\$&");
  if (/^[#>+\-=~]/.test(escaped)) return `\\${escaped}`;
  const ordered = /^\d{1,9}(?=[.)])/.exec(escaped);
  return ordered ? `${ordered[0]}\\${escaped.slice(ordered[0].length)}` : escaped;
}
