import { beforeAll, describe, expect, it } from "vitest";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { createArticle } from "@/lib/articles/create-article";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { listPendingReview } from "@/lib/articles/list-pending-review";
import { listRevisions } from "@/lib/articles/list-revisions";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { reviewArticle } from "@/lib/articles/review-article";
import { submitArticle, withdrawArticle } from "@/lib/articles/submit-article";
import { trashArticle } from "@/lib/articles/trash-article";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { banUser } from "@/lib/moderation/ban-user";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { deleteReviewNote, updateReviewNote } from "@/lib/reviews/change-review-note";
import { createReviewNote } from "@/lib/reviews/create-review-note";
import { getReviewNote, listReviewNotes } from "@/lib/reviews/list-review-notes";
import { reviewNoteJson } from "@/lib/reviews/review-note-json";
import { setSetting } from "@/lib/settings/get-settings";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// The editorial desk (issue 16; CONTRACT.md "The editorial desk"): every transition and every
// contributor refusal, through the domain functions the API and the studio call.

let author: Viewer, other: Viewer, reader: Viewer, moderator: Viewer, editor: Viewer, admin: Viewer;

beforeAll(async () => {
  author = (await createTestUser({ role: "contributor", name: "Ada Author", label: "contrib" })).viewer;
  other = (await createTestUser({ role: "contributor", name: "Olga Other", label: "contrib2" })).viewer;
  reader = (await createTestUser({ name: "Rita Reader", label: "reader" })).viewer;
  moderator = (await createTestUser({ role: "moderator", name: "Mo Moderator", label: "mod" })).viewer;
  editor = (await createTestUser({ role: "editor", name: "Eda Editor", label: "editor" })).viewer;
  admin = (await createTestUser({ role: "admin", name: "Ad Admin", label: "admin" })).viewer;
});

const body1 = [
  "The tribunal held that the seizure of the vessel breached the treaty of amity.",
  "Counsel for the respondent argued that the claim was inadmissible for want of exhaustion of local remedies.",
  "The dissenting judge would have found that necessity precluded wrongfulness in the circumstances.",
].join("\n\n");

const note = (exact: string, value: string) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  motivation: "commenting",
  body: { type: "TextualBody", value },
  target: { selector: { type: "TextQuoteSelector", exact } },
});

async function draftBy(who: Viewer, body = body1, extra: Record<string, unknown> = {}) {
  const slug = uniqueSlug("desk");
  await createArticle(who, { title: `Desk ${slug}`, slug, body, ...extra });
  return slug;
}

const statusOf = async (slug: string) =>
  (await db.article.findUniqueOrThrow({ where: { slug }, select: { status: true } })).status;
const auditFor = async (slug: string) => {
  const { id } = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return db.auditEntry.findMany({
    where: { targetType: "article", targetId: id },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, createdAt: true, reason: true },
  });
};

describe("contributors write their own drafts", () => {
  it("makes a draft owned by the contributor, not public", async () => {
    const slug = await draftBy(author);
    const a = await getArticleForEditor(author, slug);
    expect(a.status).toBe("draft");
    expect(a.ownerId).toBe(author.id);
    expect(await getPublishedArticle(slug)).toBeNull();
    // autosave: saving the body again keeps it a draft
    await updateArticle(author, slug, { body: `${body1}\n\nA fourth paragraph.`, draft: true });
    expect(await statusOf(slug)).toBe("draft");
    expect((await listRevisions(author, slug)).revisions.length).toBeGreaterThan(0);
  });

  it("refuses a contributor publishing or scheduling, at creation and on edit (403)", async () => {
    await expectAppError(createArticle(author, { title: "Go", body: body1, status: "published" }), "forbidden");
    await expectAppError(
      createArticle(author, { title: "Go", body: body1, publishAt: new Date(Date.now() + 86_400_000).toISOString() }),
      "forbidden",
    );
    const slug = await draftBy(author);
    await expectAppError(updateArticle(author, slug, { status: "published" }), "forbidden");
    await expectAppError(
      updateArticle(author, slug, { publishAt: new Date(Date.now() + 86_400_000).toISOString() }),
      "forbidden",
    );
    expect(await statusOf(slug)).toBe("draft");
  });

  it("hides other people's drafts from a contributor (404) and lists only their own", async () => {
    const mine = await draftBy(author);
    const theirs = await draftBy(other);
    const editors = await draftBy(editor);
    await expectAppError(getArticleForEditor(author, theirs), "not_found");
    await expectAppError(getArticleForEditor(author, editors), "not_found");
    await expectAppError(listRevisions(author, theirs), "not_found");
    await expectAppError(updateArticle(author, theirs, { title: "Hijacked" }), "not_found");
    await expectAppError(restoreRevision(author, theirs, 1), "not_found");
    await expectAppError(submitArticle(author, theirs), "not_found");
    const list = (await listArticlesForEditor(author)).map((a) => a.slug);
    expect(list).toContain(mine);
    expect(list).not.toContain(theirs);
    expect(list).not.toContain(editors);
    expect((await db.article.findUniqueOrThrow({ where: { slug: theirs }, select: { title: true } })).title).toBe(
      `Desk ${theirs}`,
    );
  });

  it("refuses a contributor editing a published article, even their own (403)", async () => {
    const slug = await draftBy(author);
    await submitArticle(author, slug);
    await reviewArticle(editor, slug, { decision: "approve" });
    await expectAppError(updateArticle(author, slug, { title: "Changed after publishing" }), "forbidden");
    await expectAppError(updateArticle(author, slug, { body: "New body." }), "forbidden");
    await expectAppError(restoreRevision(author, slug, 1), "forbidden");
    const published = await editorsPublished();
    await expectAppError(updateArticle(author, published, { title: "Not mine" }), "not_found");
  });

  it("refuses a contributor moderating, trashing, reviewing or reading the queue", async () => {
    const slug = await draftBy(author);
    await expectAppError(actOnItems(author, { type: "comment", ids: ["c1"], action: "approve" }), "forbidden");
    await expectAppError(banUser(author, { email: reader.email, duration: "1d" }), "forbidden");
    await expectAppError(trashArticle(author, slug), "forbidden");
    await submitArticle(author, slug);
    await expectAppError(reviewArticle(author, slug, { decision: "approve" }), "forbidden");
    await expectAppError(listPendingReview(author), "forbidden");
    await expectAppError(reviewArticle(moderator, slug, { decision: "approve" }), "forbidden");
    await expectAppError(reviewArticle(reader, slug, { decision: "changes" }), "forbidden");
    await expectAppError(reviewArticle(null, slug, { decision: "changes" }), "unauthorized");
    expect(await statusOf(slug)).toBe("pending_review");
  });

  it("a commenter cannot create drafts at all", async () => {
    await expectAppError(createArticle(reader, { title: "Mine", body: body1 }), "forbidden");
  });

  it("admins make an account a contributor (audited), and the role grants the desk", async () => {
    const { viewer } = await createTestUser({ label: "promote" });
    await changeUserRole(admin, { email: viewer.email, role: "contributor" });
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("contributor");
    const slug = await draftBy({ ...viewer, role: "contributor" });
    expect(await statusOf(slug)).toBe("draft");
  });
});

async function editorsPublished() {
  const slug = uniqueSlug("ed");
  await createArticle(editor, { title: "Editor's", slug, body: body1, status: "published" });
  return slug;
}

describe("submit, withdraw, review", () => {
  it("draft → pending_review → (withdraw) draft → pending_review → changes → draft → approve → published, each audited", async () => {
    const slug = await draftBy(author);
    expect((await submitArticle(author, slug)).status).toBe("pending_review");
    await expectAppError(updateArticle(author, slug, { body: "Edited while waiting." }), "forbidden");
    expect((await withdrawArticle(author, slug)).status).toBe("draft");
    await updateArticle(author, slug, { body: `${body1}\n\nAfter withdrawing.` });
    await submitArticle(author, slug);
    expect((await listPendingReview(editor)).map((a) => a.slug)).toContain(slug);

    const ch = await reviewArticle(editor, slug, { decision: "changes", message: "Please cite your sources." });
    expect(ch.status).toBe("draft");
    expect((await listPendingReview(editor)).map((a) => a.slug)).not.toContain(slug);
    await expectAppError(reviewArticle(editor, slug, { decision: "approve" }), "conflict");

    await submitArticle(author, slug);
    const ap = await reviewArticle(editor, slug, { decision: "approve" });
    expect(ap.status).toBe("published");
    const found = await getPublishedArticle(slug);
    expect(found && "article" in found && found.article.currentRevision?.text).toContain("After withdrawing.");
    await expectAppError(reviewArticle(editor, slug, { decision: "changes" }), "conflict");

    const log = await auditFor(slug);
    expect(log.map((e) => e.action)).toEqual([
      "article.submit",
      "article.withdraw",
      "article.submit",
      "article.review.changes",
      "article.submit",
      "article.review.approve",
    ]);
    expect(log[3]).toMatchObject({ actorId: editor.id, reason: "Please cite your sources." });
    expect(log[0].actorId).toBe(author.id);
  });

  it("tells the author of either decision: a review notification and a queued mail, with the message", async () => {
    const slug = await draftBy(author);
    await submitArticle(author, slug);
    await reviewArticle(editor, slug, { decision: "changes", message: "Shorten the second paragraph." });
    await submitArticle(author, slug);
    await reviewArticle(editor, slug, { decision: "approve", message: "Lovely." });
    const { id } = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const notes = await db.notification.findMany({
      where: { userId: author.id, articleId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(notes.map((n) => [n.type, n.excerpt, n.url])).toEqual([
      ["review", "Shorten the second paragraph.", `/studio/${slug}`],
      ["review", "Lovely.", `/articles/${slug}`],
    ]);
    const mails = (await db.job.findMany({ where: { kind: "mail" }, select: { payload: true } }))
      .map((j) => j.payload as { to: string; subject: string; text: string })
      .filter((m) => m.to === author.email && m.text.includes(`Desk ${slug}`));
    expect(mails.map((m) => m.subject)).toEqual([`Changes requested on “Desk ${slug}”`, `“Desk ${slug}” was approved`]);
    expect(mails[0].text).toContain("Shorten the second paragraph.");
  });

  it("approving adds the publication's credit line unless the article has its own", async () => {
    await setSetting("creditLine", "Edited By : SAILBlogs Editorial Board");
    const plain = await draftBy(author);
    const own = await draftBy(author, body1, { credit: "Edited by Prof. Kay" });
    for (const s of [plain, own]) {
      await submitArticle(author, s);
      await reviewArticle(editor, s, { decision: "approve" });
    }
    const credit = async (s: string) =>
      (await db.article.findUniqueOrThrow({ where: { slug: s }, select: { credit: true } })).credit;
    expect(await credit(plain)).toBe("Edited By : SAILBlogs Editorial Board");
    expect(await credit(own)).toBe("Edited by Prof. Kay");
  });

  it("approving an article with a publish time schedules it; it goes out at that time", async () => {
    const slug = await draftBy(author);
    await submitArticle(author, slug);
    const at = new Date(clock.now().getTime() + 3_600_000);
    const r = await reviewArticle(editor, slug, { decision: "approve", publishAt: at.toISOString() });
    expect(r.status).toBe("scheduled");
    expect(await getPublishedArticle(slug)).toBeNull();
    expect((await auditFor(slug)).at(-1)?.action).toBe("article.review.approve");
  });

  it("refuses bad decisions with a clear message and changes nothing", async () => {
    const slug = await draftBy(author);
    await submitArticle(author, slug);
    const e = await expectAppError(reviewArticle(editor, slug, { decision: "maybe" }), "bad_request");
    expect(e.fields?.decision).toBeTruthy();
    await expectAppError(reviewArticle(editor, "no-such-article-here", { decision: "approve" }), "not_found");
    expect(await statusOf(slug)).toBe("pending_review");
  });

  it("lists the Review tab oldest first with author, waiting time and word count", async () => {
    const first = await draftBy(author);
    const second = await draftBy(other);
    clock.set(new Date(Date.now() - 3_600_000));
    await submitArticle(other, second);
    clock.reset();
    await submitArticle(author, first);
    const list = (await listPendingReview(editor)).filter((a) => a.slug === first || a.slug === second);
    expect(list.map((a) => a.slug)).toEqual([second, first]);
    expect(list[0]).toMatchObject({ author: "Olga Other", wordCount: 44 });
    expect(list[0].submittedAt.getTime()).toBeLessThan(list[1].submittedAt.getTime());
  });

  it("an editor may still write and publish directly", async () => {
    const slug = uniqueSlug("direct");
    const made = await createArticle(editor, { title: "Direct", slug, body: body1, status: "published" });
    expect(made.status).toBe("published");
  });
});

describe("review notes", () => {
  it("are seen by editors and the article's author only; 404 for anyone else", async () => {
    const slug = await draftBy(author);
    const n = await createReviewNote(editor, slug, note("breached the treaty of amity", "Cite the treaty article."));
    expect(n.state).toBe("anchored");
    expect((await listReviewNotes(author, slug)).notes.map((x) => x.body)).toEqual(["Cite the treaty article."]);
    expect((await listReviewNotes(admin, slug)).notes).toHaveLength(1);
    for (const who of [other, reader, moderator, null]) {
      await expectAppError(listReviewNotes(who, slug), "not_found");
      await expectAppError(getReviewNote(who, slug, n.id), "not_found");
      await expectAppError(
        createReviewNote(who, slug, note("necessity precluded wrongfulness", "Sneaky.")),
        "not_found",
      );
      await expectAppError(updateReviewNote(who, slug, n.id, { ...reviewNoteJson(n), resolved: true }), "not_found");
    }
  });

  it("the author replies; notes are resolved by PUT; only a note's author edits or deletes it", async () => {
    const slug = await draftBy(author);
    const n = await createReviewNote(editor, slug, note("necessity precluded wrongfulness", "Say which ILC article."));
    const reply = await createReviewNote(author, slug, {
      type: "Annotation",
      body: { type: "TextualBody", value: "Article 25, added." },
      target: `http://x/api/reviews/${slug}/${n.id}`,
    });
    expect(reply.parentId).toBe(n.id);
    const resolved = await updateReviewNote(author, slug, n.id, { ...reviewNoteJson(n), resolved: true });
    expect(reviewNoteJson(resolved).resolved).toBe(true);
    await expectAppError(
      updateReviewNote(editor, slug, n.id, { ...reviewNoteJson(n), resolved: false }, `"${n.id}-v1"`),
      "precondition_failed",
    );
    await expectAppError(
      updateReviewNote(author, slug, n.id, {
        ...reviewNoteJson(n),
        body: { type: "TextualBody", value: "Rewritten by someone else" },
      }),
      "forbidden",
    );
    await expectAppError(deleteReviewNote(author, slug, n.id), "forbidden");
    await deleteReviewNote(author, slug, reply.id);
    expect((await listReviewNotes(editor, slug)).notes.map((x) => x.id)).toEqual([n.id]);
  });

  it("refuses a quote that is not in the draft, without storing anything", async () => {
    const slug = await draftBy(author);
    await expectAppError(createReviewNote(editor, slug, note("words that are nowhere", "Hm.")), "bad_request");
    expect((await listReviewNotes(editor, slug)).notes).toHaveLength(0);
  });

  it("follow the draft: a moved passage carries its note, a deleted one orphans it, and 'changed' says so", async () => {
    const slug = await draftBy(author);
    const n1 = await createReviewNote(editor, slug, note("breached the treaty of amity", "Cite the treaty article."));
    const n2 = await createReviewNote(editor, slug, note("necessity precluded wrongfulness", "Say which ILC article."));
    const n3 = await createReviewNote(editor, slug, note("inadmissible for want of exhaustion", "Which rule?"));
    await submitArticle(author, slug);
    await reviewArticle(editor, slug, { decision: "changes", message: "See the notes." });
    const body2 = [
      "A new opening paragraph sets out the facts of the dispute in more detail than before.",
      "The tribunal held that the seizure of the vessel breached the treaty of amity (art. X).",
      "Counsel for the respondent argued that the claim was inadmissible for want of full exhaustion of local remedies.",
    ].join("\n\n");
    await updateArticle(author, slug, { body: body2 });
    const text = (await getArticleForEditor(editor, slug)).draftRevision!.text;
    const get = async (id: string) => (await getReviewNote(editor, slug, id)).row;
    const a1 = await get(n1.id),
      a2 = await get(n2.id),
      a3 = await get(n3.id);
    expect(a1.state).toBe("anchored");
    expect(Array.from(text).slice(a1.start!, a1.end!).join("")).toBe("breached the treaty of amity");
    expect(reviewNoteJson(a1).changed).toBe(false);
    expect(a2.state).toBe("orphaned");
    expect(reviewNoteJson(a2)).toMatchObject({ changed: true, originalQuote: "necessity precluded wrongfulness" });
    if (a3.state === "anchored") {
      expect(Array.from(text).slice(a3.start!, a3.end!).join("")).toContain("inadmissible");
      expect(reviewNoteJson(a3).changed).toBe(true);
    }
  });

  it("never appear with readers' notes: public container, export, search, the published page", async () => {
    const slug = await draftBy(author);
    await createReviewNote(editor, slug, note("breached the treaty of amity", "Secret board note zebra."));
    await submitArticle(author, slug);
    await reviewArticle(editor, slug, { decision: "approve" });
    const pub = await listAnnotations(editor, slug);
    expect(JSON.stringify(pub.annotations)).not.toContain("zebra");
    expect(JSON.stringify(await exportAnnotations(slug))).not.toContain("zebra");
    expect(
      (await db.article.findUniqueOrThrow({ where: { slug }, select: { searchText: true } })).searchText,
    ).not.toContain("zebra");
    const found = await getPublishedArticle(slug);
    expect(JSON.stringify(found)).not.toContain("zebra");
    // and they stay the board's and the author's after publishing
    expect((await listReviewNotes(author, slug)).notes).toHaveLength(1);
    await expectAppError(listReviewNotes(reader, slug), "not_found");
  });
});
