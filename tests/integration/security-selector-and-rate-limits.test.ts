import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { clock } from "@/lib/clock";
import { setCommentLike } from "@/lib/comments/like-comment";
import { db } from "@/lib/db";
import { maxQuoteLength } from "@/lib/validation/annotation";
import { insertArticle, publishSeedCopy } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";

// Finding 7: a TextPositionSelector alone skipped the 2,000-character quote cap; private notes,
// highlights and likes had no rate limit; a like that changed nothing dropped the cached pages.

const byPosition = (start: number, end: number, extra: Record<string, unknown> = {}) => ({
  target: { selector: { type: "TextPositionSelector", start, end } },
  body: { type: "TextualBody", value: "The whole thing" },
  ...extra,
});

describe("finding 7: selectors cannot bypass the quote cap", () => {
  it("refuses a TextPositionSelector alone spanning more than 2,000 characters, and stores nothing", async () => {
    const editor = await member("editor");
    const reader = await member("commenter");
    const slug = await publishSeedCopy(editor);
    const text = (
      await db.article.findUniqueOrThrow({ where: { slug }, select: { currentRevision: { select: { text: true } } } })
    ).currentRevision!.text;
    const length = [...text].length;
    expect(length).toBeGreaterThan(maxQuoteLength + 100);
    const before = await db.annotation.count({ where: { article: { slug } } });
    for (const audience of ["public", "private"] as const) {
      await expectAppError(createAnnotation(reader, slug, byPosition(0, length, { audience })), "too_large");
      await expectAppError(
        createAnnotation(reader, slug, byPosition(10, 10 + maxQuoteLength + 1, { audience })),
        "too_large",
      );
    }
    expect(await db.annotation.count({ where: { article: { slug } } })).toBe(before);
    // At the cap it is a note like any other.
    const { annotation } = await createAnnotation(reader, slug, byPosition(0, maxQuoteLength, { audience: "private" }));
    expect([...annotation.exact!].length).toBe(maxQuoteLength);
  });
});

describe("finding 7: private notes, highlights and likes are rate limited in PostgreSQL", () => {
  it("refuses the private note or highlight over the limit with 429 and Retry-After, and counts across processes", async () => {
    await withSettings({ privateAnnotationLimit: { limit: 3, windowMs: 60_000 } }, async () => {
      const { slug } = await insertArticle();
      const reader = await member("commenter");
      const highlight = {
        motivation: "highlighting",
        target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
      };
      for (let i = 0; i < 3; i++) await createAnnotation(reader, slug, highlight);
      const refused = await expectAppError(
        createAnnotation(reader, slug, {
          ...highlight,
          motivation: "commenting",
          bodyValue: "private",
          audience: "private",
        }),
        "rate_limited",
      );
      expect(refused.retryAfterSeconds).toBeGreaterThan(0);
      expect(await db.annotation.count({ where: { authorId: reader.id } })).toBe(3);
      // The counter is a row in PostgreSQL: what another process counted counts here too.
      const other = await member("commenter");
      await db.rateLimit.create({ data: { key: `annotate-private:${other.id}`, windowStart: clock.now(), count: 3 } });
      await expectAppError(createAnnotation(other, slug, highlight), "rate_limited");
      // A new window lets them write again.
      clock.advance(61_000);
      await createAnnotation(reader, slug, highlight);
    });
  });

  it("refuses likes over the limit", async () => {
    await withSettings({ likeLimit: { limit: 4, windowMs: 60_000 } }, async () => {
      const { slug } = await insertArticle();
      const author = await member("commenter");
      const fan = await member("commenter");
      const comment = await post(author, slug, "Worth a like.");
      for (let i = 0; i < 4; i++) await setCommentLike(fan, comment.id, i % 2 === 0);
      await expectAppError(setCommentLike(fan, comment.id, true), "rate_limited");
      expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).likeCount).toBe(0);
    });
  });
});

describe("finding 7: a like that changes nothing keeps the cached pages", () => {
  let listener: pg.Client;
  const heard: string[] = [];
  beforeEach(async () => {
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query("LISTEN gloss_pages");
  });
  afterEach(async () => {
    await listener.end();
    heard.length = 0;
  });

  const settle = async () => {
    await db.$executeRaw`SELECT pg_notify('gloss_pages', 'marker')`;
    for (let i = 0; i < 50 && !heard.includes("marker"); i++) await new Promise((r) => setTimeout(r, 20));
    heard.splice(heard.indexOf("marker"), 1);
  };

  it("drops the article's pages when the count changes, not when a like or unlike is repeated", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter");
    const fan = await member("commenter");
    const comment = await post(author, slug, "Worth a like.");
    await settle();
    heard.length = 0;
    await setCommentLike(fan, comment.id, true);
    await settle();
    expect(heard).toEqual([`~/articles/${slug}`]); // the discussion alone: the article's shell holds
    heard.length = 0;
    await setCommentLike(fan, comment.id, true);
    await setCommentLike(fan, comment.id, true);
    await settle();
    expect(heard).toEqual([]);
    await setCommentLike(fan, comment.id, false);
    await setCommentLike(fan, comment.id, false);
    await settle();
    expect(heard).toEqual([`~/articles/${slug}`]); // the discussion alone: the article's shell holds
  });

  it("says what a new comment added: a new thread, or a change inside one (for assembled pages)", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter");
    const replier = await member("commenter");
    await settle();
    heard.length = 0;
    const top = await post(author, slug, "A new thread.");
    await settle();
    expect(heard).toEqual([`~/articles/${slug}#new`]);
    heard.length = 0;
    await post(replier, slug, "A reply in it.", top.id);
    await settle();
    expect(heard).toEqual([`~/articles/${slug}#t=${top.id}`]);
  });
});
