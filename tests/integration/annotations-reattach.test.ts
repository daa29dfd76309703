import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationJson, etagOf } from "@/lib/annotations/annotation-json";
import { updateAnnotation } from "@/lib/annotations/change-annotation";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { banUser } from "@/lib/moderation/ban-user";
import { getSettings, setSetting } from "@/lib/settings/get-settings";
import { annotateQuotes } from "../seed/annotations";
import { publishSeedCopy, seedBody } from "../seed/articles";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";
import { anchorsOf, currentText } from "./studio-helpers";

// Re-attaching an orphaned note: its author points it at a new selection of the current text
// (a W3C PUT with a new target). Only the author, only an orphaned note, only to a passage that
// is in the text; the anchor it had is kept in the note's history.

const gone = "Iran has always viewed the rebellious group as a terrorist organisation";
const paragraphOf = (body: string, phrase: string) => body.split("\n\n").find((p) => p.includes(phrase))!;
const newPassage = "Albania announced that it has cut all diplomatic ties with Iran";

let editor: Viewer;
let moderator: Viewer;

beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", label: "reattach-editor" })).viewer;
  moderator = (await createTestUser({ role: "moderator", label: "reattach-moderator" })).viewer;
});
afterEach(() => clock.reset());

/** A seed copy with one note on a paragraph the editor then deletes: the note is orphaned. */
async function orphanedNote(author: Viewer, { audience = "public" }: { audience?: "public" | "private" } = {}) {
  const slug = await publishSeedCopy(editor);
  let id: string;
  if (audience === "public") [id] = await annotateQuotes(author, slug, [{ exact: gone }]);
  else {
    const { annotation } = await createAnnotation(author, slug, {
      type: "Annotation",
      audience: "private",
      body: { type: "TextualBody", value: "A private thought" },
      target: { selector: { type: "TextQuoteSelector", exact: gone } },
    });
    id = annotation.id;
  }
  await updateArticle(editor, slug, { body: seedBody.replace(`\n\n${paragraphOf(seedBody, gone)}`, "") });
  const [anchor] = await anchorsOf([id]);
  expect(anchor.state).toBe("orphaned");
  return { slug, id };
}

/** What a client PUTs to move a note: the annotation as read, with a new target. */
function moved(row: Parameters<typeof annotationJson>[0], exact: string, extra: Record<string, unknown> = {}) {
  const json = annotationJson(row) as Record<string, unknown>;
  return {
    ...json,
    target: { selector: [{ type: "TextQuoteSelector", exact }, ...(extra.position ? [extra.position] : [])] },
  };
}

async function readRow(id: string) {
  const { annotationFields } = await import("@/lib/annotations/annotation-fields");
  return db.annotation.findUniqueOrThrow({ where: { id }, select: annotationFields });
}

describe("re-attaching an orphaned note", () => {
  it("moves the note to the new passage, keeps its text, original quote and earlier anchor", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-author" });
    const { slug, id } = await orphanedNote(author);
    const before = await readRow(id);
    const updated = await updateAnnotation(author, slug, id, moved(before, newPassage), etagOf(before));

    expect(updated.state).toBe("anchored");
    expect(updated.exact).toBe(newPassage);
    expect(updated.body).toBe(before.body);
    // The passage the author chose is now the note's own; the lost one is in its history.
    expect(updated.originalExact).toBe(newPassage);
    expect(updated.editedAt).toBeNull();
    expect(etagOf(updated)).not.toBe(etagOf(before));
    const text = await currentText(slug);
    expect([...text].slice(updated.start!, updated.end!).join("")).toBe(newPassage);
    const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { currentRevisionId: true } });
    expect(updated.anchorRevisionId).toBe(article.currentRevisionId);
    expect(updated.prefix!.length + updated.suffix!.length).toBeGreaterThan(0);

    const history = await db.annotationRevision.findMany({ where: { annotationId: id } });
    expect(history).toHaveLength(1);
    expect(history[0].body).toBe(before.body);
    expect(history[0].anchor).toMatchObject({
      exact: gone,
      originalExact: gone,
      state: "orphaned",
      start: before.start,
      end: before.end,
      anchorRevisionId: before.anchorRevisionId,
    });
    expect(history[0].editedById).toBe(author.id);
  });

  it("is allowed after the edit window, since the note's text does not change", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-late" });
    const { slug, id } = await orphanedNote(author);
    const other = await orphanedNote(author);
    clock.advance(24 * 60 * 60_000);
    const before = await readRow(id);
    const updated = await updateAnnotation(author, slug, id, moved(before, newPassage));
    expect(updated.state).toBe("anchored");
    // …but changing the text as well is still bound by the window, and nothing moves then.
    const row = await readRow(other.id);
    const both = { ...moved(row, newPassage), body: { type: "TextualBody", value: "Rewritten a day later" } };
    await expectAppError(updateAnnotation(author, other.slug, other.id, both), "forbidden");
    expect((await readRow(other.id)).state).toBe("orphaned");
  });

  it("takes a TextPositionSelector with the quote", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-position" });
    const { slug, id } = await orphanedNote(author);
    const text = await currentText(slug);
    const cpStart = [...text.slice(0, text.indexOf(newPassage))].length; // W3C positions count code points
    const before = await readRow(id);
    const updated = await updateAnnotation(
      author,
      slug,
      id,
      moved(before, newPassage, {
        position: { type: "TextPositionSelector", start: cpStart, end: cpStart + [...newPassage].length },
      }),
    );
    expect(updated.start).toBe(cpStart);
    expect(updated.state).toBe("anchored");
  });

  it("refuses a passage that is not in the text, naming the selector, and changes nothing", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-bad" });
    const { slug, id } = await orphanedNote(author);
    const before = await readRow(id);
    const error = await expectAppError(
      updateAnnotation(author, slug, id, moved(before, "words that appear nowhere in this article")),
      "bad_request",
    );
    expect(Object.keys(error.fields ?? {})).toContain("target.selector.exact");
    const after = await readRow(id);
    expect(after).toEqual(before);
    expect(await db.annotationRevision.count({ where: { annotationId: id } })).toBe(0);
  });

  it("refuses to move a note that is still on its passage", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-anchored" });
    const slug = await publishSeedCopy(editor);
    const [id] = await annotateQuotes(author, slug, [{ exact: gone }]);
    const before = await readRow(id);
    const error = await expectAppError(updateAnnotation(author, slug, id, moved(before, newPassage)), "rule_violation");
    expect(error.message).toMatch(/orphaned/);
    expect((await readRow(id)).exact).toBe(gone);
  });

  it("still edits an orphaned note's text when the client sends back the target it read", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-edit" });
    const { slug, id } = await orphanedNote(author);
    const before = await readRow(id);
    const json = annotationJson(before) as Record<string, unknown>;
    const updated = await updateAnnotation(
      author,
      slug,
      id,
      { ...json, body: { type: "TextualBody", value: "Edited, still orphaned" } },
      etagOf(before),
    );
    expect(updated.body).toBe("Edited, still orphaned");
    expect(updated.state).toBe("orphaned");
    expect(updated.exact).toBe(gone);
  });

  it("refuses a stale ETag (412)", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-etag" });
    const { slug, id } = await orphanedNote(author);
    const before = await readRow(id);
    await updateAnnotation(
      author,
      slug,
      id,
      { ...(annotationJson(before) as object), body: { type: "TextualBody", value: "First edit" } },
      etagOf(before),
    );
    await expectAppError(
      updateAnnotation(author, slug, id, moved(before, newPassage), etagOf(before)),
      "precondition_failed",
    );
    expect((await readRow(id)).state).toBe("orphaned");
  });

  describe("who may re-attach", () => {
    it("refuses another reader (403), a moderator (403), a signed-out visitor (401) and a banned author (403)", async () => {
      const { viewer: author } = await createTestUser({ label: "reattach-owner" });
      const { viewer: other } = await createTestUser({ label: "reattach-other" });
      const { slug, id } = await orphanedNote(author);
      const before = await readRow(id);
      await expectAppError(updateAnnotation(other, slug, id, moved(before, newPassage)), "forbidden");
      await expectAppError(updateAnnotation(moderator, slug, id, moved(before, newPassage)), "forbidden");
      await expectAppError(updateAnnotation(null, slug, id, moved(before, newPassage)), "unauthorized");
      await banUser(moderator, { email: author.email, duration: "1d", reason: "Testing re-attach" });
      const banned = { ...author, status: "banned" as const, bannedUntil: new Date(Date.now() + 86_400_000) };
      await expectAppError(updateAnnotation(banned, slug, id, moved(before, newPassage)), "forbidden");
      expect((await readRow(id)).state).toBe("orphaned");
    });

    it("does not reveal someone else's private note (404)", async () => {
      const { viewer: author } = await createTestUser({ label: "reattach-private" });
      const { viewer: other } = await createTestUser({ label: "reattach-snoop" });
      const { slug, id } = await orphanedNote(author, { audience: "private" });
      const before = await readRow(id);
      await expectAppError(updateAnnotation(other, slug, id, moved(before, newPassage)), "not_found");
      const updated = await updateAnnotation(author, slug, id, moved(before, newPassage));
      expect(updated.state).toBe("anchored");
    });
  });

  it("leaves replies where they are: a reply has no passage of its own to move", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-reply" });
    const { slug, id } = await orphanedNote(author);
    const { floodIntervalMs } = await getSettings();
    await setSetting("floodIntervalMs", 0);
    try {
      const { annotation: reply } = await createAnnotation(author, slug, {
        type: "Annotation",
        motivation: "replying",
        body: { type: "TextualBody", value: "A reply" },
        target: `https://gloss.test/api/annotations/${slug}/${id}`,
      });
      const row = await readRow(reply.id);
      // A passage as the reply's target is not a reply's target: refused, nothing moves.
      await expectAppError(updateAnnotation(author, slug, reply.id, moved(row, newPassage)), "bad_request");
      expect(await readRow(reply.id)).toEqual(row);
      const updated = await updateAnnotation(author, slug, reply.id, {
        ...(annotationJson(row) as object),
        body: { type: "TextualBody", value: "A reply, edited" },
      });
      expect(updated.body).toBe("A reply, edited");
      expect(updated.exact).toBeNull();
    } finally {
      await setSetting("floodIntervalMs", floodIntervalMs);
    }
  });

  it("edits an anchored note's text when the client PUTs back what it read, even a target gone stale by a publish", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-anchored-edit" });
    const slug = await publishSeedCopy(editor);
    const [id] = await annotateQuotes(author, slug, [{ exact: newPassage }]);
    const read = annotationJson(await readRow(id)) as Record<string, unknown>;
    // A publish adds a paragraph before the passage: the stored position moves, the client's does not.
    await updateArticle(editor, slug, { body: `An editor's introduction.\n\n${seedBody}` });
    const moved = await readRow(id);
    const readStart = (read.target as { selector: { type: string; start?: number }[] }).selector.find(
      (sel) => sel.type === "TextPositionSelector",
    )!.start;
    expect(moved.start).not.toBe(readStart);
    const updated = await updateAnnotation(author, slug, id, {
      ...read,
      body: { type: "TextualBody", value: "Edited after the publish" },
    });
    expect(updated.body).toBe("Edited after the publish");
    expect(updated.state).toBe("anchored");
    expect([updated.start, updated.end]).toEqual([moved.start, moved.end]);
  });

  it("is refused where annotations are closed, like a new note", async () => {
    const { viewer: author } = await createTestUser({ label: "reattach-closed" });
    const { slug, id } = await orphanedNote(author);
    await db.article.update({ where: { slug }, data: { annotationsOpen: false } });
    const before = await readRow(id);
    const error = await expectAppError(updateAnnotation(author, slug, id, moved(before, newPassage)), "rule_violation");
    expect(error.message).toMatch(/closed/);
    expect(await readRow(id)).toEqual(before);
  });
});
