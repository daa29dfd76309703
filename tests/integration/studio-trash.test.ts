import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { listRevisions } from "@/lib/articles/list-revisions";
import { restoreArticle, trashArticle } from "@/lib/articles/trash-article";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// Issue 18, item 15: the trash (nothing destroyed, restorable) and who the seed's revision is credited to.
let editor: Viewer;
let reader: Viewer;
beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", name: "Tess Trash", label: "editor" })).viewer;
  reader = (await createTestUser({ name: "Rory Reader", label: "reader" })).viewer;
});

const isVisible = async (slug: string) => {
  const found = await getPublishedArticle(slug);
  return !!found && "article" in found;
};
const listed = async (slug: string, options: { trash?: boolean } = {}) =>
  (await listArticlesForEditor(editor, { q: slug, ...options })).map((a) => a.slug);

describe("the studio's trash", () => {
  it("hides a published article from readers, keeps everything, and restores it as a draft", async () => {
    const slug = uniqueSlug("trash");
    await createArticle(editor, {
      title: `Trash ${slug}`,
      slug,
      body: "A paragraph worth keeping.",
      status: "published",
    });
    await createComment(reader, slug, { body: "A comment worth keeping." });
    const { id } = await db.article.findUniqueOrThrow({ where: { slug } });
    const kept = async () => ({
      revisions: await db.articleRevision.count({ where: { articleId: id } }),
      comments: await db.comment.count({ where: { articleId: id } }),
    });
    const before = await kept();
    expect(before).toEqual({ revisions: 1, comments: 1 });

    expect(await trashArticle(editor, slug)).toMatchObject({ slug, wasPublic: true });
    expect(await isVisible(slug)).toBe(false);
    expect(await listed(slug)).toEqual([]);
    expect(await listed(slug, { trash: true })).toEqual([slug]);
    expect(await kept()).toEqual(before);
    // A trashed article cannot be edited or published behind the studio's back.
    await expectAppError(updateArticle(editor, slug, { status: "published" }), "rule_violation");
    await expectAppError(updateArticle(editor, slug, { body: "Changed." }), "rule_violation");
    // Trashing twice is harmless.
    await trashArticle(editor, slug);

    expect(await restoreArticle(editor, slug)).toEqual({ slug, status: "draft" });
    expect(await db.article.findUniqueOrThrow({ where: { slug }, select: { status: true, trashedAt: true } })).toEqual({
      status: "draft",
      trashedAt: null,
    });
    expect(await listed(slug)).toEqual([slug]);
    expect(await listed(slug, { trash: true })).toEqual([]);
    expect(await isVisible(slug)).toBe(false); // back as a draft: publishing again is deliberate
    await updateArticle(editor, slug, { status: "published" });
    expect(await isVisible(slug)).toBe(true);
    expect(await kept()).toEqual(before);
    expect(await db.comment.findFirstOrThrow({ where: { articleId: id } })).toMatchObject({
      body: "A comment worth keeping.",
      status: "approved",
    });
  });

  it("drops a schedule, and is for editors only", async () => {
    const slug = uniqueSlug("trash");
    await createArticle(editor, {
      title: `Scheduled ${slug}`,
      slug,
      body: "Later.",
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await db.article.findUniqueOrThrow({ where: { slug } })).status).toBe("scheduled");
    await expectAppError(trashArticle(reader, slug), "forbidden");
    await expectAppError(trashArticle(null, slug), "unauthorized");
    await expectAppError(restoreArticle(reader, slug), "forbidden");
    await expectAppError(trashArticle(editor, "no-such-article"), "not_found");
    await trashArticle(editor, slug);
    expect(await db.article.findUniqueOrThrow({ where: { slug }, select: { status: true, publishAt: true } })).toEqual({
      status: "draft",
      publishAt: null,
    });
  });
});

describe("revision credits", () => {
  it("credits the seed's first revision to the seed, an editor's to the editor", async () => {
    const slug = uniqueSlug("seeded");
    await importArticleSource(
      `---\ntitle: "Seeded"\nslug: ${slug}\nauthor: "Sam Seed"\npublished: "2021-01-01"\n---\n\nFirst words.\n`,
    );
    expect((await listRevisions(editor, slug)).revisions.map((r) => r.credit)).toEqual([
      "the seed (published on first start)",
    ]);
    await updateArticle(editor, slug, { body: "Second words." });
    expect((await listRevisions(editor, slug)).revisions.map((r) => r.credit)).toEqual([
      "Tess Trash",
      "the seed (published on first start)",
    ]);
  });
});
