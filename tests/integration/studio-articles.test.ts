import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { diffRevisions, diffWords } from "@/lib/articles/diff-revisions";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { listRevisions } from "@/lib/articles/list-revisions";
import { publishDueArticles } from "@/lib/articles/publish-due-articles";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { annotateQuotes } from "../seed/annotations";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";
import { anchorsOf } from "./studio-helpers";

let editor: Viewer;
let otherEditor: Viewer;
let reader: Viewer;

beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", name: "Eda Editor", label: "editor" })).viewer;
  otherEditor = (await createTestUser({ role: "editor", name: "Otto Editor", label: "editor2" })).viewer;
  reader = (await createTestUser({ name: "Rita Reader", label: "reader" })).viewer;
});

const isVisible = async (slug: string) => {
  const found = await getPublishedArticle(slug);
  return !!found && "article" in found;
};

async function publishedArticle(
  body = "First paragraph of the piece.\n\nSecond paragraph, with more words.",
  extra: Record<string, unknown> = {},
) {
  const slug = uniqueSlug();
  await createArticle(editor, { title: `Piece ${slug}`, slug, body, status: "published", ...extra });
  return slug;
}

describe("creating articles", () => {
  it("creates a draft (not visible), then publishes it (visible), keeping one revision per body", async () => {
    const slug = uniqueSlug();
    const created = await createArticle(editor, {
      title: "A Draft",
      slug,
      body: "Words of the draft.",
      categories: ["Cyber Law", "New Category " + slug],
      tags: ["iran"],
    });
    expect(created.status).toBe("draft");
    expect(await isVisible(slug)).toBe(false);
    const draft = await getArticleForEditor(editor, slug);
    expect(draft).toMatchObject({
      headRevision: 1,
      currentRevision: null,
      draftRevision: { number: 1, body: "Words of the draft." },
    });
    expect(draft.categories.map((c) => c.name).sort()).toEqual(["Cyber Law", `New Category ${slug}`].sort());

    const published = await updateArticle(editor, slug, { status: "published", baseRevision: 1 });
    expect(published.article.status).toBe("published");
    expect(published.revision).toBe(1); // the draft revision became current as it was
    expect(await isVisible(slug)).toBe(true);
    const after = await getArticleForEditor(editor, slug);
    expect(after).toMatchObject({ draftRevision: null, currentRevision: { number: 1 } });
    expect(await db.articleRevision.count({ where: { article: { slug } } })).toBe(1);
  });

  it("derives the slug from the title and refuses a taken one with a conflict", async () => {
    const title = `Cyber-attacks: Albania’s Answer ${uniqueSlug("t")}`;
    const { slug } = await createArticle(editor, { title, body: "Body." });
    expect(slug).toMatch(/^cyber-attacks-albanias-answer-t-[a-f0-9]+$/);
    const e = await expectAppError(createArticle(editor, { title: "Another", slug, body: "Body." }), "conflict");
    expect(e.fields).toHaveProperty("slug");
  });

  it("validates titles, slugs, bodies, names and schedule dates", async () => {
    const bad = async (input: Record<string, unknown>, field: string) => {
      const e = await expectAppError(createArticle(editor, { title: "Fine", body: "Fine.", ...input }), "bad_request");
      expect(e.fields, JSON.stringify(input).slice(0, 80)).toHaveProperty(field);
    };
    await bad({ title: "" }, "title");
    await bad({ title: "   " }, "title");
    await bad({ title: "x".repeat(201) }, "title");
    await bad({ slug: "Not A Slug" }, "slug");
    await bad({ slug: "x".repeat(121) }, "slug");
    await bad({ body: "x".repeat(200_001) }, "body");
    await bad({ categories: ["Law", " "] }, "categories.1");
    await bad({ tags: [""] }, "tags.0");
    await bad({ publishAt: "tomorrow" }, "publishAt");
    await bad({ publishAt: new Date(clock.now().getTime() - 60_000).toISOString() }, "publishAt");

    const ok = await createArticle(editor, { title: "x".repeat(200), slug: uniqueSlug(), body: "x".repeat(200_000) });
    expect(ok.status).toBe("draft");
    const slug = await publishedArticle();
    await expectAppError(updateArticle(editor, slug, { title: "" }), "bad_request");
    await expectAppError(updateArticle(editor, slug, { body: "y".repeat(200_001) }), "bad_request");
  });
});

describe("revisions", () => {
  it("publishing a changed body writes a new revision; an unchanged one does not", async () => {
    const slug = await publishedArticle();
    const r2 = await updateArticle(editor, slug, {
      body: "First paragraph of the piece.\n\nSecond paragraph, with fewer words.",
      baseRevision: 1,
    });
    expect(r2.revision).toBe(2);
    const same = await updateArticle(editor, slug, {
      body: "First paragraph of the piece.\n\nSecond paragraph, with fewer words.",
      title: "Retitled",
      baseRevision: 2,
    });
    expect(same.revision).toBe(2);
    const { revisions } = await listRevisions(editor, slug);
    expect(revisions.map((r) => [r.number, r.current, r.draft, r.createdBy?.name])).toEqual([
      [2, true, false, "Eda Editor"],
      [1, false, false, "Eda Editor"],
    ]);
    const found = await getPublishedArticle(slug);
    expect(found && "article" in found && found.article.title).toBe("Retitled");
    expect(found && "article" in found && found.article.currentRevision?.html).toContain("fewer words");
  });

  it("keeps a published article's unpublished changes as its draft revision, rewritten in place by its editor", async () => {
    const slug = await publishedArticle();
    const first = await updateArticle(editor, slug, { body: "Draft one.", draft: true, baseRevision: 1 });
    expect(first.revision).toBe(2);
    const second = await updateArticle(editor, slug, { body: "Draft two.", draft: true, baseRevision: 2 });
    expect(second.revision).toBe(3);
    // Readers still see revision 1; the studio sees the draft.
    const found = await getPublishedArticle(slug);
    expect(found && "article" in found && found.article.currentRevision?.number).toBe(1);
    const edit = await getArticleForEditor(editor, slug);
    expect(edit).toMatchObject({
      headRevision: 3,
      currentRevision: { number: 1 },
      draftRevision: { number: 3, body: "Draft two." },
    });
    // Autosaves do not pile up: one row for the draft.
    expect(await db.articleRevision.count({ where: { article: { slug } } })).toBe(2);
    // Another editor's save keeps the first editor's draft in the history.
    await updateArticle(otherEditor, slug, { body: "Draft three.", draft: true, baseRevision: 3 });
    expect(await db.articleRevision.count({ where: { article: { slug } } })).toBe(3);

    // Publishing without a body publishes the pending draft.
    const published = await updateArticle(editor, slug, { status: "published", baseRevision: 4 });
    expect(published.revision).toBe(4);
    const now = await getPublishedArticle(slug);
    expect(now && "article" in now && now.article.currentRevision?.body).toBe("Draft three.");
    expect((await getArticleForEditor(editor, slug)).draftRevision).toBeNull();
  });

  it("drops the draft when it goes back to the published text", async () => {
    const slug = await publishedArticle("Original text.");
    await updateArticle(editor, slug, { body: "Changed text.", draft: true });
    await updateArticle(editor, slug, { body: "Original text.", draft: true });
    expect((await getArticleForEditor(editor, slug)).draftRevision).toBeNull();
  });

  it("restores an old revision as a new one, and diffs any two word by word", async () => {
    const slug = await publishedArticle("Albania cut its ties with Iran.");
    await updateArticle(editor, slug, { body: "Albania severed all its ties with Iran in 2022." });
    const restored = await restoreRevision(editor, slug, 1);
    expect(restored.revision).toBe(3);
    const { revisions } = await listRevisions(editor, slug);
    expect(revisions.map((r) => r.number)).toEqual([3, 2, 1]);
    const found = await getPublishedArticle(slug);
    expect(found && "article" in found && found.article.currentRevision?.body).toBe("Albania cut its ties with Iran.");

    const diff = await diffRevisions(editor, slug, 1, 2);
    expect(diff.parts.filter((p) => p.op === "removed").map((p) => p.text.trim())).toEqual(["cut"]);
    expect(diff.parts.filter((p) => p.op === "added").map((p) => p.text.trim())).toEqual(["severed all", "in 2022"]);
    expect(
      diff.parts
        .filter((p) => p.op !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("Albania cut its ties with Iran.");
    expect(
      diff.parts
        .filter((p) => p.op !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("Albania severed all its ties with Iran in 2022.");
    await expectAppError(restoreRevision(editor, slug, 99), "not_found");
    await expectAppError(diffRevisions(editor, slug, 1, 99), "not_found");
  });

  it("a restore brings orphaned notes back to their passage", async () => {
    const slug = await publishedArticle(
      "Albania cut all diplomatic ties with Iran.\n\nThe attack hit the border system.",
    );
    const [note] = await annotateQuotes(reader, slug, [{ exact: "the border system" }]);
    await updateArticle(editor, slug, { body: "Albania cut all diplomatic ties with Iran." });
    expect((await anchorsOf([note]))[0].state).toBe("orphaned");
    const dry = await restoreRevision(editor, slug, 1, { dryRun: true });
    expect(dry.impact).toEqual({ kept: 0, moved: 1, orphaned: [], privateOrphaned: 0 });
    await restoreRevision(editor, slug, 1);
    expect((await anchorsOf([note]))[0]).toMatchObject({ state: "anchored", exact: "the border system" });
  });

  it("diffWords keeps white space and handles empty sides", () => {
    expect(diffWords("", "New words.")).toEqual([{ op: "added", text: "New words." }]);
    expect(diffWords("Old words.", "")).toEqual([{ op: "removed", text: "Old words." }]);
    expect(diffWords("a b\n\nc", "a b\n\nc")).toEqual([{ op: "same", text: "a b\n\nc" }]);
  });
});

describe("slugs", () => {
  it("a changed slug keeps the old address redirecting, and a taken one is a conflict", async () => {
    const slug = await publishedArticle();
    const renamed = uniqueSlug("renamed");
    await updateArticle(editor, slug, { slug: renamed });
    expect(await getPublishedArticle(slug)).toEqual({ movedTo: renamed });
    expect(await isVisible(renamed)).toBe(true);
    // The revisions answer under the old address too.
    expect((await listRevisions(editor, slug)).article.slug).toBe(renamed);

    const other = await publishedArticle();
    const taken = await expectAppError(updateArticle(editor, other, { slug: renamed }), "conflict");
    expect(taken.fields).toHaveProperty("slug");
    await expectAppError(updateArticle(editor, other, { slug }), "conflict"); // an old address stays reserved
    await expectAppError(createArticle(editor, { title: "T", slug, body: "B" }), "conflict");

    // Moving back to the old slug is allowed (it is this article's own).
    await updateArticle(editor, renamed, { slug });
    expect(await isVisible(slug)).toBe(true);
    expect(await getPublishedArticle(renamed)).toEqual({ movedTo: slug });
  });

  it("a slug derived from the title takes the first free -2, -3… (studio and API alike); one typed by hand is never changed", async () => {
    const title = `Free Slugs ${uniqueSlug("f")}`;
    const first = await createArticle(editor, { title, body: "One." });
    // POST /api/articles sends no slug: derived, so a free variant rather than a 409.
    const second = await createArticle(editor, { title, body: "Two." });
    expect(second.slug).toBe(`${first.slug}-2`);
    // The studio sends the slug it derived and says so.
    const third = await createArticle(editor, { title, slug: first.slug, body: "Three." }, { slugFromTitle: true });
    expect(third.slug).toBe(`${first.slug}-3`);
    await expectAppError(createArticle(editor, { title, slug: first.slug, body: "Typed." }), "conflict");

    // An old address counts as taken (it redirects), as in the WordPress import.
    const renamedFrom = await publishedArticle();
    await updateArticle(editor, renamedFrom, { slug: uniqueSlug("moved") });
    const past = await createArticle(editor, { title: "Reuse", slug: renamedFrom, body: "B" }, { slugFromTitle: true });
    expect(past.slug).toBe(`${renamedFrom}-2`);

    // A draft retitled in the studio follows its title to a free slug; its own address is no clash.
    const draft = await createArticle(editor, { title: "Retitled draft", slug: uniqueSlug(), body: "B" });
    const moved = await updateArticle(editor, draft.slug, { title, slug: first.slug }, { slugFromTitle: true });
    expect(moved.article.slug).toBe(`${first.slug}-4`);
    const same = await updateArticle(
      editor,
      moved.article.slug,
      { title, slug: moved.article.slug },
      { slugFromTitle: true },
    );
    expect(same.article.slug).toBe(moved.article.slug);
    await expectAppError(updateArticle(editor, moved.article.slug, { slug: first.slug }), "conflict");
  });

  it("a draft's slug changes leave no redirects behind", async () => {
    const slug = uniqueSlug();
    await createArticle(editor, { title: "Draft", slug, body: "B" });
    const next = uniqueSlug();
    await updateArticle(editor, slug, { slug: next });
    expect(await db.slugRedirect.count({ where: { oldSlug: slug } })).toBe(0);
  });
});

describe("excerpts", () => {
  // Issue 18: the studio's first autosave stores the article before a body is typed, and every
  // later save sends the editor's empty Excerpt field — the excerpt stayed "" after publishing.
  it("an empty excerpt is the first paragraph of the newest body, as the studio promises", async () => {
    const slug = uniqueSlug("excerpt");
    await createArticle(editor, { title: "Autosaved early", slug, body: "", excerpt: "" });
    expect((await getArticleForEditor(editor, slug)).excerpt).toBe("");
    const body = "The first paragraph says what the piece is about.\n\nThe second one goes on.";
    await updateArticle(editor, slug, { title: "Autosaved early", excerpt: "", body, draft: true, baseRevision: 1 });
    expect((await getArticleForEditor(editor, slug)).excerpt).toBe("The first paragraph says what the piece is about.");
    const published = await updateArticle(editor, slug, {
      title: "Autosaved early",
      excerpt: "",
      body,
      status: "published",
      baseRevision: 2,
    });
    expect(published.article.status).toBe("published");
    const shown = await getPublishedArticle(slug);
    expect(shown && "article" in shown && shown.article.excerpt).toBe(
      "The first paragraph says what the piece is about.",
    );

    // A typed excerpt wins, and stays when later saves leave the field out.
    await updateArticle(editor, slug, { excerpt: "Chosen words." });
    await updateArticle(editor, slug, { body: "A new opening.\n\nMore." });
    expect((await getArticleForEditor(editor, slug)).excerpt).toBe("Chosen words.");
    // Emptied again: the published body's first paragraph; a pending draft does not leak into it.
    await updateArticle(editor, slug, { excerpt: "", body: "Unpublished opening.", draft: true });
    expect((await getArticleForEditor(editor, slug)).excerpt).toBe("A new opening.");
  });
});

describe("scheduling and unpublishing", () => {
  it("a scheduled article appears at its time, published by publishDueArticles with no request", async () => {
    clock.set(new Date("2031-03-01T08:00:00Z"));
    const slug = uniqueSlug();
    const publishAt = "2031-03-01T09:00:00Z";
    const created = await createArticle(editor, { title: "Scheduled", slug, body: "Soon.", publishAt });
    expect(created.status).toBe("scheduled");
    expect(await isVisible(slug)).toBe(false);
    await publishDueArticles();
    expect(await isVisible(slug)).toBe(false);

    clock.advance(61 * 60_000);
    expect(await publishDueArticles()).toBeGreaterThanOrEqual(1);
    expect(await isVisible(slug)).toBe(true);
    const { articles } = await listPublishedArticles(null, 50);
    expect(articles.map((a) => a.slug)).toContain(slug);
    const after = await getArticleForEditor(editor, slug);
    expect(after.status).toBe("published");
    expect(after.publishedAt?.toISOString()).toBe("2031-03-01T09:00:00.000Z");
  });

  it("schedules a draft, reschedules it, and refuses a past date or a published article", async () => {
    const slug = uniqueSlug();
    await createArticle(editor, { title: "To schedule", slug, body: "Later." });
    const inAnHour = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = await updateArticle(editor, slug, { publishAt: inAnHour });
    expect(scheduled.article.status).toBe("scheduled");
    const inTwoHours = new Date(clock.now().getTime() + 7_200_000).toISOString();
    expect((await updateArticle(editor, slug, { publishAt: inTwoHours })).article.publishAt?.toISOString()).toBe(
      inTwoHours,
    );
    await expectAppError(
      updateArticle(editor, slug, { publishAt: new Date(clock.now().getTime() - 1000).toISOString() }),
      "bad_request",
    );
    // Publishing it now makes it visible now, not at the scheduled time.
    await updateArticle(editor, slug, { status: "published" });
    expect(await isVisible(slug)).toBe(true);
    await expectAppError(updateArticle(editor, slug, { publishAt: inTwoHours }), "rule_violation");
  });

  it("unscheduling returns it to draft; it is not published when its time comes", async () => {
    clock.set(new Date("2032-05-01T08:00:00Z"));
    const slug = uniqueSlug();
    await createArticle(editor, { title: "Unscheduled", slug, body: "Never mind.", publishAt: "2032-05-01T09:00:00Z" });
    await updateArticle(editor, slug, { status: "draft" });
    clock.advance(2 * 3_600_000);
    await publishDueArticles();
    expect(await isVisible(slug)).toBe(false);
    expect((await getArticleForEditor(editor, slug)).status).toBe("draft");
  });

  it("unpublishing hides the article (404 to readers) and keeps its discussion; republishing keeps its date", async () => {
    const slug = await publishedArticle("A passage readers discussed at length.");
    const [note] = await annotateQuotes(reader, slug, [{ exact: "readers discussed" }]);
    const commenter = (await createTestUser({ label: "commenter" })).viewer;
    const comment = await createComment(commenter, slug, { body: "A comment that must survive." });
    const before = await getArticleForEditor(editor, slug);

    await updateArticle(editor, slug, { status: "draft" });
    expect(await getPublishedArticle(slug)).toBeNull();
    expect((await listArticlesForEditor(editor, { status: "draft" })).map((a) => a.slug)).toContain(slug);
    expect(await db.annotation.count({ where: { id: note } })).toBe(1);
    expect(await db.comment.count({ where: { id: comment.comment.id } })).toBe(1);

    await updateArticle(editor, slug, { status: "published" });
    expect(await isVisible(slug)).toBe(true);
    expect((await getArticleForEditor(editor, slug)).publishedAt).toEqual(before.publishedAt);
    expect((await anchorsOf([note]))[0].state).toBe("anchored");
  });
});

describe("stale edits", () => {
  it("refuses an edit based on an older revision with 409, and overwrites nothing", async () => {
    const slug = await publishedArticle("Version one.");
    const opened = (await getArticleForEditor(editor, slug)).headRevision;
    await updateArticle(otherEditor, slug, { body: "Version two, by someone else.", baseRevision: opened });
    const e = await expectAppError(
      updateArticle(editor, slug, { body: "My version.", title: "My title", baseRevision: opened }),
      "conflict",
    );
    expect(e.message).toMatch(/Someone else saved this article/);
    await expectAppError(
      updateArticle(editor, slug, { body: "My draft.", draft: true, baseRevision: opened }),
      "conflict",
    );
    const now = await getArticleForEditor(editor, slug);
    expect(now.currentRevision?.body).toBe("Version two, by someone else.");
    expect(now.draftRevision).toBeNull();
    expect(now.title).not.toBe("My title");
    // A stale dry run is refused too: the impact shown must be that of the text that will be published.
    await expectAppError(
      updateArticle(editor, slug, { body: "Mine.", baseRevision: opened }, { dryRun: true }),
      "conflict",
    );
  });
});

describe("permissions", () => {
  it("refuses commenters on every studio read and write; moderators (above contributors) only on what is not theirs", async () => {
    const slug = await publishedArticle();
    const moderator = (await createTestUser({ role: "moderator", label: "mod" })).viewer;
    // A commenter has no studio at all.
    await expectAppError(createArticle(reader, { title: "Nope", body: "Nope." }), "forbidden");
    await expectAppError(updateArticle(reader, slug, { title: "Nope" }), "forbidden");
    await expectAppError(updateArticle(reader, slug, { body: "Nope." }, { dryRun: true }), "forbidden");
    await expectAppError(listRevisions(reader, slug), "forbidden");
    await expectAppError(restoreRevision(reader, slug, 1), "forbidden");
    await expectAppError(diffRevisions(reader, slug, 1, 1), "forbidden");
    await expectAppError(getArticleForEditor(reader, slug), "forbidden");
    await expectAppError(listArticlesForEditor(reader), "forbidden");
    // A moderator holds a contributor's powers (the desk, issue 16): an editor's article is not theirs,
    // and they never publish.
    await expectAppError(createArticle(moderator, { title: "Nope", body: "Nope.", status: "published" }), "forbidden");
    await expectAppError(updateArticle(moderator, slug, { title: "Nope" }), "not_found");
    await expectAppError(updateArticle(moderator, slug, { body: "Nope." }, { dryRun: true }), "not_found");
    await expectAppError(listRevisions(moderator, slug), "not_found");
    await expectAppError(restoreRevision(moderator, slug, 1), "not_found");
    await expectAppError(diffRevisions(moderator, slug, 1, 1), "not_found");
    await expectAppError(getArticleForEditor(moderator, slug), "not_found");
    expect((await listArticlesForEditor(moderator)).map((a) => a.slug)).not.toContain(slug);
    await expectAppError(createArticle(null, { title: "Nope", body: "Nope." }), "unauthorized");
    const found = await getPublishedArticle(slug);
    expect(found && "article" in found && found.article.title).toMatch(/^Piece /);
  });

  it("an admin may do what an editor does", async () => {
    const admin = (await createTestUser({ role: "admin", label: "admin" })).viewer;
    const { slug } = await createArticle(admin, {
      title: `By an admin ${uniqueSlug()}`,
      body: "B.",
      status: "published",
    });
    expect(await isVisible(slug)).toBe(true);
  });
});

describe("the studio list", () => {
  it("filters by status and searches titles", async () => {
    const word = uniqueSlug("zebra");
    const draft = uniqueSlug();
    const live = uniqueSlug();
    await createArticle(editor, { title: `Draft about ${word}`, slug: draft, body: "B." });
    await createArticle(editor, { title: `Live about ${word}`, slug: live, body: "B.", status: "published" });
    const slugs = async (options: Parameters<typeof listArticlesForEditor>[1]) =>
      (await listArticlesForEditor(editor, options)).map((a) => a.slug).sort();
    expect(await slugs({ q: word })).toEqual([draft, live].sort());
    expect(await slugs({ q: word.toUpperCase(), status: "draft" })).toEqual([draft]);
    expect(await slugs({ q: word, status: "published" })).toEqual([live]);
    expect(await slugs({ q: word, status: "scheduled" })).toEqual([]);
  });
});
