import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAnnotation, updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import { closeLiveBus, liveBus } from "@/lib/live/live-bus";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { getSettings, setSetting } from "@/lib/settings/get-settings";
import { insertArticle } from "../seed/articles";
import { createTestUser, established } from "../seed/users";
import { expectAppError } from "./helpers";
import { collect, type SseEvent, sleep } from "./live-helpers";

const root = process.cwd();
const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const fixture = path.join(root, "tests", "integration", "fixtures", "live-listen.ts");

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
let floodIntervalMs = 0;
afterAll(async () => {
  await setSetting("floodIntervalMs", floodIntervalMs);
  await closeLiveBus();
});

/** Another process on the same database with its own bus and stream on `slug`. */
function startListener(slug: string) {
  const child = spawn(process.execPath, [tsx, fixture, slug], {
    cwd: root,
    env: process.env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const lines = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as SseEvent & { posted?: string; error?: string });
  const ready = new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes("ready\n")) {
        clearInterval(t);
        resolve();
      }
    }, 20);
    child.once("exit", (code) => {
      clearInterval(t);
      reject(new Error(`listener exited (${code}) before it was ready:\n${err}`));
    });
  });
  return {
    ready,
    lines,
    send: (line: string) => child.stdin!.write(line + "\n"),
    async waitFor<T>(
      pick: (l: ReturnType<typeof lines>[number]) => T | undefined | false,
      ms = 3000,
    ): Promise<T | null> {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        for (const l of lines()) {
          const v = pick(l);
          if (v) return v;
        }
        await sleep(20);
      }
      return null;
    },
  };
}

// On the real clock (the child process has no test clock); the flood interval is 0 in this file.
const post = async (viewer: Viewer, slug: string, body: string) =>
  (await createComment(viewer, slug, { body })).comment;

let author: Viewer, moderator: Viewer, fresh: Viewer, readers: Viewer[];
let article: { id: string; slug: string };
beforeAll(async () => {
  // The child process posts on the real clock, this one on the test clock: no flood interval here.
  floodIntervalMs = (await getSettings()).floodIntervalMs;
  await setSetting("floodIntervalMs", 0);
  author = (await createTestUser({ label: "live-author" })).viewer;
  moderator = (await createTestUser({ label: "live-mod", role: "moderator" })).viewer;
  fresh = (await createTestUser({ label: "live-fresh", trusted: false })).viewer;
  // Readers in good standing (a day old, an approved contribution): only their reports hide (security finding 5).
  readers = await Promise.all([1, 2, 3].map(() => established()));
  article = await insertArticle();
});

const note = (audience?: "private") => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  ...(audience ? { audience } : {}),
  target: { selector: { type: "TextQuoteSelector", exact: "words" } },
  body: { type: "TextualBody", value: `A ${audience ?? "public"} note ${Math.random()}` },
});

describe("live events across processes", () => {
  it("a comment posted through one process reaches a stream opened in another, and back; ids only", async () => {
    const other = startListener(article.slug);
    await other.ready;
    const here = await collect(article.slug);
    try {
      const mine = await post(author, article.slug, "Posted in the test process.");
      const seen = await other.waitFor((l) => l.event === "comment" && l.json?.id === mine.id && l);
      expect(seen, "the other process's stream got the event").not.toBeNull();
      expect(seen!.json).toEqual({ action: "created", id: mine.id });
      expect(seen!.id).toMatch(/^\d+$/);

      // The other way: the child process posts, this process's stream hears it.
      other.send(`comment ${JSON.stringify(author)} Posted in the other process ${Date.now()}.`);
      const posted = await other.waitFor((l) => l.posted || (l.error ? `error: ${l.error}` : undefined));
      expect(posted).not.toMatch(/^error/);
      const heard = await here.waitFor((e) => e.json?.id === posted);
      expect(heard?.event).toBe("comment");
      expect(heard?.json).toEqual({ action: "created", id: posted });
    } finally {
      await here.close();
    }
  }, 30_000);

  it("many streams in one process share one LISTEN connection", async () => {
    const streams = await Promise.all(Array.from({ length: 50 }, () => collect(article.slug)));
    try {
      expect(liveBus().size).toBeGreaterThanOrEqual(50);
      const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN gloss_live' AND pid <> pg_backend_pid()`;
      // This process's bus (other test files in this layer open no streams).
      expect(Number(n)).toBe(1);
      const c = await post(author, article.slug, "Fan-out to fifty streams.");
      for (const s of streams) expect(await s.waitFor((e) => e.json?.id === c.id)).not.toBeNull();
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
    expect(liveBus().size).toBe(0);
  }, 30_000);
});

describe("what is sent", () => {
  it("a held comment sends nothing until approved; approval sends created", async () => {
    const s = await collect(article.slug);
    try {
      const held = await post(fresh, article.slug, "My first comment, held for review.");
      expect(held.status).toBe("pending");
      const marker = await post(author, article.slug, "A later public comment.");
      expect(await s.waitFor((e) => e.json?.id === marker.id)).not.toBeNull();
      expect(
        s.events.find((e) => e.json?.id === held.id),
        "a held comment sent an event",
      ).toBeUndefined();

      await actOnItems(moderator, { type: "comment", ids: [held.id], action: "approve" });
      const approved = await s.waitFor((e) => e.json?.id === held.id);
      expect(approved?.event).toBe("comment");
      expect(approved?.json).toEqual({ action: "created", id: held.id });

      await actOnItems(moderator, { type: "comment", ids: [held.id], action: "spam" });
      expect(await s.waitFor((e) => e.json?.id === held.id && e.json?.action === "removed")).not.toBeNull();
    } finally {
      await s.close();
    }
  });

  it("a moderation batch that rolls back sends nothing", async () => {
    const s = await collect(article.slug);
    try {
      const c = await post(author, article.slug, "Approved, then a failed batch.");
      await s.waitFor((e) => e.json?.id === c.id);
      await expectAppError(
        actOnItems(moderator, { type: "comment", ids: [c.id, "nosuchcomment000000000000"], action: "trash" }),
        "not_found",
      );
      const marker = await post(author, article.slug, "Marker after the failed batch.");
      await s.waitFor((e) => e.json?.id === marker.id);
      expect(s.events.filter((e) => e.json?.id === c.id).map((e) => e.json?.action)).toEqual(["created"]);
      expect((await db.comment.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("approved");
    } finally {
      await s.close();
    }
  });

  it("edits send updated, the author's delete sends removed, hiding by reports sends removed", async () => {
    const s = await collect(article.slug);
    try {
      const c = await post(author, article.slug, "To be edited and deleted.");
      await editComment(author, c.id, { body: "Edited text." });
      expect(await s.waitFor((e) => e.json?.id === c.id && e.json?.action === "updated")).not.toBeNull();
      await deleteComment(author, c.id);
      expect(await s.waitFor((e) => e.json?.id === c.id && e.json?.action === "removed")).not.toBeNull();

      const r = await post(author, article.slug, "To be reported three times.");
      for (const reader of readers) await reportComment(reader, r.id, { reason: "spam" });
      expect((await db.comment.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending");
      expect(await s.waitFor((e) => e.json?.id === r.id && e.json?.action === "removed")).not.toBeNull();
    } finally {
      await s.close();
    }
  });

  it("notes: a private one never sends; a public one sends created, updated, removed", async () => {
    const s = await collect(article.slug);
    try {
      const { annotation: priv } = await createAnnotation(author, article.slug, note("private"));
      const { annotation: pub } = await createAnnotation(moderator, article.slug, note());
      const created = await s.waitFor((e) => e.event === "annotation" && e.json?.id === pub.id);
      expect(created?.json).toEqual({ action: "created", id: pub.id });
      await updateAnnotation(author, article.slug, priv.id, {
        ...note("private"),
        body: { type: "TextualBody", value: "Still private." },
      });
      await updateAnnotation(moderator, article.slug, pub.id, {
        ...note(),
        body: { type: "TextualBody", value: "Edited public note." },
      });
      expect(await s.waitFor((e) => e.json?.id === pub.id && e.json?.action === "updated")).not.toBeNull();
      await deleteAnnotation(author, article.slug, priv.id);
      await deleteAnnotation(moderator, article.slug, pub.id);
      expect(await s.waitFor((e) => e.json?.id === pub.id && e.json?.action === "removed")).not.toBeNull();
      const marker = await post(author, article.slug, "Marker after the notes.");
      await s.waitFor((e) => e.json?.id === marker.id);
      expect(
        s.events.filter((e) => e.json?.id === priv.id),
        "a private note sent events",
      ).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe("a reply names the branch it hangs in (issue 22: the page counts it in “N more replies”)", () => {
  const reply = async (viewer: Viewer, parentId: string, body: string) =>
    (await createComment(viewer, article.slug, { body, parentId })).comment;

  it("a reply's created carries `parents`, nearest first, as the page nests it; live and replayed alike; a top-level comment carries none", async () => {
    const maxDepth = (await getSettings()).commentMaxDepth; // 5: replies below the 4th level are listed flat under the 3rd
    expect(maxDepth).toBe(5);
    const first = await collect(article.slug);
    await sleep(50);
    const last = first.lastId;
    try {
      const root = await post(author, article.slug, "The root of a branch.");
      const chain = [root];
      for (let level = 1; level <= 5; level++)
        chain.push(await reply(author, chain[level - 1].id, `Level ${level} of the branch.`));
      const seenRoot = await first.waitFor((e) => e.json?.id === root.id);
      expect(seenRoot?.json).toEqual({ action: "created", id: root.id });
      const parentsOf = async (events: { waitFor: typeof first.waitFor }, id: string) =>
        ((await events.waitFor((e) => e.json?.id === id))?.json as { parents?: string[] } | undefined)?.parents;
      const expected = [
        [root.id],
        [chain[1].id, root.id],
        [chain[2].id, chain[1].id, root.id],
        [chain[3].id, chain[2].id, chain[1].id, root.id],
        // Level 5 hangs below the last level the page draws: listed flat under level 3.
        [chain[3].id, chain[2].id, chain[1].id, root.id],
      ];
      for (let level = 1; level <= 5; level++)
        expect(await parentsOf(first, chain[level].id), `level ${level}, live`).toEqual(expected[level - 1]);

      const again = await collect(article.slug, last);
      try {
        for (let level = 1; level <= 5; level++)
          expect(await parentsOf(again, chain[level].id), `level ${level}, replayed`).toEqual(expected[level - 1]);
        expect(again.events.find((e) => e.json?.id === root.id)?.json).toEqual({ action: "created", id: root.id });
      } finally {
        await again.close();
      }
      // Edits and removals stay ids only.
      await editComment(author, chain[1].id, { body: "Level 1, edited." });
      expect((await first.waitFor((e) => e.json?.id === chain[1].id && e.json?.action === "updated"))?.json).toEqual({
        action: "updated",
        id: chain[1].id,
      });
    } finally {
      await first.close();
    }
  }, 30_000);
});

describe("keep-alive", () => {
  it("every open stream gets a `: keep-alive` comment line at least every 30 s", async () => {
    expect(liveBus().size, "no other stream open: the bus starts its timer anew").toBe(0);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const streams = [await collect(article.slug), await collect(article.slug)];
      await sleep(50);
      expect(streams.every((s) => s.comments.length === 0)).toBe(true);
      vi.advanceTimersByTime(30_000);
      await sleep(50);
      for (const s of streams) expect(s.comments).toContain(": keep-alive");
      await Promise.all(streams.map((s) => s.close()));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("replay", () => {
  it("a stream reopened with Last-Event-ID gets what it missed on its article, in order, and nothing else", async () => {
    const otherArticle = await insertArticle();
    const first = await collect(article.slug);
    await sleep(50);
    const last = first.lastId;
    expect(last, "a fresh stream sends an id: line at once").toMatch(/^\d+$/);
    await first.close();

    const missed1 = await post(author, article.slug, "Missed one.");
    const elsewhere = await post(author, otherArticle.slug, "On another article.");
    const missed2 = await post(author, article.slug, "Missed two.");
    const again = await collect(article.slug, last);
    try {
      const got = await again.waitFor((e) => e.json?.id === missed2.id);
      expect(got).not.toBeNull();
      const ids = again.events.map((e) => e.json?.id);
      expect(ids.indexOf(missed1.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(missed1.id)).toBeLessThan(ids.indexOf(missed2.id));
      expect(ids).not.toContain(elsewhere.id);
      const seqs = again.events.map((e) => BigInt(e.id!));
      expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
      // Live events follow the replay on the same stream.
      const live = await post(author, article.slug, "After the replay.");
      expect(await again.waitFor((e) => e.json?.id === live.id)).not.toBeNull();
      expect(again.events.filter((e) => e.json?.id === missed1.id)).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it("events older than five minutes are not replayed; a garbage Last-Event-ID replays nothing", async () => {
    const s = await collect(article.slug);
    await sleep(50);
    const last = s.lastId!;
    await s.close();
    const old = await post(author, article.slug, "An old one.");
    await db.liveEvent.updateMany({
      where: { itemId: old.id },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });
    const recent = await post(author, article.slug, "A recent one.");
    const again = await collect(article.slug, last);
    const junk = await collect(article.slug, "not-a-number");
    try {
      expect(await again.waitFor((e) => e.json?.id === recent.id)).not.toBeNull();
      expect(again.events.find((e) => e.json?.id === old.id)).toBeUndefined();
      await sleep(200);
      expect(junk.events).toEqual([]);
    } finally {
      await again.close();
      await junk.close();
    }
  });

  it("an unknown article is a 404 AppError, not a stream", async () => {
    await expectAppError(collect("no-such-article-here"), "not_found");
    await expectAppError(collect("../etc"), "not_found");
  });
});
