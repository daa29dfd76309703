import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { countNodes } from "@/lib/comments/build-thread";
import { threadJson } from "@/lib/comments/comment-json";
import { listReplies } from "@/lib/comments/list-replies";
import { listThread, type ThreadComment } from "@/lib/comments/list-thread";
import { isAppError } from "@/lib/errors";
import { insertArticle } from "../seed/articles";
import { insertComments, type SeedRow } from "../seed/comments";
import { withSetting } from "../seed/settings";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const base = new Date("2033-03-01T00:00:00Z").getTime();
const second = (n: number) => new Date(base + n * 1_000);
const newId = (n: number) => `b${String(n).padStart(6, "0")}${crypto.randomBytes(6).toString("hex")}`;

type Json = {
  id: string;
  status: string;
  body: string | null;
  depth: number;
  replies: Json[];
  moreReplies?: { count: number; cursor: string | null };
};

/**
 * What GET /api/comments/{id}/replies answers (its route is this call and threadJson; the HTTP
 * layer, which needs Auth.js, is covered by e2e/comments/api.spec.ts), status from the AppError.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getReplies(id: string, query: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  try {
    const r = await listReplies(null, id, { sort: query.sort ?? null, cursor: query.cursor ?? null });
    return {
      status: 200,
      body: JSON.parse(JSON.stringify({ comments: threadJson(r.comments), next: r.next, remaining: r.remaining })),
    };
  } catch (e) {
    if (isAppError(e)) return { status: e.status, body: { error: { code: e.code, message: e.message } } };
    throw e;
  }
}

/** `roots` threads holding `total` comments: long runs of replies (deep chains) that branch off now and then. */
async function seedLongThreads(total: number, roots: number, authorId: string) {
  const article = await insertArticle();
  const rows: SeedRow[] = [];
  const perThread = Math.floor(total / roots);
  let n = 0;
  for (let r = 0; r < roots; r++) {
    const size = r === roots - 1 ? total - perThread * (roots - 1) : perThread;
    const ids: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = newId(n);
      const parentId = k === 0 ? null : ids[k % 5 === 0 ? Math.floor(k / 3) : k - 1];
      rows.push({ id, parentId, authorId, createdAt: second(n), likeCount: n % 3 });
      ids.push(id);
      n++;
    }
  }
  for (let i = 0; i < rows.length; i += 500) await insertComments(article.id, rows.slice(i, i + 500));
  return { article, ids: rows.map((r) => r.id!) };
}

/** Every comment reachable from a page load: what it carries, then each stub followed through the replies API. */
async function reachAll(threads: Json[]) {
  const seen: string[] = [];
  let requests = 0;
  const walk = async (list: Json[]) => {
    for (const c of list) {
      seen.push(c.id);
      await walk(c.replies);
      let more = c.moreReplies ? { cursor: c.moreReplies.cursor } : null;
      while (more) {
        requests++;
        const { status, body } = await getReplies(c.id, more.cursor ? { cursor: more.cursor } : {});
        expect(status).toBe(200);
        await walk(body.comments);
        more = body.next ? { cursor: body.next } : null;
      }
    }
  };
  await walk(threads);
  return { seen, requests };
}

const stubTotal = (list: Json[]): number =>
  list.reduce((n, c) => n + (c.moreReplies?.count ?? 0) + stubTotal(c.replies), 0);

describe("a page load carries a bounded number of comments", () => {
  it("2,000 comments in 50 long threads: at most 100 on the page, the stubs count the rest, and following them reaches every comment once", async () => {
    const { viewer } = await createTestUser({ label: "bounded" });
    const { article, ids } = await seedLongThreads(2_000, 50, viewer.id);
    const page = await listThread(null, article.slug);
    expect(page.threads).toHaveLength(50);
    expect(countNodes(page.threads)).toBe(100);
    expect(page.total).toBe(2_000);
    const json = threadJson(page.threads) as Json[];
    expect(countNodes(page.threads) + stubTotal(json)).toBe(2_000);
    // Every thread shows its first reply before any shows a second.
    for (const t of json) expect(t.replies.length).toBeGreaterThanOrEqual(1);
    const { seen, requests } = await reachAll(json);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(requests).toBeGreaterThan(0);
  });

  it("the budget is the commentsPerLoad setting (and caps the threads of a page too)", async () => {
    const { viewer } = await createTestUser({ label: "bounded" });
    const { article } = await seedLongThreads(300, 10, viewer.id);
    await withSetting("commentsPerLoad", 30, async () => {
      const page = await listThread(null, article.slug);
      expect(countNodes(page.threads)).toBe(30);
      expect(page.threads).toHaveLength(10);
    });
    await withSetting("commentsPerLoad", 5, async () => {
      const page = await listThread(null, article.slug);
      expect(page.threads).toHaveLength(5);
      expect(countNodes(page.threads)).toBe(5);
      expect(page.pageCount).toBe(2);
    });
    // A small discussion is shown whole, with no stub.
    const small = await seedLongThreads(40, 4, viewer.id);
    const whole = await listThread(null, small.article.slug);
    expect(countNodes(whole.threads)).toBe(40);
    expect(stubTotal(threadJson(whole.threads) as Json[])).toBe(0);
  });

  it("long comments make a load of fewer: the page's weight stays within commentBytesPerLoad", async () => {
    const { viewer } = await createTestUser({ label: "heavy" });
    const article = await insertArticle();
    const rows: SeedRow[] = [];
    for (let r = 0; r < 10; r++) {
      const root = newId(r * 100);
      rows.push({ id: root, authorId: viewer.id, createdAt: second(r * 100), body: "long ".repeat(800) });
      for (let k = 1; k < 30; k++)
        rows.push({
          id: newId(r * 100 + k),
          parentId: root,
          authorId: viewer.id,
          createdAt: second(r * 100 + k),
          body: "long ".repeat(800),
        });
    }
    await insertComments(article.id, rows);
    const page = await listThread(null, article.slug);
    const shown = countNodes(page.threads);
    // Each comment carries ~4 kB of HTML (~12 kB of page): about 320 kB / 12 kB of them.
    expect(shown).toBeGreaterThanOrEqual(20);
    expect(shown).toBeLessThan(30);
    expect(shown + stubTotal(threadJson(page.threads) as Json[])).toBe(300);
    await withSetting("commentBytesPerLoad", 10_000_000, async () =>
      expect(countNodes((await listThread(null, article.slug)).threads)).toBe(100),
    );
  });

  it("the page's sort orders the threads; replies stay oldest first under them, each thread's stubs counting what it leaves out", async () => {
    const { viewer } = await createTestUser({ label: "bounded" });
    const { article } = await seedLongThreads(600, 6, viewer.id);
    const sizes = new Map<string, number>();
    for (const sort of ["oldest", "newest", "top"] as const) {
      const page = await listThread(null, article.slug, { sort });
      expect(countNodes(page.threads)).toBe(100);
      const times = page.threads.map((t) => t.createdAt.getTime());
      if (sort === "oldest") expect(times).toEqual([...times].sort((a, b) => a - b));
      if (sort === "newest") expect(times).toEqual([...times].sort((a, b) => b - a));
      if (sort === "top")
        expect(page.threads.map((t) => t.likeCount)).toEqual(
          page.threads.map((t) => t.likeCount).sort((a, b) => b - a),
        );
      const oldestFirst = (list: ThreadComment[]): void => {
        const at = list.map((c) => c.createdAt.getTime());
        expect(at).toEqual([...at].sort((a, b) => a - b));
        for (const c of list) oldestFirst(c.replies);
      };
      for (const t of page.threads) {
        oldestFirst(t.replies);
        const size = countNodes([t]) + stubTotal(threadJson([t]) as Json[]);
        expect(size).toBe(sizes.get(t.id) ?? size);
        sizes.set(t.id, size);
      }
    }
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBe(600);
  });
});

describe("GET /api/comments/{id}/replies", () => {
  async function branchOf(count: number) {
    const { viewer } = await createTestUser({ label: "branch" });
    const article = await insertArticle();
    const rootId = newId(0);
    const rows: SeedRow[] = [{ id: rootId, authorId: viewer.id, createdAt: second(0) }];
    // Pairs share a timestamp (the id breaks the tie); likes repeat so "top" has ties too.
    for (let i = 0; i < count; i++)
      rows.push({
        id: newId(i + 1),
        parentId: rootId,
        authorId: viewer.id,
        createdAt: second(1 + Math.floor(i / 2)),
        likeCount: (i * 7) % 5,
      });
    await insertComments(article.id, rows);
    // A reply under the third reply: it comes with its parent, within the budget.
    const [nested] = await insertComments(article.id, [
      { parentId: rows[3].id, authorId: viewer.id, createdAt: second(500) },
    ]);
    return { viewer, article, rootId, replies: rows.slice(1), nested };
  }

  it("pages a branch of 120 replies with a cursor, in each order, without gaps or repeats", async () => {
    const { rootId, replies, nested } = await branchOf(120);
    const orders = {
      oldest: [...replies].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id! < b.id! ? -1 : 1)),
      newest: [...replies].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id! < b.id! ? 1 : -1)),
      top: [...replies].sort(
        (a, b) =>
          b.likeCount! - a.likeCount! || a.createdAt.getTime() - b.createdAt.getTime() || (a.id! < b.id! ? -1 : 1),
      ),
    };
    for (const [sort, expected] of Object.entries(orders)) {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      let remaining = -1;
      for (let i = 0; i < 10; i++) {
        const { status, body } = await getReplies(rootId, { sort, ...(cursor ? { cursor } : {}) });
        expect(status).toBe(200);
        seen.push(...body.comments.map((c: Json) => c.id));
        sizes.push(body.comments.length);
        for (const c of body.comments as Json[]) expect(c.depth).toBe(1);
        const withNested = (body.comments as Json[]).find((c) => c.replies.length);
        if (withNested) expect(withNested.replies.map((r) => r.id)).toEqual([nested]);
        remaining = body.remaining;
        cursor = body.next;
        if (!cursor) break;
      }
      expect(seen, sort).toEqual(expected.map((r) => r.id));
      expect(sizes).toEqual([50, 50, 20]);
      expect(remaining).toBe(0);
    }
    // `remaining` counts the branch's comments after the page (the nested reply included).
    const first = await getReplies(rootId);
    expect(first.body.remaining).toBe(121 - 50 - 1);
  });

  it("keeps a load bounded: replies of the page's replies share the budget and leave stubs", async () => {
    const { viewer } = await createTestUser({ label: "branch" });
    const article = await insertArticle();
    const rows: SeedRow[] = [{ id: newId(0), authorId: viewer.id, createdAt: second(0) }];
    for (let i = 1; i <= 30; i++)
      rows.push({ id: newId(i), parentId: rows[0].id, authorId: viewer.id, createdAt: second(i) });
    for (let i = 1; i <= 30; i++)
      for (let k = 0; k < 5; k++)
        rows.push({
          id: newId(100 + i * 10 + k),
          parentId: rows[i].id,
          authorId: viewer.id,
          createdAt: second(100 + i * 10 + k),
        });
    await insertComments(article.id, rows);
    await withSetting("commentsPerLoad", 60, async () => {
      const { body } = await getReplies(rows[0].id!);
      expect(body.comments).toHaveLength(30);
      expect(countNodes(body.comments)).toBe(60);
      expect(countNodes(body.comments) + stubTotal(body.comments)).toBe(180);
      expect(body.next).toBeNull();
    });
  });

  it("held and deleted replies as in the discussion: a held one for its author only; a deleted one as a placeholder while replies hang below it", async () => {
    const { viewer: author } = await createTestUser({ label: "held" });
    const { viewer: other } = await createTestUser({ label: "other" });
    const article = await insertArticle();
    const root = newId(0),
      held = newId(1),
      deleted = newId(2),
      below = newId(3),
      deletedLeaf = newId(4),
      spam = newId(5),
      visible = newId(6);
    await insertComments(article.id, [
      { id: root, authorId: other.id, createdAt: second(0) },
      { id: held, parentId: root, authorId: author.id, createdAt: second(1), status: "pending" },
      { id: deleted, parentId: root, authorId: other.id, createdAt: second(2), status: "deleted" },
      { id: below, parentId: deleted, authorId: other.id, createdAt: second(3) },
      { id: deletedLeaf, parentId: root, authorId: other.id, createdAt: second(4), status: "deleted" },
      { id: spam, parentId: root, authorId: other.id, createdAt: second(5), status: "spam" },
      { id: visible, parentId: root, authorId: other.id, createdAt: second(6) },
    ]);
    const ids = (list: ThreadComment[]) => list.map((c) => c.id);
    expect(ids((await listReplies(null, root, {})).comments)).toEqual([deleted, visible]);
    expect(ids((await listReplies(other, root, {})).comments)).toEqual([deleted, visible]);
    expect(ids((await listReplies(author, root, {})).comments)).toEqual([held, deleted, visible]);
    const anonymous = await getReplies(root);
    const placeholder = (anonymous.body.comments as Json[]).find((c) => c.id === deleted)!;
    expect(placeholder).toMatchObject({ status: "deleted", body: null });
    expect(placeholder.replies.map((r) => r.id)).toEqual([below]);
    // The replies of a held, a spam or a removed comment are not to be had by others.
    for (const id of [held, spam, deletedLeaf, "no-such-comment", "../x"])
      expect((await getReplies(id)).status).toBe(404);
    expect((await listReplies(author, held, {})).comments).toEqual([]);
  });

  it("bad input is a 400 with a reason: a malformed cursor, an unknown sort", async () => {
    const { rootId } = await branchOf(3);
    for (const cursor of ["garbage", "eyJ0IjoiYSJ9", "x".repeat(500)]) {
      const { status, body } = await getReplies(rootId, { cursor });
      expect(status, cursor).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(/cursor/);
    }
    const sorted = await getReplies(rootId, { sort: "random" });
    expect(sorted.status).toBe(400);
    expect(sorted.body.error.message).toMatch(/sort/);
    await expectAppError(listReplies(null, rootId, { cursor: "%%%" }), "bad_request");
  });
});

describe("permalinks into a long thread", () => {
  it("land on a reply 4 levels deep (or deeper, shown flat) with the branch down to it shown, however long the thread", async () => {
    const { viewer } = await createTestUser({ label: "deep" });
    const { article, ids } = await seedLongThreads(800, 4, viewer.id);
    const root = ids[0];
    // The first thread grows 120 more replies, then, late, a chain four deep under its root; the
    // third of the chain has two replies, and the fourth one more (depth 5: shown flat at level 4).
    await insertComments(
      article.id,
      Array.from(
        { length: 120 },
        (_, i): SeedRow => ({ id: newId(8000 + i), parentId: root, authorId: viewer.id, createdAt: second(4_000 + i) }),
      ),
    );
    const chain = [newId(9001), newId(9002), newId(9003), newId(9004), newId(9005)];
    const kids = [newId(9006), newId(9007)];
    await insertComments(article.id, [
      { id: chain[0], parentId: root, authorId: viewer.id, createdAt: second(5_000) },
      { id: chain[1], parentId: chain[0], authorId: viewer.id, createdAt: second(5_001) },
      { id: chain[2], parentId: chain[1], authorId: viewer.id, createdAt: second(5_002) },
      { id: chain[3], parentId: chain[2], authorId: viewer.id, createdAt: second(5_003) },
      { id: chain[4], parentId: chain[3], authorId: viewer.id, createdAt: second(5_004) },
      { id: kids[0], parentId: chain[2], authorId: viewer.id, createdAt: second(5_005) },
      { id: kids[1], parentId: chain[2], authorId: viewer.id, createdAt: second(5_006) },
    ]);
    const plain = JSON.stringify(threadJson((await listThread(null, article.slug)).threads));
    for (const id of chain) expect(plain).not.toContain(id);

    const has = (threads: ThreadComment[], id: string) => JSON.stringify(threadJson(threads)).includes(`"id":"${id}"`);
    const at4 = await listThread(null, article.slug, { focus: chain[3] });
    for (const id of chain.slice(0, 4)) expect(has(at4.threads, id)).toBe(true);
    expect(countNodes(at4.threads)).toBeLessThanOrEqual(100 + 5);
    // The comment above it, focused: its own replies (flat below the last level) come with it.
    const at3 = await listThread(null, article.slug, { focus: chain[2] });
    for (const id of [...chain, ...kids]) expect(has(at3.threads, id)).toBe(true);
    // Deeper than the nesting goes: the path runs through the comment it is shown under.
    const at5 = await listThread(null, article.slug, { focus: chain[4] });
    expect(has(at5.threads, chain[4])).toBe(true);
    expect(countNodes(at5.threads)).toBeLessThanOrEqual(100 + 5);
  });

  it("without JavaScript, a stub's link pages the branch: the page shows the replies after its cursor", async () => {
    const { viewer } = await createTestUser({ label: "nojs" });
    const article = await insertArticle();
    const rows: SeedRow[] = [{ id: newId(0), authorId: viewer.id, createdAt: second(0) }];
    for (let i = 1; i <= 250; i++)
      rows.push({ id: newId(i), parentId: rows[0].id, authorId: viewer.id, createdAt: second(i) });
    await insertComments(article.id, rows);
    const first = await listThread(null, article.slug);
    const stub = first.threads[0].more!;
    expect(first.threads[0].replies).toHaveLength(99);
    expect(stub.count).toBe(151);
    const next = await listThread(null, article.slug, { focus: rows[0].id, focusAfter: stub.cursor });
    expect(next.threads[0].replies.map((r) => r.id)).toEqual(rows.slice(100, 200).map((r) => r.id));
    expect(next.threads[0].more).toMatchObject({ count: 51 });
    const last = await listThread(null, article.slug, { focus: rows[0].id, focusAfter: next.threads[0].more!.cursor });
    expect(last.threads[0].replies.map((r) => r.id)).toEqual(rows.slice(200).map((r) => r.id));
    expect(last.threads[0].more).toBeUndefined();
    // A malformed cursor shows the branch from its start.
    const bad = await listThread(null, article.slug, { focus: rows[0].id, focusAfter: "nonsense" });
    expect(bad.threads[0].replies[0].id).toBe(rows[1].id);
  });
});
