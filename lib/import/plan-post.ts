import crypto from "node:crypto";
import { type RenderedArticle, renderArticle } from "@/lib/articles/render-article";
import { excerptOf } from "@/lib/articles/save-article";
import { slugify } from "@/lib/articles/slugify";
import { AppError } from "@/lib/errors";
import { publication } from "@/lib/site";
import { htmlToMarkdown } from "./html-to-markdown";
import { htmlToText } from "./html-to-text";
import type { ImageOutcome } from "./image-sources";
import { legacyPathsOf } from "./legacy-paths";
import type { WxrChannel } from "./validate-wxr";
import { firstDate } from "./wxr-dates";
import type { WxrItem } from "./wxr-item";

export type SkippedPostKind = "pages" | "attachments" | "otherPosts";

export type Term = { slug: string; name: string };

/** What the import wants an article to be, before it looks at the database. */
export type PlannedArticle = {
  importKey: string;
  wpId: string;
  /** Wanted address (made unique when written). */
  slug: string;
  title: string;
  authorName: string;
  publication: string;
  excerpt: string;
  status: "draft" | "scheduled" | "published";
  publishedAt: Date | null;
  publishAt: Date | null;
  categories: Term[];
  tags: Term[];
  body: string;
  rendered: RenderedArticle;
  /** The post's old WordPress addresses, each a permanent redirect to the article (legacy-paths.ts). */
  legacyPaths: string[];
};

const skippedTypes: Record<string, SkippedPostKind> = { page: "pages", attachment: "attachments" };
const publicStatuses = new Set(["publish", "future"]);
const clamp = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const decodeSlug = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/**
 * How one <item> maps to Gloss: skipped (pages, attachments, menus and other post types, trashed
 * posts), or the article it becomes. Published and scheduled posts stay public unless they are
 * password-protected (Gloss has no post passwords, so those come in as drafts, like private,
 * pending and draft posts). Throws an AppError for a post that cannot be imported.
 */
export function planPost(
  item: WxrItem,
  channel: WxrChannel,
  now: Date,
  /** The post's images and what became of each (their files looked up by the import). */
  images?: ReadonlyMap<string, ImageOutcome>,
): { skip: SkippedPostKind } | { article: PlannedArticle } {
  const type = item.postType || "post";
  if (type !== "post") return { skip: skippedTypes[type] ?? "otherPosts" };
  if (item.status === "trash" || item.status === "auto-draft" || item.status === "inherit")
    return { skip: "otherPosts" };
  if (!/^\d+$/.test(item.postId)) throw new AppError("bad_request", "it has no wp:post_id");
  if (item.oversized) throw new AppError("too_large", "its content is too large to import");

  const date = firstDate(item.postDateGmt, item.pubDate, item.postDate);
  const isPublic = publicStatuses.has(item.status) && !item.password;
  if (isPublic && !date) throw new AppError("bad_request", "it is published but has no valid date");
  const scheduled = isPublic && item.status === "future" && date! > now;
  const status = !isPublic ? "draft" : scheduled ? "scheduled" : "published";

  const body = htmlToMarkdown(item.content, images);
  const rendered = renderArticle(body);
  const excerptText = item.excerpt.trim() ? renderArticle(htmlToMarkdown(item.excerpt)).text.replace(/\n/g, " ") : "";
  const title = clamp(htmlToText(item.title), 200) || "(no title)";
  const named = decodeSlug(item.postName);
  const base = named.trim() ? slugify(named) : title !== "(no title)" ? slugify(title) : `post-${item.postId}`;

  return {
    article: {
      importKey: `${channel.siteUrl}#post-${item.postId}`,
      wpId: item.postId,
      slug: base === "article" && !/article/i.test(named || title) ? `post-${item.postId}` : base,
      title,
      authorName: clamp(htmlToText(channel.authors.get(item.creator) || item.creator) || "Unknown author", 120),
      publication: publication.name,
      excerpt: clamp(excerptText || excerptOf(rendered.blocks[0]?.text ?? ""), 1000),
      status,
      publishedAt: status === "draft" ? null : date,
      publishAt: status === "scheduled" ? date : null,
      categories: terms(item, "category"),
      tags: terms(item, "post_tag"),
      body,
      rendered,
      legacyPaths: legacyPathsOf(item, channel.siteUrl),
    },
  };
}

function terms(item: WxrItem, domain: string): Term[] {
  const bySlug = new Map<string, Term>();
  for (const term of item.terms) {
    if (term.domain !== domain) continue;
    const name = clamp(htmlToText(term.name) || decodeSlug(term.nicename), 60);
    const source = decodeSlug(term.nicename) || name;
    let slug = slugify(source);
    // A name in a script slugify cannot spell (Cyrillic, CJK…) still needs an address of its own.
    if (slug === "article" && !/article/i.test(source))
      slug = `${domain === "category" ? "category" : "tag"}-${crypto.createHash("sha256").update(source).digest("hex").slice(0, 8)}`;
    if (name && !bySlug.has(slug)) bySlug.set(slug, { slug, name });
  }
  return [...bySlug.values()];
}
