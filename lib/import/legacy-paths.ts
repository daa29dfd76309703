import type { WxrItem } from "./wxr-item";

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * One old address as stored and looked up: `?p=<id>` as is, a path decoded, lower-cased, without
 * its trailing slash ("/2023/03/14/Freedom-of-Navigation/" → "/2023/03/14/freedom-of-navigation").
 * Null for anything that cannot be an old post address (the site's root, an over-long path).
 */
export function normalizeLegacyPath(raw: string): string | null {
  const p = raw.trim();
  const query = /^\/?\?p=(\d{1,12})$/.exec(p);
  if (query) return `?p=${Number(query[1])}`;
  if (!p.startsWith("/") || p.length > 600) return null;
  const path = p.split(/[?#]/)[0].split("/").map(safeDecode).join("/").toLowerCase().replace(/\/+$/, "");
  return path && path !== "/" && !path.includes("//") ? path : null;
}

/** The path part of a URL below the WordPress site's own path (a blog at https://x.test/blog/). */
function pathBelowSite(link: string, siteUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const p = url.searchParams.get("p");
  if (url.pathname.replace(/\/+$/, "") === safeSitePath(siteUrl) && p) return `?p=${p}`;
  const base = safeSitePath(siteUrl);
  return base && url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : url.pathname;
}

function safeSitePath(siteUrl: string): string {
  try {
    return new URL(siteUrl).pathname.replace(/\/+$/, "");
  } catch {
    return "";
  }
}

/**
 * The addresses readers knew a WordPress post by (issue 18, item 5): its `<link>` (the permalink
 * as the export gives it), the date permalink `/yyyy/mm/dd/<post_name>` (WordPress's most common
 * structure, in the blog's local time as `wp:post_date` holds it) and the plain `?p=<id>`.
 */
export function legacyPathsOf(
  item: Pick<WxrItem, "link" | "postId" | "postName" | "postDate">,
  siteUrl: string,
): string[] {
  const paths = new Set<string>();
  const add = (raw: string | null) => {
    const p = raw === null ? null : normalizeLegacyPath(raw);
    if (p) paths.add(p);
  };
  if (item.link) add(pathBelowSite(item.link, siteUrl));
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(item.postDate);
  if (date && item.postName && date[1] !== "0000") add(`/${date[1]}/${date[2]}/${date[3]}/${item.postName}`);
  if (/^\d+$/.test(item.postId)) add(`?p=${item.postId}`);
  return [...paths];
}
