import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { listQueue } from "@/lib/moderation/list-queue";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";

// Each hold rule with the reason code it leaves on the item, and their precedence.
describe("hold rules and their reasons", () => {
  it("holds a first contribution (first_comment) until a moderator approves one; then the author passes", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const moderator = await member("moderator");
    const first = await post(newcomer, article.slug, "Hello, first time here.");
    expect(first).toMatchObject({ status: "pending", holdReasons: ["first_comment"] });
    const second = await post(newcomer, article.slug, "Still waiting, a second comment.");
    expect(second).toMatchObject({ status: "pending", holdReasons: ["first_comment"] });
    const note = await annotate(newcomer, article.slug, "A first margin note.");
    expect(note).toMatchObject({ status: "pending" });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).holdReasons).toEqual(["first_comment"]);

    await actOnItems(moderator, { type: "comment", ids: [first.id], action: "approve" });
    expect((await db.user.findUniqueOrThrow({ where: { id: newcomer.id } })).trustedAt).not.toBeNull();
    expect(await post(newcomer, article.slug, "Now I pass.")).toMatchObject({ status: "approved", holdReasons: [] });
    // Earlier held items stay held until someone looks at them.
    expect((await db.comment.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("pending");
  });

  it("the first-contribution rule can be turned off", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    await withSettings({ holdFirstContribution: false }, async () => {
      expect(await post(newcomer, article.slug, "No hold for me.")).toMatchObject({
        status: "approved",
        holdReasons: [],
      });
    });
  });

  it("holds a contribution with 2 or more links (links); the number is a setting, 0 turns it off", async () => {
    const article = await insertArticle();
    const reader = await member();
    expect(await post(reader, article.slug, "One link: https://example.com/a")).toMatchObject({ status: "approved" });
    expect(
      await post(reader, article.slug, "Two: https://example.com/a and [this](https://example.org/b)"),
    ).toMatchObject({ status: "pending", holdReasons: ["links"] });
    expect(await annotate(reader, article.slug, "See www.example.com and https://example.net")).toMatchObject({
      status: "pending",
    });
    await withSettings({ linkHoldThreshold: 3 }, async () => {
      expect(await post(reader, article.slug, "Two again: https://example.com/c https://example.com/d")).toMatchObject({
        status: "approved",
      });
      expect(
        await post(reader, article.slug, "Three: https://a.example https://b.example https://c.example"),
      ).toMatchObject({ status: "pending", holdReasons: ["links"] });
    });
    await withSettings({ linkHoldThreshold: 0 }, async () => {
      expect(
        await post(
          reader,
          article.slug,
          "Many: https://a.example https://b.example https://c.example https://d.example",
        ),
      ).toMatchObject({ status: "approved" });
    });
  });

  it("holds on a moderation word (word:<term>), case-insensitively, on whole words, also in the author's name", async () => {
    const article = await insertArticle();
    const reader = await member();
    const named = await member("commenter", { name: "Casino Royale" });
    await withSettings({ moderationWords: ["casino", "cheap pills"] }, async () => {
      expect(await post(reader, article.slug, "Try the CASINO tonight.")).toMatchObject({
        status: "pending",
        holdReasons: ["word:casino"],
      });
      expect(await post(reader, article.slug, "Selling cheap pills here.")).toMatchObject({
        status: "pending",
        holdReasons: ["word:cheap pills"],
      });
      expect(await post(reader, article.slug, "Casinos and casinoroyale are other words.")).toMatchObject({
        status: "approved",
      });
      expect(await post(named, article.slug, "An innocent remark.")).toMatchObject({
        status: "pending",
        holdReasons: ["word:casino"],
      });
      const note = await annotate(reader, article.slug, "A casino note.");
      expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).holdReasons).toEqual(["word:casino"]);
    });
  });

  it("sends a contribution with a disallowed word to spam (word:<term>), also for a word in the author's name", async () => {
    const article = await insertArticle();
    const reader = await member();
    const named = await member("commenter", { name: "Viagra Seller" });
    await withSettings({ disallowedWords: ["viagra"] }, async () => {
      expect(await post(reader, article.slug, "Buy vIaGrA now!")).toMatchObject({
        status: "spam",
        holdReasons: ["word:viagra"],
      });
      expect(await post(named, article.slug, "Nothing to see.")).toMatchObject({
        status: "spam",
        holdReasons: ["word:viagra"],
      });
      const note = await annotate(reader, article.slug, "viagra in a note");
      expect(note).toMatchObject({ status: "spam" });
    });
    // A reader never sees spam; the queue's Spam tab does.
    const moderator = await member("moderator");
    const spam = await listQueue(moderator, { status: "spam", article: article.slug });
    expect(spam.items.map((i) => i.holdReasons)).toEqual([["word:viagra"], ["word:viagra"], ["word:viagra"]]);
  });

  it("holds everything when asked (all_held)", async () => {
    const article = await insertArticle();
    const reader = await member();
    await withSettings({ holdAll: true }, async () => {
      expect(await post(reader, article.slug, "Plain and trusted.")).toMatchObject({
        status: "pending",
        holdReasons: ["all_held"],
      });
    });
    expect(await post(reader, article.slug, "After the rule is off.")).toMatchObject({ status: "approved" });
  });

  it("precedence: disallowed beats moderation words beats links beats first contribution", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const links = "https://a.example https://b.example";
    await withSettings({ moderationWords: ["loan"], disallowedWords: ["scam"] }, async () => {
      const all = await post(newcomer, article.slug, `A scam loan: ${links}`);
      expect(all.status).toBe("spam");
      expect(all.holdReasons).toEqual(["word:scam", "word:loan", "links", "first_comment"]);
      const held = await post(newcomer, article.slug, `A loan: ${links}`);
      expect(held).toMatchObject({ status: "pending", holdReasons: ["word:loan", "links", "first_comment"] });
      const linked = await post(newcomer, article.slug, `Just links: ${links}`);
      expect(linked).toMatchObject({ status: "pending", holdReasons: ["links", "first_comment"] });
      const plain = await post(newcomer, article.slug, "Just words.");
      expect(plain).toMatchObject({ status: "pending", holdReasons: ["first_comment"] });
    });
  });

  it("a rule change applies to new contributions only", async () => {
    const article = await insertArticle();
    const reader = await member();
    const before = await post(reader, article.slug, "About the casino at the bridge.");
    expect(before.status).toBe("approved");
    await withSettings({ moderationWords: ["casino"] }, async () => {
      expect((await db.comment.findUniqueOrThrow({ where: { id: before.id } })).status).toBe("approved");
      expect((await post(reader, article.slug, "Another casino remark.")).status).toBe("pending");
    });
  });

  it("the editorial board is never held; private notes are never held", async () => {
    const article = await insertArticle();
    const moderator = await member("moderator", { trusted: false });
    const newcomer = await member("commenter", { trusted: false });
    await withSettings({ holdAll: true, moderationWords: ["casino"] }, async () => {
      expect(await post(moderator, article.slug, "Casino links https://a.example https://b.example")).toMatchObject({
        status: "approved",
        holdReasons: [],
      });
      expect(await annotate(newcomer, article.slug, "A private casino thought.", "private")).toMatchObject({
        status: "approved",
      });
    });
  });

  it("closes new comments and notes on articles older than N days (off by default)", async () => {
    const old = await insertArticle({ publishedAt: new Date(clock.now().getTime() - 40 * 86_400_000) });
    const reader = await member();
    expect((await post(reader, old.slug, "Still open.")).status).toBe("approved");
    await withSettings({ closeAfterDays: 30 }, async () => {
      clock.advance(20_000);
      const error = await expectAppError(createComment(reader, old.slug, { body: "Too late." }), "rule_violation");
      expect(error.message).toMatch(/30 days/);
      await expectAppError(annotate(reader, old.slug, "Too late for a note."), "rule_violation");
    });
  });
});
