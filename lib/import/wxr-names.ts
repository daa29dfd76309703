import type { QualifiedTag } from "sax";

// WXR's namespaces, by URI (prefixes are whatever the file declares). WordPress has written
// export 1.0, 1.1 and 1.2; Gloss reads 1.1 and 1.2, as produced by Tools → Export since 3.1.
const wpExport = /^https?:\/\/wordpress\.org\/export\/(\d+\.\d+)\/$/;
const wpExcerpt = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/;
const prefixOf: Record<string, string> = {
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://purl.org/dc/elements/1.1/": "dc",
};

export const supportedWxrVersions = ["1.1", "1.2"];

/** The WXR version a namespace URI stands for ("1.2"), or null when it is not WordPress's export namespace. */
export function wxrVersionOf(uri: string): string | null {
  return wpExport.exec(uri)?.[1] ?? null;
}

/** An element's name with a fixed prefix for WXR's namespaces ("wp:post_id", "content:encoded", "item"). */
export function wxrNameOf(tag: QualifiedTag): string {
  const uri = tag.uri ?? "";
  if (!uri) return tag.local;
  const prefix = wpExport.test(uri) ? "wp" : wpExcerpt.test(uri) ? "excerpt" : (prefixOf[uri] ?? `{${uri}}`);
  return `${prefix}:${tag.local}`;
}
