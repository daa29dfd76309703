import crypto from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { defaultSettings, setSetting, type Settings } from "@/lib/settings/get-settings";

export const unique = (label: string) => `${label}-${crypto.randomBytes(5).toString("hex")}`;

/** A published article with one current revision, inserted straight through Prisma. */
export async function insertArticle(options: { commentsOpen?: boolean } = {}) {
  const slug = unique("discussion");
  const article = await db.article.create({
    data: {
      slug, title: `Title of ${slug}`, authorName: "Test Author", excerpt: "An excerpt.", status: "published",
      publishedAt: new Date("2001-01-01T00:00:00Z"), commentsOpen: options.commentsOpen ?? true,
      revisions: { create: { number: 1, body: "Some words here.", html: '<p data-block-id="b000001">Some words here.</p>', text: "Some words here.", blockIds: ["b000001"], wordCount: 3 } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: article.revisions[0].id } });
  return { id: article.id, slug };
}

/** Posts through the domain function after moving the clock past the flood interval. */
export async function post(viewer: Viewer | null, slug: string, body: string, parentId?: string) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  const { comment } = await createComment(viewer, slug, { body, parentId });
  return comment;
}

export const commentCount = (articleId: string) => db.comment.count({ where: { articleId } });

/** Bans a user in the database (as moderation will); `until` null is permanent. */
export async function ban(userId: string, until: Date | null = new Date(clock.now().getTime() + 86_400_000)) {
  await db.user.update({ where: { id: userId }, data: { status: "banned", bannedUntil: until, banReason: "testing" } });
}

/** Runs `fn` with a setting changed, then puts the table back as it was. */
export async function withSetting<K extends keyof Settings, T>(key: K, value: Settings[K], fn: () => Promise<T>): Promise<T> {
  const before = await db.setting.findUnique({ where: { key } });
  await setSetting(key, value);
  try {
    return await fn();
  } finally {
    if (before) await db.setting.update({ where: { key }, data: { value: before.value as object } });
    else await db.setting.deleteMany({ where: { key } });
  }
}

export type SeedRow = { id?: string; parentId?: string | null; authorId: string; body?: string; status?: ContributionStatus; createdAt: Date; likeCount?: number };

/**
 * Inserts comments in bulk (one statement), filling threadId and depth from the parents given in
 * the same batch or already stored. Rows must come parents first.
 */
export async function insertComments(articleId: string, rows: SeedRow[]) {
  const known = new Map<string, { threadId: string; depth: number }>();
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => !!p))];
  for (const p of await db.comment.findMany({ where: { id: { in: parentIds } }, select: { id: true, threadId: true, depth: true } })) known.set(p.id, p);
  const data = rows.map((r) => {
    const id = r.id ?? crypto.randomBytes(12).toString("hex");
    const parent = r.parentId ? known.get(r.parentId) : undefined;
    if (r.parentId && !parent) throw new Error(`insertComments: parent ${r.parentId} of ${id} is not known yet`);
    const threadId = parent?.threadId ?? id;
    const depth = parent ? parent.depth + 1 : 0;
    known.set(id, { threadId, depth });
    const body = r.body ?? `Seeded comment ${id}`;
    return {
      id, articleId, parentId: r.parentId ?? null, threadId, depth, authorId: r.authorId, body, html: `<p>${body}</p>`,
      status: r.status ?? "approved", likeCount: r.likeCount ?? 0, createdAt: r.createdAt,
    };
  });
  await db.comment.createMany({ data });
  return data.map((d) => d.id);
}
