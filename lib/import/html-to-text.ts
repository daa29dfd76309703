import type { Nodes } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";

const parser = unified().use(rehypeParse, { fragment: true }).freeze();

const textOf = (node: Nodes): string =>
  node.type === "text"
    ? node.value
    : "children" in node
      ? node.children.map((child) => textOf(child as Nodes)).join("")
      : "";

/**
 * A one-line plain text from a WordPress string that may hold HTML or HTML entities (titles, names,
 * term names: "Caf&eacute; &amp; Co" → "Café & Co"); tags are dropped, white space collapsed.
 */
export function htmlToText(value: string): string {
  if (!/[<&]/.test(value)) return value.replace(/\s+/g, " ").trim();
  return textOf(parser.parse(value)).replace(/\s+/g, " ").trim();
}
