import { describe, expect, it } from "vitest";
import { updateArticle } from "@/lib/articles/update-article";
import { db } from "@/lib/db";
import { importWxr } from "@/lib/import/import-wxr";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { createTestUser } from "../seed/users";
import { articleOf, blogExport, commentsOf, exportFile, rowCounts } from "./import-helpers";

const newComment = (id: number, parent: number, text: string, approved = "1") => `<wp:comment>
  <wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[New Reader]]></wp:comment_author>
  <wp:comment_date_gmt><![CDATA[2024-03-01 10:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${text}]]></wp:comment_content>
  <wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent>
</wp:comment>`;

/** The same export with a later edit in WordPress: a new title and paragraph, a comment reworded, one approved, one added. */
function editedInWordpress(text: string) {
  return text
    .replace("<title>The treaty, classic edition</title>", "<title>The treaty, revised</title>")
    .replace("<h3>Further reading</h3>", "<h3>Further reading</h3>\nA paragraph added in WordPress.\n")
    .replace("Great post!\nThanks for <em>writing</em> it.", "Great post!\nThanks for <em>writing</em> it (edited).")
    .replace(
      "<![CDATA[Still waiting for moderation.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[0]]>",
      "<![CDATA[Still waiting for moderation.]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]>",
    )
    .replace(
      "\t</item>\n\n\t<item>\n\t\t<title>Blocks",
      `${newComment(110, 103, "A late reply, deep in the thread.")}\n\t</item>\n\n\t<item>\n\t\t<title>Blocks`,
    );
}

describe("importWxr again", () => {
  it("changes nothing when the export is the same", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const before = { rows: await rowCounts(), article: await articleOf(site, 10), comments: await commentsOf(site) };
    const again = await importWxr("command-line", file);
    expect(again).toMatchObject({
      articles: { created: 0, updated: 0, unchanged: 3, kept: 0 },
      drafts: 1,
      comments: { created: 0, updated: 0, unchanged: 7, kept: 0 },
      failed: [],
    });
    expect(await rowCounts()).toEqual(before.rows);
    expect(await articleOf(site, 10)).toEqual(before.article);
    expect(await commentsOf(site)).toEqual(before.comments);
  });

  it("updates what changed in a later export", async () => {
    const { site, file, text } = blogExport();
    await importWxr("command-line", file);
    const first = await articleOf(site, 10);
    const firstComments = await commentsOf(site);

    const report = await importWxr("command-line", exportFile(editedInWordpress(text)));
    expect(report).toMatchObject({
      articles: { created: 0, updated: 1, unchanged: 2, kept: 0 },
      comments: { created: 1, updated: 2, unchanged: 5, kept: 0 },
      failed: [],
    });

    const article = await articleOf(site, 10);
    expect(article).toMatchObject({ id: first.id, slug: first.slug, title: "The treaty, revised" });
    expect(article.currentRevision).toMatchObject({ number: 2, createdById: null });
    expect(article.currentRevision!.text).toContain("A paragraph added in WordPress.");
    expect(article.searchText).toBe(article.currentRevision!.text);
    // Unchanged blocks keep their ids (margin notes stay anchored to them).
    expect(article.currentRevision!.blockIds.slice(0, 5)).toEqual(first.currentRevision!.blockIds.slice(0, 5));

    const comments = await commentsOf(site);
    expect(comments.get("101")!.body).toContain("it (edited).");
    expect(comments.get("101")!.id).toBe(firstComments.get("101")!.id);
    expect(comments.get("108")!.status).toBe("approved");
    expect(comments.get("110")).toMatchObject({
      parentId: comments.get("103")!.id,
      threadId: comments.get("101")!.id,
      depth: 3,
    });

    const third = await importWxr("command-line", exportFile(editedInWordpress(text)));
    expect(third).toMatchObject({ articles: { unchanged: 3 }, comments: { created: 0, updated: 0, unchanged: 8 } });
  });

  it("keeps what was moderated or edited in Gloss since the last import", async () => {
    const { site, file, text } = blogExport();
    await importWxr("command-line", file);
    const { viewer: moderator } = await createTestUser({ role: "moderator", label: "import-moderator" });
    const { viewer: editor } = await createTestUser({ role: "editor", label: "import-editor" });
    let comments = await commentsOf(site);

    // A moderator approves the pending comment and trashes an approved one; an editor rewrites a title.
    await actOnItems(moderator, { type: "comment", ids: [comments.get("108")!.id], action: "approve" });
    await actOnItems(moderator, { type: "comment", ids: [comments.get("109")!.id], action: "trash" });
    const article = await articleOf(site, 10);
    await updateArticle(editor, article.slug, { title: "The treaty, as Gloss titles it" });

    // The same export again: Gloss's state stays (and is reported as kept).
    const same = await importWxr("command-line", file);
    expect(same).toMatchObject({
      articles: { unchanged: 2, kept: 1, updated: 0 },
      comments: { unchanged: 5, kept: 2, updated: 0 },
    });
    comments = await commentsOf(site);
    expect(comments.get("108")!.status).toBe("approved");
    expect(comments.get("109")!.status).toBe("trash");
    expect((await articleOf(site, 10)).title).toBe("The treaty, as Gloss titles it");

    // A changed export: the edited article keeps Gloss's version, body included; comments still
    // follow WordPress where Gloss did not touch them (101's text), not where it did (109's status;
    // 108 is now approved in WordPress too).
    const changed = await importWxr("command-line", exportFile(editedInWordpress(text)));
    expect(changed).toMatchObject({
      articles: { kept: 1, updated: 0 },
      comments: { created: 1, updated: 1, kept: 1, unchanged: 5 },
    });
    const kept = await articleOf(site, 10);
    expect(kept.title).toBe("The treaty, as Gloss titles it");
    expect(kept.currentRevision!.text).not.toContain("A paragraph added in WordPress.");
    comments = await commentsOf(site);
    expect(comments.get("101")!.body).toContain("(edited)");
    expect(comments.get("108")!.status).toBe("approved");
    expect(comments.get("109")!.status).toBe("trash");
  });

  it("keeps a comment's text once it was edited in Gloss, and still follows its status", async () => {
    const { site, file, text } = blogExport();
    await importWxr("command-line", file);
    const comment = (await commentsOf(site)).get("101")!;
    await db.comment.update({
      where: { id: comment.id },
      data: { body: "Edited in Gloss.", html: "<p>Edited in Gloss.</p>", editedAt: new Date() },
    });
    const unapproved = text.replace(
      "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>\n\t\t\t<wp:comment_type><![CDATA[]]></wp:comment_type>",
      "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>\n\t\t\t<wp:comment_type><![CDATA[]]></wp:comment_type>",
    );
    expect(unapproved).not.toBe(text);
    const report = await importWxr("command-line", exportFile(editedInWordpress(unapproved)));
    expect(report.comments).toMatchObject({ created: 1, updated: 2 });
    expect((await commentsOf(site)).get("101")).toMatchObject({ body: "Edited in Gloss.", status: "pending" });
  });

  it("keeps a comment its author deleted in Gloss deleted", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const comment = (await commentsOf(site)).get("102")!;
    await db.comment.update({ where: { id: comment.id }, data: { status: "deleted", deletedAt: new Date() } });
    const report = await importWxr("command-line", file);
    expect(report.comments).toMatchObject({ kept: 1, updated: 0 });
    expect((await commentsOf(site)).get("102")!.status).toBe("deleted");
  });

  it("does not bring back a comment an admin deleted for good", async () => {
    const { site, file } = blogExport();
    await importWxr("command-line", file);
    const { viewer: admin } = await createTestUser({ role: "admin", label: "import-destroyer" });
    const trashed = (await commentsOf(site)).get("107")!;
    expect(trashed.status).toBe("trash");
    await actOnItems(admin, { type: "comment", ids: [trashed.id], action: "delete_permanently" });
    const report = await importWxr("command-line", file);
    expect(report.comments).toMatchObject({ created: 0, kept: 1, unchanged: 6 });
    expect((await commentsOf(site)).has("107")).toBe(false);
  });

  it("updates an untouched comment WordPress later marked as spam, and imports no new spam", async () => {
    const { site, file, text } = blogExport();
    await importWxr("command-line", file);
    const spammed = text.replace(
      "<![CDATA[Replying to the spam comment (which will not be imported).]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[1]]>",
      "<![CDATA[Replying to the spam comment (which will not be imported).]]></wp:comment_content>\n\t\t\t<wp:comment_approved><![CDATA[spam]]>",
    );
    expect(spammed).not.toBe(text);
    const report = await importWxr("command-line", exportFile(spammed));
    expect(report).toMatchObject({ comments: { updated: 1, created: 0 }, skipped: { spam: 2 } });
    expect((await commentsOf(site)).get("109")!.status).toBe("spam");
  });
});
