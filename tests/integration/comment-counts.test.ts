import { describe, expect, it } from "vitest";
import { countVisible, listThread } from "@/lib/comments/list-thread";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { insertArticle } from "../seed/articles";
import { insertComments, type SeedRow } from "../seed/comments";
import { createTestUser } from "../seed/users";

const at = (n: number) => new Date(Date.UTC(2031, 0, 1) + n * 1_000);

// countVisible (issue 21) counts from an index in one statement what listThread counted with two
// Prisma counts that read every comment: the heading's total and the pager's top-level count must
// stay exactly what those counts were, for every status and for anonymous and signed-in viewers.
describe("the discussion's counts (heading and pager)", () => {
  it("count exactly what the viewer sees, as the Prisma queries they replace did", async () => {
    const article = await insertArticle();
    const other = await insertArticle();
    const { viewer: me } = await createTestUser({ label: "counts-me" });
    const { viewer: them } = await createTestUser({ label: "counts-them" });
    const statuses = ["approved", "pending", "spam", "trash", "deleted"] as const;
    // Every status as a top-level comment, by each author; each with replies of every status.
    const tops: SeedRow[] = [];
    let n = 0;
    for (const status of statuses)
      for (const author of [me, them]) tops.push({ authorId: author.id, status, createdAt: at(n++) });
    const topIds = await insertComments(article.id, tops);
    const replies: SeedRow[] = [];
    for (const [i, parentId] of topIds.entries())
      for (const status of statuses)
        if ((i + status.length) % 3 !== 0)
          replies.push({ authorId: i % 2 ? me.id : them.id, parentId, status, createdAt: at(n++) });
    await insertComments(article.id, replies);
    // A deleted top-level comment whose only replies are not approved: not on the pager.
    const [lonely] = await insertComments(article.id, [{ authorId: them.id, status: "deleted", createdAt: at(n++) }]);
    await insertComments(article.id, [{ authorId: me.id, parentId: lonely, status: "pending", createdAt: at(n++) }]);
    // Another article's comments are never counted.
    await insertComments(other.id, [
      { authorId: me.id, createdAt: at(n++) },
      { authorId: me.id, status: "pending", createdAt: at(n++) },
    ]);

    for (const viewer of [null, me, them]) {
      // What listThread's visibleTo was: approved and deleted ones, and the viewer's own pending ones.
      const seen: Prisma.CommentWhereInput = {
        OR: [
          { status: { in: ["approved", "deleted"] } },
          ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
        ],
      };
      const total = await db.comment.count({ where: { articleId: article.id, ...seen, status: { not: "deleted" } } });
      const topCount = await db.comment.count({
        where: {
          articleId: article.id,
          parentId: null,
          OR: [
            { status: "approved" },
            ...(viewer ? [{ status: "pending" as const, authorId: viewer.id }] : []),
            { status: "deleted", replies: { some: { status: "approved" } } },
          ],
        },
      });
      expect(await countVisible(article.id, viewer)).toEqual({ total, topCount });
      const page = await listThread(viewer, article.slug, { pageSize: 2 });
      expect(page.total).toBe(total);
      expect(page.pageCount).toBe(Math.ceil(topCount / 2));
    }
    // The figures themselves, so that the test would see both queries drift the same way.
    expect(await countVisible(article.id, null)).toEqual({
      total: 2 + replies.filter((r) => r.status === "approved").length,
      topCount:
        2 + topIds.slice(8).filter((id) => replies.some((r) => r.parentId === id && r.status === "approved")).length,
    });
  });
});
