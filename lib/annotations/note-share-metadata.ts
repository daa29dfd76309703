import type { Metadata } from "next";
import { db } from "@/lib/db";
import { commentIdSchema } from "@/lib/validation/comment";
import { shortQuote } from "./conversation";
import { visibleAnnotations } from "./visibility";

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The OpenGraph preview of a shared note (`/articles/<slug>?note=<id>`): the passage quoted in the
 * title, the note (its author and words) in the description. Only a note anyone may read — public
 * and approved (the one visibility rule, read as nobody) — gets one; for any other id the page keeps
 * the article's own preview (null here), so a private, group, held or removed note never shows.
 */
export async function noteShareMetadata(
  article: { id: string; title: string; slug: string },
  base: string,
  rawId: unknown,
): Promise<Pick<Metadata, "openGraph" | "twitter"> | null> {
  const id = commentIdSchema.safeParse(rawId);
  if (!id.success) return null;
  const row = await db.annotation.findFirst({
    where: { id: id.data, articleId: article.id, status: "approved", AND: [visibleAnnotations(null)] },
    select: {
      body: true,
      exact: true,
      state: true,
      motivation: true,
      author: { select: { name: true, deletedAt: true } },
      parent: { select: { exact: true } },
    },
  });
  if (!row || !row.body) return null;
  const exact = row.exact ?? row.parent?.exact ?? null;
  const title = exact ? `“${shortQuote(exact, 120)}” — a note on ${article.title}` : `A note on ${article.title}`;
  const who = row.author && !row.author.deletedAt ? row.author.name : "A reader";
  const description = `${who}: ${shortQuote(squash(row.body), 240)}`;
  const url = `${base}/articles/${article.slug}?note=${encodeURIComponent(id.data)}`;
  return {
    openGraph: { title, description, url },
    twitter: { card: "summary", title, description },
  };
}
