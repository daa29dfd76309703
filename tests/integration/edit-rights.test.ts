import { describe, expect, it } from "vitest";
import { annotationJson } from "@/lib/annotations/annotation-json";
import { updateAnnotation } from "@/lib/annotations/change-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { clock } from "@/lib/clock";
import { threadJson } from "@/lib/comments/comment-json";
import { editComment } from "@/lib/comments/edit-comment";
import { listThread } from "@/lib/comments/list-thread";
import { defaultSettings } from "@/lib/settings/get-settings";
import { annotate } from "../seed/annotations";
import { insertArticle, insertArticle as insertQuotableArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { ban, createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// The edit window has one home (lib/auth/edit-rights.ts): lists say what the viewer may do to
// each item, and the writes refuse exactly where the lists stop offering Edit.
const window = defaultSettings.editWindowMs;

describe("comment lists carry canEdit and editableUntil", () => {
  it("offers Edit to the author only, until the window closes, and the write agrees", async () => {
    const { slug } = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "rights-author" });
    const { viewer: other } = await createTestUser({ label: "rights-other" });
    const comment = await post(author, slug, "Within the window.");
    const rightsOf = async (viewer: typeof author | null) =>
      (await listThread(viewer, slug)).threads.find((t) => t.id === comment.id)!;

    const mine = await rightsOf(author);
    expect(mine.canEdit).toBe(true);
    expect(mine.editableUntil?.getTime()).toBe(comment.createdAt.getTime() + window);
    expect(await rightsOf(other)).toMatchObject({ canEdit: false, editableUntil: null });
    expect(await rightsOf(null)).toMatchObject({ canEdit: false, editableUntil: null });
    // The JSON API adds the fields (ISO) and keeps the others.
    const [json] = threadJson([mine]) as Record<string, unknown>[];
    expect(json).toMatchObject({
      id: comment.id,
      canEdit: true,
      editableUntil: new Date(comment.createdAt.getTime() + window).toISOString(),
    });

    clock.set(new Date(comment.createdAt.getTime() + window));
    expect((await rightsOf(author)).canEdit).toBe(true);
    await editComment(author, comment.id, { body: "Edited at the last moment." });
    clock.set(new Date(comment.createdAt.getTime() + window + 1_000));
    expect(await rightsOf(author)).toMatchObject({ canEdit: false, editableUntil: null });
    await expectAppError(editComment(author, comment.id, { body: "Too late." }), "forbidden");
  });

  it("a banned author is offered no Edit", async () => {
    const { slug } = await insertArticle();
    const { viewer: author } = await createTestUser({ label: "rights-banned" });
    const comment = await post(author, slug, "Then banned.");
    await ban(author.id);
    const banned = { ...author, status: "banned" as const, bannedUntil: new Date(clock.now().getTime() + 86_400_000) };
    const listed = (await listThread(banned, slug)).threads.find((t) => t.id === comment.id)!;
    expect(listed.canEdit).toBe(false);
  });
});

describe("annotation lists carry canEdit and editableUntil", () => {
  it("a public note has the window, a private one none; others may edit neither", async () => {
    const { slug } = await insertQuotableArticle();
    const { viewer: author } = await createTestUser({ label: "note-author", trusted: true });
    const { viewer: other } = await createTestUser({ label: "note-other" });
    const publicId = (await annotate(author, slug, "A public note")).id;
    const privateId = (await annotate(author, slug, "A private note", "private")).id;
    const rows = async (viewer: typeof author) =>
      new Map((await listAnnotations(viewer, slug)).annotations.map((a) => [a.id, a]));

    const mine = await rows(author);
    const pub = mine.get(publicId)!;
    expect(pub.canEdit).toBe(true);
    expect(pub.editableUntil?.getTime()).toBe(pub.createdAt.getTime() + window);
    expect(mine.get(privateId)).toMatchObject({ canEdit: true, editableUntil: null });
    expect((await rows(other)).get(publicId)).toMatchObject({ canEdit: false, editableUntil: null });
    expect(annotationJson(pub, { withContext: false })).toMatchObject({
      canEdit: true,
      editableUntil: pub.editableUntil!.toISOString(),
    });

    clock.set(new Date(pub.createdAt.getTime() + window + 1_000));
    const later = await rows(author);
    expect(later.get(publicId)).toMatchObject({ canEdit: false, editableUntil: null });
    expect(later.get(privateId)).toMatchObject({ canEdit: true, editableUntil: null });
    const edit = (id: string) =>
      updateAnnotation(author, slug, id, {
        motivation: "commenting",
        bodyValue: "Changed",
        target: {
          source: `http://localhost/articles/${slug}`,
          selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
        },
      });
    await expectAppError(edit(publicId), "forbidden");
    const changed = await edit(privateId);
    expect(changed).toMatchObject({ body: "Changed", canEdit: true, editableUntil: null });
  });
});
