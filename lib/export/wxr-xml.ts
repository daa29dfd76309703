// Small XML pieces of a WordPress export (WXR 1.2), written the way WordPress writes them.

// Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/U+FFFF).
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text inside CDATA ("]]>" split across two sections, as WordPress does). */
export const cdata = (text: string) => `<![CDATA[${text.replace(notXmlChar, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/** Escaped element text or attribute value. */
export const esc = (text: string) =>
  text
    .replace(notXmlChar, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** "2026-12-07 07:09:50" (UTC), WordPress's post_date format. */
export const wpDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");

/** Plain text as WordPress stores titles, names and excerpts (HTML: "<" and "&" escaped). */
export const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
