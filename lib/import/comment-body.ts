import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { readerSanitizeSchema, renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import {
  htmlToMarkdown,
  isPlainText,
  mdastToMarkdown,
  plainTextParagraphs,
  wordpressHtmlToMdast,
} from "./html-to-markdown";

// renderSafeMarkdown's steps after parsing: Markdown tree → HTML, the readers' allow-list, and
// links marked rel="nofollow ugc noopener" (a link without a target is no link).
function linkAttributes() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      if (!node.properties.href) {
        node.tagName = "span";
        node.properties = {};
        return;
      }
      node.properties.rel = ["nofollow", "ugc", "noopener"];
    });
  };
}
const toReaderHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, readerSanitizeSchema)
  .use(linkAttributes)
  .use(rehypeStringify)
  .freeze();

const mayAutolink = /[a-z][a-z0-9+.-]*:\/\/|www\.|@/i;

/**
 * A WordPress comment's content as a Gloss comment: its Markdown body, and the sanitized HTML that
 * renderSafeMarkdown gives for that body — new comments' renderer, allow-list and link rule. It is
 * reached without printing and re-parsing the Markdown (plain text needs no parser at all), as that
 * round trip was most of an import's time; a unit test holds both ways together on varied input.
 */
export function commentBodyFromWordpress(content: string): { body: string; html: string } {
  // Something renderSafeMarkdown may autolink (a URL, www., an e-mail address): take the renderer's
  // own path, which links it as WordPress did and as a new comment would be.
  if (mayAutolink.test(content)) {
    const body = isPlainText(content) ? htmlToMarkdown(content) : mdastToMarkdown(wordpressHtmlToMdast(content));
    return { body, html: renderSafeMarkdown(body) };
  }
  if (isPlainText(content)) {
    const html = plainTextParagraphs(content)
      .map((lines) => `<p>${lines.join("<br>\n")}</p>`)
      .join("\n");
    return { body: htmlToMarkdown(content), html };
  }
  const tree: MdastRoot = wordpressHtmlToMdast(content);
  const body = mdastToMarkdown(tree);
  const html = toReaderHtml.stringify(toReaderHtml.runSync(tree) as HastRoot).trim();
  return { body, html };
}
