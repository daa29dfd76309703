import { describe, expect, it } from "vitest";
import { updateAnnotation } from "@/lib/annotations/change-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { decideInitialStatus } from "@/lib/comments/decide-initial-status";
import { editComment } from "@/lib/comments/edit-comment";
import { db } from "@/lib/db";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";

// Finding 3: a private note turned public, or an edited comment or note, skipped moderation.
const rules = {
  holdFirstContribution: true,
  linkHoldThreshold: 2,
  moderationWords: ["casino"],
  disallowedWords: [],
  holdAll: false,
};
const spammy = "casino http://a.example http://b.example http://c.example";
const put = (slug: string, id: string, note: string, audience: "public" | "private") => ({
  motivation: "commenting",
  bodyValue: note,
  audience,
  target: {
    source: `http://localhost/articles/${slug}`,
    selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
  },
});

describe("finding 3: making an item public or editing its text runs the moderation rules", () => {
  it("holds a new account's private note turned public, and the account stays untrusted", async () => {
    await withSettings(rules, async () => {
      const { slug, id: articleId } = await insertArticle();
      const newcomer = await member("commenter", { trusted: false });
      const note = await annotate(newcomer, slug, "A thought worth keeping", "private");
      expect(note.status).toBe("approved");
      const updated = await updateAnnotation(
        newcomer,
        slug,
        note.id,
        put(slug, note.id, "A thought worth keeping", "public"),
      );
      expect(updated.audience).toBe("public");
      expect(updated.status).toBe("pending");
      expect(updated.holdReasons).toContain("first_comment");
      const { annotations } = await listAnnotations(null, slug);
      expect(annotations.map((a) => a.id)).not.toContain(note.id);
      // Not an approved contribution: the next post is still held as a first one.
      expect((await decideInitialStatus(newcomer, { body: "hello", articleId })).reasons).toContain("first_comment");
    });
  });

  it("holds a trusted reader's private note made public with links and a reviewed word", async () => {
    await withSettings(rules, async () => {
      const { slug } = await insertArticle();
      const reader = await member("commenter", { trusted: true });
      const note = await annotate(reader, slug, spammy, "private");
      const updated = await updateAnnotation(reader, slug, note.id, put(slug, note.id, spammy, "public"));
      expect(updated.status).toBe("pending");
      expect(updated.holdReasons).toEqual(expect.arrayContaining(["word:casino", "links"]));
    });
  });

  it("holds an approved comment edited to casino and three links", async () => {
    await withSettings(rules, async () => {
      const { slug } = await insertArticle();
      const reader = await member("commenter", { trusted: true });
      const comment = await post(reader, slug, "A fair point about the bridge.");
      expect(comment.status).toBe("approved");
      const edited = await editComment(reader, comment.id, { body: spammy });
      expect(edited.status).toBe("pending");
      expect(edited.holdReasons).toEqual(expect.arrayContaining(["word:casino", "links"]));
      expect(edited.body).toBe(spammy);
    });
  });

  it("holds an approved public note edited to casino and three links", async () => {
    await withSettings(rules, async () => {
      const { slug } = await insertArticle();
      const reader = await member("commenter", { trusted: true });
      const note = await annotate(reader, slug, "A fair note.");
      expect(note.status).toBe("approved");
      const edited = await updateAnnotation(reader, slug, note.id, put(slug, note.id, spammy, "public"));
      expect(edited.status).toBe("pending");
      expect(edited.holdReasons).toEqual(expect.arrayContaining(["word:casino", "links"]));
    });
  });

  it("an innocent edit keeps an approved comment approved, and a held one held", async () => {
    await withSettings(rules, async () => {
      const { slug } = await insertArticle();
      const reader = await member("commenter", { trusted: true });
      const comment = await post(reader, slug, "A fair point about the bridge.");
      expect((await editComment(reader, comment.id, { body: "A fairer point about the bridge." })).status).toBe(
        "approved",
      );
      const newcomer = await member("commenter", { trusted: false });
      const held = await post(newcomer, slug, "My first words here.");
      expect(held.status).toBe("pending");
      const edited = await editComment(newcomer, held.id, { body: "My first words here, corrected." });
      expect(edited.status).toBe("pending");
      expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).holdReasons).toContain("first_comment");
    });
  });
});
