import type { QualifiedTag } from "sax";
import { AppError } from "@/lib/errors";
import { streamXml } from "./stream-xml";
import { supportedWxrVersions, wxrNameOf, wxrVersionOf } from "./wxr-names";

export type WxrChannel = {
  version: string;
  /** The source site, no trailing slash: the prefix of every import key. */
  siteUrl: string;
  title: string;
  /** Author login → display name. */
  authors: Map<string, string>;
  items: number;
};

const notWxr = (why: string) =>
  new AppError("bad_request", `the file is not a WordPress export (WXR 1.1 or 1.2): ${why}`);

/**
 * Pass 1 of an import: reads the whole file once, writing nothing. Refuses malformed XML, a
 * DOCTYPE or entity declaration, a root other than <rss> or no WordPress export namespace; returns
 * what pass 2 needs before the first post (the site, the authors' display names).
 */
export async function validateWxr(file: string): Promise<WxrChannel> {
  const stack: string[] = [];
  const fields = new Map<string, string>();
  const authors = new Map<string, string>();
  let author: Record<string, string> | null = null;
  let capture: { key: string; text: string } | null = null;
  let version: string | null = null;
  let items = 0;

  await streamXml(file, {
    open(tag: QualifiedTag) {
      const name = wxrNameOf(tag);
      const parent = stack.at(-1);
      if (stack.length === 0 && name !== "rss") throw notWxr(`its root element is <${tag.name}>, not <rss>`);
      if (name === "channel" && parent === "rss") version = channelVersion(tag);
      if (parent === "channel") {
        if (name === "item") items++;
        else if (name === "wp:author") author = {};
        else capture = { key: name, text: "" };
      } else if (parent === "wp:author" && stack.at(-2) === "channel") capture = { key: name, text: "" };
      stack.push(name);
    },
    text(text) {
      if (capture && capture.text.length < 10_000) capture.text += text;
    },
    close() {
      const name = stack.pop();
      if (capture && name === capture.key) {
        const target = stack.at(-1) === "wp:author" ? author : null;
        if (target) target[capture.key] = capture.text.trim();
        else if (!fields.has(capture.key)) fields.set(capture.key, capture.text.trim());
        capture = null;
      } else if (name === "wp:author" && author) {
        const login = author["wp:author_login"];
        if (login) authors.set(login, author["wp:author_display_name"] || login);
        author = null;
      }
    },
  });

  if (!version) throw notWxr("it has no <channel> in the WordPress export namespace");
  const siteUrl = siteUrlOf(fields);
  return { version, siteUrl, title: fields.get("title") ?? "", authors, items };
}

function channelVersion(tag: QualifiedTag): string {
  const uris: string[] = [];
  for (const prefix in tag.ns ?? {}) uris.push(tag.ns[prefix]); // in scope: inherited bindings too
  const versions = uris.map(wxrVersionOf).filter((v): v is string => v !== null);
  const supported = versions.find((v) => supportedWxrVersions.includes(v));
  if (supported) return supported;
  if (versions.length) throw notWxr(`it is WXR ${versions[0]}, which Gloss does not read`);
  throw notWxr("it does not declare the wp: export namespace");
}

function siteUrlOf(fields: Map<string, string>): string {
  const raw = fields.get("wp:base_site_url") || fields.get("wp:base_blog_url") || fields.get("link") || "";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notWxr("it names no site (wp:base_site_url)");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw notWxr("its site address (wp:base_site_url) is not an http(s) URL");
  return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
}
