// Hand-written XML for the feeds and the sitemap: every text and attribute value goes through here.

// Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content or a double-quoted attribute, dropping characters XML forbids. */
export function escapeXml(value: string): string {
  return value
    .replace(notXmlChar, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `<name attr="…">text</name>` with everything escaped; `null`/`undefined` text gives nothing. */
export function textElement(
  name: string,
  text: string | null | undefined,
  attributes: Record<string, string> = {},
): string {
  if (text === null || text === undefined) return "";
  return `<${name}${attributeList(attributes)}>${escapeXml(text)}</${name}>`;
}

/** `<name attr="…"/>` with the attribute values escaped. */
export function emptyElement(name: string, attributes: Record<string, string>): string {
  return `<${name}${attributeList(attributes)}/>`;
}

function attributeList(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
}

/** RFC 822 date-time as RSS 2.0 wants it ("Wed, 05 Oct 2022 09:00:00 GMT"). */
export function rfc822(date: Date): string {
  return date.toUTCString();
}
