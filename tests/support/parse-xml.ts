// A small, strict XML 1.0 well-formedness checker and parser for the tests of the feeds and the
// sitemap (no DTDs, no external entities): it throws on anything a conforming parser would reject
// that our hand-written XML could plausibly produce, and returns the element tree otherwise.

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const nameStart =
  "A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const nameChar = `${nameStart}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const xmlName = new RegExp(`^[${nameStart}][${nameChar}]*$`);
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const predefined: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export class XmlError extends Error {}

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
    if (!match.endsWith(";")) throw new XmlError(`bare & in ${where}: ${JSON.stringify(raw.slice(0, 60))}`);
    if (ref in predefined) return predefined[ref];
    const code =
      /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1] !== undefined
        ? Number.parseInt(ref.slice(2), 16)
        : /^#([0-9]+)$/.test(ref)
          ? Number(ref.slice(1))
          : NaN;
    if (Number.isNaN(code)) throw new XmlError(`unknown entity &${ref}; in ${where}`);
    const ch = String.fromCodePoint(code);
    if (notXmlChar.test(ch)) throw new XmlError(`character reference to a forbidden character &${ref}; in ${where}`);
    return ch;
  });
}

function parseAttributes(source: string, tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const rest = source.replace(
    /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g,
    (_, name: string, _q, dq?: string, sq?: string) => {
      if (!xmlName.test(name)) throw new XmlError(`bad attribute name ${name} on <${tag}>`);
      if (name in attributes) throw new XmlError(`duplicate attribute ${name} on <${tag}>`);
      const value = dq ?? sq ?? "";
      if (value.includes("<")) throw new XmlError(`< in attribute ${name} of <${tag}>`);
      attributes[name] = decode(value, `attribute ${name} of <${tag}>`);
      return "";
    },
  );
  if (rest.trim()) throw new XmlError(`malformed attributes on <${tag}>: ${JSON.stringify(rest.trim().slice(0, 60))}`);
  return attributes;
}

/** Parses `xml`, throwing an XmlError that says what is wrong when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  const bad = notXmlChar.exec(xml);
  if (bad)
    throw new XmlError(`forbidden character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  let i = 0;
  const declaration =
    /^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][A-Za-z0-9._-]*")?(\s+standalone="(yes|no)")?\s*\?>/.exec(xml);
  if (declaration) i = declaration[0].length;
  else if (xml.startsWith("<?xml")) throw new XmlError("malformed XML declaration");
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text) {
      if (text.includes(">") && text.includes("]]>")) throw new XmlError("]]> in text");
      if (stack.length) stack.at(-1)!.text += decode(text, `<${stack.at(-1)!.name}>`);
      else if (text.trim())
        throw new XmlError(`text outside the root element: ${JSON.stringify(text.trim().slice(0, 40))}`);
    }
    if (lt === -1) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end === -1 || xml.slice(lt + 4, end).includes("--")) throw new XmlError("malformed comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end === -1 || !stack.length) throw new XmlError("malformed or misplaced CDATA section");
      stack.at(-1)!.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      throw new XmlError("a DOCTYPE or declaration: not expected here");
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end === -1 || /^<\?xml[\s?]/i.test(xml.slice(lt, lt + 6)))
        throw new XmlError("malformed or misplaced processing instruction");
      i = end + 2;
    } else {
      const end = xml.indexOf(">", lt);
      if (end === -1) throw new XmlError("unterminated tag");
      const tag = xml.slice(lt + 1, end);
      if (tag.startsWith("/")) {
        const name = tag.slice(1).trim();
        const open = stack.pop();
        if (!open || open.name !== name) throw new XmlError(`</${name}> closes ${open ? `<${open.name}>` : "nothing"}`);
      } else {
        const selfClosing = tag.endsWith("/");
        const body = selfClosing ? tag.slice(0, -1) : tag;
        const name = /^[^\s/]+/.exec(body)?.[0] ?? "";
        if (!xmlName.test(name)) throw new XmlError(`bad element name ${JSON.stringify(name)}`);
        const element: XmlElement = {
          name,
          attributes: parseAttributes(body.slice(name.length), name),
          children: [],
          text: "",
        };
        if (stack.length) stack.at(-1)!.children.push(element);
        else if (root) throw new XmlError(`a second root element <${name}>`);
        else root = element;
        if (!selfClosing) stack.push(element);
      }
      i = end + 1;
    }
  }
  if (stack.length) throw new XmlError(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) throw new XmlError("no root element");
  return root;
}

/** The child elements of `element` called `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

/** The text of the first child called `name` (undefined when there is none). */
export const childText = (element: XmlElement, name: string) => element.children.find((c) => c.name === name)?.text;
