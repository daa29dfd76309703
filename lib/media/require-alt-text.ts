import type { Image, ImageReference, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { AppError } from "@/lib/errors";

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** The images of a Markdown body that have no alt text (their URLs, in order). */
export function imagesWithoutAlt(markdown: string): string[] {
  // Every image, inline or by reference, starts with "![": a body without one has none, and a
  // 15,000-word body need not be parsed (publishing parses it again to render it).
  if (!markdown.includes("![")) return [];
  const tree = parser.parse(markdown) as Root;
  const missing: string[] = [];
  visit(tree, (node) => {
    if (node.type !== "image" && node.type !== "imageReference") return;
    const image = node as Image | ImageReference;
    if (!image.alt?.trim())
      missing.push(node.type === "image" ? (node as Image).url : `[${(node as ImageReference).identifier}]`);
  });
  return missing;
}

/** Publishing (or scheduling) a body with an image that has no alt text is refused: 422. */
export function requireAltText(markdown: string | undefined | null) {
  if (!markdown) return;
  const missing = imagesWithoutAlt(markdown);
  if (missing.length) {
    throw new AppError(
      "rule_violation",
      `Describe every image before publishing: ${missing.length === 1 ? "an image has" : `${missing.length} images have`} no alt text (write it between the brackets: ![a map of the strait](…)).`,
      { body: "An image has no alt text." },
    );
  }
}
