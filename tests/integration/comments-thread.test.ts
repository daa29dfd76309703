import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { countNodes } from "@/lib/comments/build-thread";
import { threadJson } from "@/lib/comments/comment-json";
import { createComment } from "@/lib/comments/create-comment";
import { type CommentSort, listThread } from "@/lib/comments/list-thread";
import { locateComment } from "@/lib/comments/locate-comment";
import { db } from "@/lib/db";
import { notificationsSettled } from "@/lib/notifications/notify-reply";
import { insertArticle } from "../seed/articles";
import { insertComments, post, type SeedRow } from "../seed/comments";
import { createTestUser } from "../seed/users";
import { countStatements as countSQL } from "./count-statements";
import { expectAppError } from "./helpers";

const base = new Date("2032-05-01T00:00:00Z").getTime();
const second = (n: number) => new Date(base + n * 1_000);

/** Walks every page of an article's discussion with the keyset cursor; `between` runs after each page. */
async function walk(slug: string, sort: CommentSort, pageSize: number, between?: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 1; page < 500; page++) {
    const result: Awaited<ReturnType<typeof listThread>> = await listThread(null, slug, { sort, cursor, pageSize });
    seen.push(...result.threads.map((t) => t.id));
    if (!result.next) return seen;
    cursor = result.next;
    await between?.(page);
  }
  throw new Error("the cursor never ended");
}

describe("keyset paging of top-level comments", () => {
  it("oldest first: no duplicates and no gaps while new comments arrive between page fetches", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "pager" });
    // 23 comments, several sharing a timestamp so that the id breaks the tie.
    const seeded = await insertComments(
      article.id,
      Array.from({ length: 23 }, (_, i): SeedRow => ({ authorId: viewer.id, createdAt: second(Math.floor(i / 3)) })),
    );
    const expectedSeeded = (
      await db.comment.findMany({
        where: { id: { in: seeded } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((r) => r.id);

    const arrived: string[] = [];
    clock.set(second(1_000));
    const seen = await walk(article.slug, "oldest", 5, async (page) => {
      // Someone posts between two page fetches (new comments sort last in this order).
      const { viewer: poster } = await createTestUser({ label: `late-${page}` });
      arrived.push((await createComment(poster, article.slug, { body: `Arrived after page ${page}.` })).comment.id);
      clock.advance(1_000);
      // …and a reply lands in an earlier thread: it must not shift the top-level pages.
      await createComment(viewer, article.slug, {
        body: `A reply during page ${page}.`,
        parentId: expectedSeeded[page],
      });
      clock.advance(16_000);
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...expectedSeeded, ...arrived]);
  });

  it("newest first: new comments arriving at the top shift nothing that was not yet read", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "pager" });
    const seeded = await insertComments(
      article.id,
      Array.from({ length: 17 }, (_, i): SeedRow => ({ authorId: viewer.id, createdAt: second(Math.floor(i / 2)) })),
    );
    const expected = (
      await db.comment.findMany({
        where: { id: { in: seeded } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((r) => r.id);
    clock.set(second(1_000));
    const seen = await walk(article.slug, "newest", 4, async (page) => {
      const { viewer: poster } = await createTestUser({ label: `late-${page}` });
      await createComment(poster, article.slug, { body: `Newest after page ${page}.` });
      clock.advance(1_000);
    });
    expect(seen).toEqual(expected);
  });

  it("top: most liked first, ties oldest first, paged without duplicates or gaps", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "pager" });
    const likes = [3, 0, 5, 3, 0, 1, 5, 0, 3, 2, 0];
    const seeded = await insertComments(
      article.id,
      likes.map((n, i): SeedRow => ({ authorId: viewer.id, createdAt: second(i), likeCount: n })),
    );
    const expected = seeded
      .map((id, i) => ({ id, n: likes[i], i }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .map((r) => r.id);
    expect(await walk(article.slug, "top", 3)).toEqual(expected);
  });

  it("a page holds each top-level comment with its whole reply tree; the cursor pages only top-level comments", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "pager" });
    const [r1, r2, r3] = await insertComments(
      article.id,
      [0, 1, 2].map((n): SeedRow => ({ authorId: viewer.id, createdAt: second(n) })),
    );
    await insertComments(article.id, [
      { id: "reply-of-r1-aaaaaaaaaa", parentId: r1, authorId: viewer.id, createdAt: second(10) },
      { id: "reply-of-r1-bbbbbbbbbb", parentId: "reply-of-r1-aaaaaaaaaa", authorId: viewer.id, createdAt: second(11) },
      { parentId: r3, authorId: viewer.id, createdAt: second(12) },
    ]);
    const first = await listThread(null, article.slug, { pageSize: 2 });
    expect(first.threads.map((t) => [t.id, countNodes([t])])).toEqual([
      [r1, 3],
      [r2, 1],
    ]);
    expect(first.total).toBe(6);
    expect(first.pageCount).toBe(2);
    const rest = await listThread(null, article.slug, { pageSize: 2, cursor: first.next });
    expect(rest.threads.map((t) => [t.id, countNodes([t])])).toEqual([[r3, 2]]);
    expect(rest.next).toBeNull();
    // Page numbers (the permalink's ?page=N) give the same pages.
    expect((await listThread(null, article.slug, { pageSize: 2, page: 2 })).threads.map((t) => t.id)).toEqual([r3]);
  });

  it("a malformed cursor starts from the beginning instead of failing", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "pager" });
    const [only] = await insertComments(article.id, [{ authorId: viewer.id, createdAt: second(0) }]);
    for (const cursor of ["garbage", "eyJ0IjoiYSJ9", "x".repeat(500), ""])
      expect((await listThread(null, article.slug, { cursor })).threads.map((t) => t.id)).toEqual([only]);
  });
});

describe("locateComment (permalinks)", () => {
  it("a deep reply in top-level thread #60, with 50 per page, is on page 2", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "locate" });
    const roots = await insertComments(
      article.id,
      Array.from({ length: 61 }, (_, i): SeedRow => ({ authorId: viewer.id, createdAt: second(i) })),
    );
    // A hidden top-level comment before #60 must not count: readers do not see it on any page.
    await insertComments(article.id, [{ authorId: viewer.id, createdAt: new Date(base - 1_000), status: "spam" }]);
    let parent = roots[59];
    const chain: string[] = [];
    for (let depth = 1; depth <= 7; depth++) {
      const [id] = await insertComments(article.id, [
        { parentId: parent, authorId: viewer.id, createdAt: second(100 + depth) },
      ]);
      chain.push(id);
      parent = id;
    }
    const deepest = chain.at(-1)!;
    expect((await db.comment.findUniqueOrThrow({ where: { id: deepest } })).depth).toBe(7);

    expect(await locateComment(null, article.slug, deepest)).toEqual({ id: deepest, page: 2 });
    expect((await locateComment(null, article.slug, roots[49])).page).toBe(1);
    expect((await locateComment(null, article.slug, roots[50])).page).toBe(2);
    expect((await locateComment(null, article.slug, roots[0])).page).toBe(1);

    // Page 2 of the discussion does hold the thread, with the deep reply in it.
    const page2 = await listThread(null, article.slug, { page: 2 });
    const thread60 = page2.threads.find((t) => t.id === roots[59]);
    expect(thread60).toBeDefined();
    expect(JSON.stringify(threadJson([thread60!]))).toContain(`"id":"${deepest}"`);
    expect(page2.pageCount).toBe(2);
  });

  it("a permalink to a hidden, foreign or unknown comment is not found", async () => {
    const [article, other] = [await insertArticle(), await insertArticle()];
    const { viewer } = await createTestUser({ label: "locate" });
    const [spam, foreign] = [
      ...(await insertComments(article.id, [{ authorId: viewer.id, createdAt: second(0), status: "spam" }])),
      ...(await insertComments(other.id, [{ authorId: viewer.id, createdAt: second(0) }])),
    ];
    for (const id of [spam, foreign, "nosuchcomment0000000", "../x"])
      await expectAppError(locateComment(null, article.slug, id), "not_found");
  });

  it("a pending comment is located for its author only", async () => {
    const article = await insertArticle();
    const { viewer } = await createTestUser({ label: "locate" });
    const [held] = await insertComments(article.id, [{ authorId: viewer.id, createdAt: second(0), status: "pending" }]);
    expect(await locateComment(viewer, article.slug, held)).toEqual({ id: held, page: 1 });
    await expectAppError(locateComment(null, article.slug, held), "not_found");
  });
});

/** Statements sent while `fn` runs, after the reply mails of earlier posts have settled. */
const countStatements = <T>(fn: () => Promise<T>) => countSQL(fn, notificationsSettled);

/** An article whose first page holds `total` comments: `roots` threads, each a tree of replies up to depth 6. */
async function seedDiscussion(total: number, roots: number, authors: string[]) {
  const article = await insertArticle();
  const rows: SeedRow[] = [];
  const perThread = Math.floor(total / roots);
  let n = 0;
  for (let r = 0; r < roots; r++) {
    const size = r === roots - 1 ? total - perThread * (roots - 1) : perThread;
    const ids: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `c${String(total).padStart(5, "0")}${String(n).padStart(6, "0")}${Math.random().toString(36).slice(2, 10)}`;
      // Runs of replies to the previous comment (deep chains), every sixth one branching off higher up.
      const parentId = k === 0 ? null : ids[k % 6 === 0 ? Math.floor(k / 2) : k - 1];
      rows.push({ id, parentId, authorId: authors[n % authors.length], createdAt: second(n), likeCount: n % 4 });
      ids.push(id);
      n++;
    }
  }
  for (let i = 0; i < rows.length; i += 500) await insertComments(article.id, rows.slice(i, i + 500));
  return article;
}

describe("listThread cost", () => {
  it("(the statement counter sees every statement)", async () => {
    const { statements } = await countStatements(async () => {
      await db.user.count();
      await Promise.all([db.article.count(), db.comment.count()]);
      await db.$transaction([db.setting.findMany(), db.setting.count()]);
    });
    expect(statements.filter((s) => /^\s*SELECT/i.test(s)).length).toBe(5);
  });

  it("is a constant number of SQL statements: the same for 10 and for 2,000 comments", async () => {
    const { viewer } = await createTestUser({ label: "counter" });
    const authors = [viewer.id];
    for (let i = 0; i < 4; i++) authors.push((await createTestUser({ label: `author-${i}` })).viewer.id);
    const small = await seedDiscussion(10, 2, authors);
    const large = await seedDiscussion(2_000, 50, authors);
    // The viewer liked some comments, so their likes are read too.
    const likedIds = (
      await db.comment.findMany({
        where: { articleId: large.id, authorId: { not: viewer.id } },
        take: 30,
        select: { id: true },
      })
    ).map((c) => c.id);
    await db.commentLike.createMany({ data: likedIds.map((commentId) => ({ commentId, userId: viewer.id })) });

    for (const who of [null, viewer]) {
      const forSmall = await countStatements(() => listThread(who, small.slug));
      const forLarge = await countStatements(() => listThread(who, large.slug));
      expect(countNodes(forSmall.result.threads)).toBe(10);
      // A page load is bounded (commentsPerLoad): the rest waits behind "more" stubs.
      expect(countNodes(forLarge.result.threads)).toBe(100);
      expect(forLarge.result.total).toBe(2_000);
      expect(forSmall.statements.length).toBeGreaterThan(0);
      // Today 8 (anonymous) or 9 (signed in: their likes); a query per comment would be thousands.
      expect(forSmall.statements.length).toBeLessThanOrEqual(10);
      expect(forLarge.statements.length, `statements for 2,000 comments:\n${forLarge.statements.join("\n")}`).toBe(
        forSmall.statements.length,
      );
      // Only the likes of the comments the load carries are read.
      if (who) {
        const shown = new Set(
          JSON.stringify(threadJson(forLarge.result.threads))
            .match(/"id":"c[^"]+"/g)!
            .map((m) => m.slice(6, -1)),
        );
        expect(forLarge.result.liked).toEqual(new Set(likedIds.filter((id) => shown.has(id))));
      }
    }
  });

  it("holds for a posted comment's path too (a thread of 2,000 answers in the same number of statements as one of 10)", async () => {
    const { viewer } = await createTestUser({ label: "poster" });
    const small = await seedDiscussion(10, 1, [viewer.id]);
    const large = await seedDiscussion(2_000, 1, [viewer.id]);
    const smallRoot = (await db.comment.findFirstOrThrow({ where: { articleId: small.id, parentId: null } })).id;
    const largeRoot = (await db.comment.findFirstOrThrow({ where: { articleId: large.id, parentId: null } })).id;
    clock.set(second(10_000));
    const a = await countStatements(() => post(viewer, small.slug, "Reply on the small thread.", smallRoot));
    const b = await countStatements(() => post(viewer, large.slug, "Reply on the large thread.", largeRoot));
    expect(b.statements.length).toBe(a.statements.length);
    const located = await countStatements(() => locateComment(null, large.slug, b.result.id));
    expect(located.result.page).toBe(1);
    expect(located.statements.length).toBeLessThanOrEqual(5);
  });
});
