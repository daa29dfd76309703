import type { Element, ElementContent, Root, RootContent } from "hast";

// Elements dropped with everything inside them: active content, embeds, media, forms.
const dropped = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noscript",
  "template",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "source",
  "track",
  "picture",
  "img",
  "map",
  "area",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "head",
  "link",
  "meta",
  "title",
  "base",
]);
// Elements that carry no meaning Gloss keeps: their content stays, the tag goes.
const unwrapped = new Set([
  "del",
  "s",
  "strike",
  "ins",
  "u",
  "mark",
  "span",
  "font",
  "small",
  "big",
  "sub",
  "sup",
  "abbr",
  "cite",
  "q",
  "time",
  "label",
]);
const cellTags = new Set(["td", "th"]);

const textOf = (node: ElementContent | RootContent): string =>
  node.type === "text" ? node.value : node.type === "element" ? node.children.map(textOf).join("") : "";

const paragraph = (text: string): Element => ({
  type: "element",
  tagName: "p",
  properties: {},
  children: [{ type: "text", value: text }],
});

/**
 * Prepares WordPress HTML for conversion to Markdown: block-editor comments, scripts, iframes and
 * images go (an image leaves nothing: its alt text describes a picture that is not there), tables
 * become one paragraph per row, and links without a usable target or any text are unwrapped.
 */
export function cleanWordpressHtml() {
  return (tree: Root) => {
    tree.children = cleanChildren(tree.children) as RootContent[];
  };
}

function cleanChildren(children: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] {
  const out: (RootContent | ElementContent)[] = [];
  for (const child of children) {
    if (child.type === "comment" || child.type === "doctype") continue;
    if (child.type !== "element") {
      out.push(child);
      continue;
    }
    const tag = child.tagName;
    if (dropped.has(tag)) continue;
    if (tag === "table") {
      out.push(...tableRows(child));
      continue;
    }
    child.children = cleanChildren(child.children) as ElementContent[];
    if (unwrapped.has(tag)) {
      out.push(...child.children);
      continue;
    }
    if (tag === "a") {
      const href = String(child.properties.href ?? "").trim();
      if (!href || /^(javascript|data|vbscript):/i.test(href.replace(/\s/g, "")) || !textOf(child).trim()) {
        out.push(...child.children);
        continue;
      }
      child.properties = { href, ...(child.properties.title ? { title: child.properties.title } : {}) };
    }
    out.push(child);
  }
  return out;
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.tagName === "tr") {
        const cells = child.children.filter((c): c is Element => c.type === "element" && cellTags.has(c.tagName));
        const text = cells
          .map((cell) => textOf(cell).replace(/\s+/g, " ").trim())
          .filter(Boolean)
          .join(" | ");
        if (text) rows.push(paragraph(text));
      } else if (child.tagName === "caption") {
        const text = textOf(child).replace(/\s+/g, " ").trim();
        if (text) rows.push(paragraph(text));
      } else walk(child);
    }
  };
  walk(table);
  return rows;
}
