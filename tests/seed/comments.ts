import crypto from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import type { ContributionStatus } from "@/lib/generated/prisma/enums";
import { defaultSettings } from "@/lib/settings/get-settings";

// Comments: posted through the domain function (the rules run) or stored in bulk or in a given state.

/** Posts a comment through the domain function after moving the clock past the flood interval. */
export async function post(viewer: Viewer | null, slug: string, body: string, parentId?: string) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  return (await createComment(viewer, slug, { body, parentId })).comment;
}

export const commentCount = (articleId: string) => db.comment.count({ where: { articleId } });

export type SeedRow = {
  id?: string;
  parentId?: string | null;
  authorId: string;
  body?: string;
  status?: ContributionStatus;
  createdAt: Date;
  likeCount?: number;
};

/**
 * Inserts comments in bulk (one statement), filling threadId and depth from the parents given in
 * the same batch or already stored. Rows must come parents first.
 */
export async function insertComments(articleId: string, rows: SeedRow[]) {
  const known = new Map<string, { threadId: string; depth: number }>();
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => !!p))];
  for (const p of await db.comment.findMany({
    where: { id: { in: parentIds } },
    select: { id: true, threadId: true, depth: true },
  }))
    known.set(p.id, p);
  const data = rows.map((r) => {
    const id = r.id ?? crypto.randomBytes(12).toString("hex");
    const parent = r.parentId ? known.get(r.parentId) : undefined;
    if (r.parentId && !parent) throw new Error(`insertComments: parent ${r.parentId} of ${id} is not known yet`);
    const threadId = parent?.threadId ?? id;
    const depth = parent ? parent.depth + 1 : 0;
    known.set(id, { threadId, depth });
    const body = r.body ?? `Seeded comment ${id}`;
    return {
      id,
      articleId,
      parentId: r.parentId ?? null,
      threadId,
      depth,
      authorId: r.authorId,
      body,
      html: `<p>${body}</p>`,
      status: r.status ?? "approved",
      likeCount: r.likeCount ?? 0,
      createdAt: r.createdAt,
    };
  });
  await db.comment.createMany({ data });
  return data.map((d) => d.id);
}

/** A comment stored straight in a given state (for actions that do not care how it got there). */
export async function storedComment(
  articleId: string,
  authorId: string,
  status: "pending" | "approved" | "spam" | "trash" | "deleted" = "pending",
  holdReasons: string[] = [],
) {
  const id = crypto.randomBytes(12).toString("hex");
  await db.comment.create({
    data: {
      id,
      articleId,
      threadId: id,
      authorId,
      body: `Stored ${id}`,
      html: `<p>Stored ${id}</p>`,
      status,
      holdReasons,
      createdAt: clock.now(),
    },
  });
  return id;
}

/** Stores a comment straight through Prisma, with the status given (an imported reader's unless `authorId`). */
export async function insertComment(
  articleId: string,
  body: string,
  options: {
    status?: ContributionStatus;
    authorName?: string;
    authorId?: string;
    createdAt?: Date;
    deleted?: boolean;
  } = {},
) {
  const id = `c${crypto.randomBytes(10).toString("hex")}`;
  await db.comment.create({
    data: {
      id,
      threadId: id,
      articleId,
      body,
      html: `<p>${body.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      status: options.deleted ? "deleted" : (options.status ?? "approved"),
      deletedAt: options.deleted ? new Date() : null,
      authorName: options.authorId ? null : (options.authorName ?? "Imported Reader"),
      authorId: options.authorId ?? null,
      createdAt: options.createdAt ?? new Date(),
    },
  });
  return id;
}
