import type { Element, Root } from "hast";
import type { Html, Root as MdastRoot, Paragraph, Text } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { type Processor, unified } from "unified";
import { visit } from "unist-util-visit";

// The safe Markdown subset for what readers write (comments, notes): paragraphs, emphasis, links
// (bare addresses — https://…, www.…, name@host — are linked, as GitHub's Markdown does),
// block quotes, lists, inline code and code blocks. Raw HTML is never parsed; the result is
// sanitized against an allow-list, and links get rel="nofollow ugc noopener". HTML a reader types
// is shown as the text they typed (escaped), so a pasted tag neither runs nor silently vanishes.
export const readerSanitizeSchema: SanitizeSchema = {
  strip: ["script", "style"],
  tagNames: ["p", "br", "em", "strong", "del", "a", "blockquote", "ul", "ol", "li", "code", "pre"],
  attributes: { a: ["href"], ol: ["start"] },
  protocols: { href: ["http", "https", "mailto"] },
  clobberPrefix: "",
  required: {},
};

const flowParents = new Set(["root", "blockquote", "listItem"]);

function rawHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, "html", (node: Html, index, parent) => {
      if (!parent || index === undefined) return;
      const text: Text = { type: "text", value: node.value };
      const paragraph: Paragraph = { type: "paragraph", children: [text] };
      (parent.children as unknown[])[index] = flowParents.has(parent.type) ? paragraph : text;
    });
  };
}

/** Bare URLs, www. addresses and e-mail addresses become links (GFM's autolink literals, nothing else of GFM). */
function autolinkLiterals(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmAutolinkLiteral());
  (data.fromMarkdownExtensions ??= []).push(gfmAutolinkLiteralFromMarkdown());
}

function linkAttributes() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a") {
        if (!node.properties.href) {
          node.tagName = "span";
          node.properties = {};
          return;
        }
        node.properties.rel = ["nofollow", "ugc", "noopener"];
      }
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(autolinkLiterals)
  .use(rawHtmlAsText)
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, readerSanitizeSchema)
  .use(linkAttributes)
  .use(rehypeStringify);

export function renderSafeMarkdown(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** Links in rendered reader HTML: every <a href> the renderer wrote, autolinked addresses included. */
export const countRenderedLinks = (html: string) => (html.match(/<a href=/g) ?? []).length;

/** Links in a body (for the moderation "≥ N links" rule). */
export function countLinks(markdown: string): number {
  return countRenderedLinks(renderSafeMarkdown(markdown));
}
