import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { reportAnnotation } from "@/lib/annotations/report-annotation";
import { clock } from "@/lib/clock";
import { editComment } from "@/lib/comments/edit-comment";
import { listThread } from "@/lib/comments/list-thread";
import { reportComment } from "@/lib/comments/report-comment";
import { db } from "@/lib/db";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { actOnSelection } from "@/lib/moderation/act-on-selection";
import { listQueue, queueCounts, reportedCount } from "@/lib/moderation/list-queue";
import { queueItemJson } from "@/lib/moderation/queue-item-json";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post, storedComment } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { established, member } from "../seed/users";
import { auditOf, expectAppError } from "./helpers";

const statusOf = async (id: string) => (await db.comment.findUniqueOrThrow({ where: { id } })).status;
const readerSees = async (slug: string) => (await listThread(null, slug)).threads.map((c) => c.body);

describe("moderation actions", () => {
  it("approve, spam, trash and restore move an item between the tabs; readers see the change at once; each is logged", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const moderator = await member("moderator");
    const held = await post(newcomer, article.slug, "Waiting for a moderator.");
    expect(await readerSees(article.slug)).toEqual([]);

    const steps = [
      { action: "approve", after: "approved", visible: true },
      { action: "spam", after: "spam", visible: false },
      { action: "trash", after: "trash", visible: false },
      { action: "restore", after: "pending", visible: false },
      { action: "approve", after: "approved", visible: true },
    ] as const;
    let before = "pending";
    for (const step of steps) {
      const r = await actOnItems(moderator, {
        type: "comment",
        ids: [held.id],
        action: step.action,
        reason: `because ${step.action}`,
      });
      expect(r.results).toEqual([{ id: held.id, before, after: step.after }]);
      expect(await statusOf(held.id)).toBe(step.after);
      expect(await readerSees(article.slug)).toEqual(step.visible ? ["Waiting for a moderator."] : []);
      before = step.after;
    }
    const log = await auditOf(held.id);
    expect(log.map((e) => [e.action, e.actorId, e.before, e.after, e.reason, e.targetType])).toEqual([
      ["approve", moderator.id, { status: "pending" }, { status: "approved" }, "because approve", "comment"],
      ["spam", moderator.id, { status: "approved" }, { status: "spam" }, "because spam", "comment"],
      ["trash", moderator.id, { status: "spam" }, { status: "trash" }, "because trash", "comment"],
      ["restore", moderator.id, { status: "trash" }, { status: "pending" }, "because restore", "comment"],
      ["approve", moderator.id, { status: "pending" }, { status: "approved" }, "because approve", "comment"],
    ]);
  });

  it("an item restored to Pending with no rule behind it is there by hand (manual); one held by a rule keeps its reason", async () => {
    const article = await insertArticle();
    const reader = await member();
    const moderator = await member("moderator");
    const plain = await post(reader, article.slug, "Fine at first.");
    await actOnItems(moderator, { type: "comment", ids: [plain.id], action: "trash" });
    await actOnItems(moderator, { type: "comment", ids: [plain.id], action: "restore" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["manual"],
    });
    const linked = await post(reader, article.slug, "https://a.example https://b.example");
    await actOnItems(moderator, { type: "comment", ids: [linked.id], action: "spam" });
    await actOnItems(moderator, { type: "comment", ids: [linked.id], action: "restore" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: linked.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["links"],
    });
  });

  it("a batch is all or nothing: one unknown id → 404 naming it, and nothing changes or is logged", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const ids = [
      await storedComment(article.id, author.id),
      await storedComment(article.id, author.id),
      await storedComment(article.id, author.id),
    ];
    const unknown = crypto.randomBytes(12).toString("hex");
    const error = await expectAppError(
      actOnItems(moderator, { type: "comment", ids: [...ids, unknown], action: "spam" }),
      "not_found",
    );
    expect(error.status).toBe(404);
    expect(error.message).toContain(unknown);
    expect(error.fields?.ids).toBe(unknown);
    for (const id of ids) {
      expect(await statusOf(id)).toBe("pending");
      expect(await auditOf(id)).toEqual([]);
    }
    // An id of the other type is unknown too.
    await expectAppError(actOnItems(moderator, { type: "annotation", ids: [ids[0]], action: "approve" }), "not_found");
    // Items their authors deleted cannot be moderated, and the whole batch stops.
    const gone = await storedComment(article.id, author.id, "deleted");
    await expectAppError(
      actOnItems(moderator, { type: "comment", ids: [ids[0], gone], action: "approve" }),
      "rule_violation",
    );
    expect(await statusOf(ids[0])).toBe("pending");
  });

  it("the queue's bulk selection mixes comments and notes in one transaction", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const moderator = await member("moderator");
    const c1 = await post(newcomer, article.slug, "Bulk one.");
    const c2 = await post(newcomer, article.slug, "Bulk two.");
    const n1 = await annotate(newcomer, article.slug, "Bulk note.");
    const missing = crypto.randomBytes(12).toString("hex");
    await expectAppError(
      actOnSelection(moderator, {
        items: [
          { type: "comment", id: c1.id },
          { type: "annotation", id: missing },
        ],
        action: "spam",
      }),
      "not_found",
    );
    expect(await statusOf(c1.id)).toBe("pending");
    await expectAppError(actOnSelection(moderator, { items: [], action: "spam" }), "bad_request");
    await expectAppError(
      actOnSelection(moderator, { items: [{ type: "comment", id: c1.id }], action: "burn" }),
      "bad_request",
    );

    const r = await actOnSelection(moderator, {
      items: [
        { type: "comment", id: c1.id },
        { type: "comment", id: c2.id },
        { type: "annotation", id: n1.id },
      ],
      action: "spam",
    });
    expect(r.results).toHaveLength(3);
    expect(await statusOf(c1.id)).toBe("spam");
    expect(await statusOf(c2.id)).toBe("spam");
    expect((await db.annotation.findUniqueOrThrow({ where: { id: n1.id } })).status).toBe("spam");
    expect((await auditOf(n1.id)).map((e) => e.action)).toEqual(["spam"]);
  });

  it("approves hundreds of items in one call (one statement per status)", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const ids = Array.from({ length: 300 }, () => crypto.randomBytes(12).toString("hex"));
    await db.comment.createMany({
      data: ids.map((id, i) => ({
        id,
        articleId: article.id,
        threadId: id,
        authorId: author.id,
        body: `Bulk ${i}`,
        html: `<p>Bulk ${i}</p>`,
        status: "pending" as const,
        createdAt: new Date(clock.now().getTime() - i),
      })),
    });
    const t0 = Date.now();
    const r = await actOnItems(moderator, { type: "comment", ids, action: "approve" });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.results.every((x) => x.after === "approved")).toBe(true);
    expect(await db.comment.count({ where: { articleId: article.id, status: "approved" } })).toBe(300);
    expect(await db.auditEntry.count({ where: { targetId: { in: ids }, action: "approve" } })).toBe(300);
  });

  it("reports: one per reader; 3 distinct readers hide the item (reported:3); dismissing brings it back", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const readers = [await established(), await established(), await established()];
    const target = await post(author, article.slug, "A contested opinion.");
    expect(await reportComment(readers[0], target.id, { reason: "harassment", note: "rude" })).toMatchObject({
      reports: 1,
      hidden: false,
    });
    await expectAppError(reportComment(readers[0], target.id, { reason: "spam" }), "conflict");
    expect(await reportComment(readers[1], target.id, { reason: "spam" })).toMatchObject({ reports: 2, hidden: false });
    expect(await readerSees(article.slug)).toEqual(["A contested opinion."]);
    expect(await reportComment(readers[2], target.id, { reason: "off_topic" })).toMatchObject({
      reports: 3,
      hidden: true,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["reported:3"],
    });
    expect(await readerSees(article.slug)).toEqual([]);

    const [item] = (await listQueue(moderator, { status: "pending", article: article.slug })).items;
    expect(queueItemJson(item)).toMatchObject({ id: target.id, reasons: ["reported:3"], reports: 3 });
    expect(item.reports.map((r) => r.reason).sort()).toEqual(["harassment", "off_topic", "spam"]);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, reason: "reported" })).items,
    ).toHaveLength(1);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, reason: "reported:3" })).items,
    ).toHaveLength(1);

    const hide = (await auditOf(target.id)).find((e) => e.action === "hide_reported");
    expect(hide).toMatchObject({
      actorId: null,
      reason: "reported:3",
      before: { status: "approved" },
      after: { status: "pending" },
    });

    const r = await actOnItems(moderator, { type: "comment", ids: [target.id], action: "dismiss_reports" });
    expect(r.results).toEqual([{ id: target.id, before: "pending", after: "approved" }]);
    expect(await db.comment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      status: "approved",
      holdReasons: [],
    });
    expect(await db.report.count({ where: { commentId: target.id, dismissedAt: null } })).toBe(0);
    expect(await readerSees(article.slug)).toEqual(["A contested opinion."]);
    expect((await auditOf(target.id)).at(-1)).toMatchObject({
      action: "dismiss_reports",
      actorId: moderator.id,
      before: { status: "pending" },
      after: { status: "approved" },
    });
    // Dismissed reports no longer count: one new report does not hide it again.
    expect(await reportComment(await established(), target.id, { reason: "spam" })).toMatchObject({
      reports: 1,
      hidden: false,
    });
  });

  it("the report threshold is a setting and applies to public notes too", async () => {
    const article = await insertArticle();
    const author = await member();
    const note = await annotate(author, article.slug, "A note readers dislike.");
    await withSettings({ reportThreshold: 2 }, async () => {
      await reportAnnotation(await established(), article.slug, note.id, { reason: "spam" });
      expect(
        await reportAnnotation(await established(), article.slug, note.id, { reason: "other", note: "meh" }),
      ).toMatchObject({ reports: 2, hidden: true });
    });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      status: "pending",
      holdReasons: ["reported:2"],
    });
  });

  it("delete permanently: admins only, only from Trash, logged", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const admin = await member("admin");
    const id = await storedComment(article.id, author.id, "pending");
    await expectAppError(
      actOnItems(admin, { type: "comment", ids: [id], action: "delete_permanently" }),
      "rule_violation",
    );
    await actOnItems(moderator, { type: "comment", ids: [id], action: "trash" });
    await expectAppError(
      actOnItems(moderator, { type: "comment", ids: [id], action: "delete_permanently" }),
      "forbidden",
    );
    expect(await db.comment.count({ where: { id } })).toBe(1);
    await actOnItems(admin, { type: "comment", ids: [id], action: "delete_permanently", reason: "illegal content" });
    expect(await db.comment.count({ where: { id } })).toBe(0);
    expect((await auditOf(id)).at(-1)).toMatchObject({
      action: "delete_permanently",
      actorId: admin.id,
      before: { status: "trash" },
      after: { status: "destroyed" },
      reason: "illegal content",
    });
  });
});

describe("the queue", () => {
  it("lists comments and notes with their author's record, the article, the parent, the passage and the edit history", async () => {
    const article = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const regular = await member();
    const moderator = await member("moderator");
    const parent = await post(regular, article.slug, "The parent comment.");
    const reply = await post(newcomer, article.slug, "A held reply.", parent.id);
    await editComment(newcomer, reply.id, { body: "A held reply, edited." });
    const note = await annotate(newcomer, article.slug, "A held note.");
    const spam = await storedComment(article.id, newcomer.id, "spam");

    const { items } = await listQueue(moderator, { status: "pending", article: article.slug });
    expect(items.map((i) => [i.type, i.id])).toEqual([
      ["annotation", note.id],
      ["comment", reply.id],
    ]);
    const [n, c] = items;
    expect(n.quote).toBe("passage worth quoting");
    expect(c.parent).toMatchObject({ id: parent.id, body: "The parent comment." });
    expect(c.revisions.map((r) => r.body)).toEqual(["A held reply."]);
    expect(c._count.revisions).toBe(1);
    expect(c.history).toEqual({ approved: 0, spam: 1 });
    expect(c.author).toMatchObject({ id: newcomer.id, email: newcomer.email });
    expect(c.article).toEqual({ slug: article.slug, title: `Title of ${article.slug}` });
    expect(queueItemJson(c)).toMatchObject({
      type: "comment",
      status: "pending",
      reasons: ["first_comment"],
      author: { approved: 0, spam: 1 },
      edits: 1,
    });
    expect((await listQueue(moderator, { status: "spam", article: article.slug })).items.map((i) => i.id)).toEqual([
      spam,
    ]);
  });

  it("filters by type, article, author and reason, and pages by keyset without gaps or repeats", async () => {
    const article = await insertArticle();
    const other = await insertArticle();
    const newcomer = await member("commenter", { trusted: false });
    const moderator = await member("moderator");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await post(newcomer, article.slug, `Paged comment ${i}`)).id);
    const note = await annotate(newcomer, article.slug, "Paged note.");
    await post(newcomer, other.slug, "Elsewhere.");

    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, type: "annotation" })).items.map(
        (i) => i.id,
      ),
    ).toEqual([note.id]);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, type: "comment" })).items,
    ).toHaveLength(5);
    expect(
      (await listQueue(moderator, { status: "pending", author: newcomer.email.toUpperCase() })).items,
    ).toHaveLength(7);
    expect(
      (await listQueue(moderator, { status: "pending", author: newcomer.id, article: other.slug })).items,
    ).toHaveLength(1);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, reason: "first_comment" })).items,
    ).toHaveLength(6);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, reason: "links" })).items,
    ).toHaveLength(0);
    expect(
      (await listQueue(moderator, { status: "pending", article: article.slug, reason: "word" })).items,
    ).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(moderator, {
        status: "pending",
        article: article.slug,
        cursor,
        take: 2,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([note.id, ...[...ids].reverse()]);
  });

  it("Reported lists items with open reports under the hiding threshold too, pending or approved, with reasons; paged by keyset", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const readers = [await member(), await member()];
    const countBefore = await reportedCount("moderator");
    const first = await post(author, article.slug, "Reported once, still visible.");
    const second = await post(author, article.slug, "Reported twice, still visible.");
    const quiet = await post(author, article.slug, "Nobody reported this.");
    const trashed = await post(author, article.slug, "Reported, then trashed.");
    await reportComment(readers[0], first.id, { reason: "harassment", note: "rude" });
    await reportComment(readers[0], second.id, { reason: "spam" });
    await reportComment(readers[1], second.id, { reason: "off_topic" });
    await reportComment(readers[0], trashed.id, { reason: "spam" });
    await actOnItems(moderator, { type: "comment", ids: [trashed.id], action: "trash" });
    const held = await storedComment(article.id, author.id, "pending", ["links"]);
    await db.report.create({ data: { commentId: held, reporterId: readers[1].id, reason: "other" } });

    // Below the threshold (3) nothing is hidden: Pending has only the held one.
    expect((await listQueue(moderator, { status: "pending", article: article.slug })).items.map((i) => i.id)).toEqual([
      held,
    ]);
    const reported = await listQueue(moderator, { status: "reported", article: article.slug });
    const byId = (rows: [string, ...unknown[]][]) => rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(byId(reported.items.map((i) => [i.id, i.status, i._count.reports]))).toEqual(
      byId([
        [held, "pending", 1],
        [second.id, "approved", 2],
        [first.id, "approved", 1],
      ]),
    );
    expect(
      reported.items
        .find((i) => i.id === second.id)!
        .reports.map((r) => r.reason)
        .sort(),
    ).toEqual(["off_topic", "spam"]);
    expect(reported.items.map((i) => i.id)).not.toContain(quiet.id);
    expect(reported.items.map((i) => i.id)).not.toContain(trashed.id);
    expect(await reportedCount("moderator")).toBe(countBefore + 3);
    expect(
      (await listQueue(moderator, { status: "reported", article: article.slug, reason: "links" })).items.map(
        (i) => i.id,
      ),
    ).toEqual([held]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(moderator, {
        status: "reported",
        article: article.slug,
        cursor,
        take: 2,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(reported.items.map((i) => i.id));

    await actOnItems(moderator, { type: "comment", ids: [first.id], action: "dismiss_reports" });
    expect(
      (await listQueue(moderator, { status: "reported", article: article.slug })).items.map((i) => i.id).sort(),
    ).toEqual([held, second.id].sort());
    expect(await reportedCount("moderator")).toBe(countBefore + 2);
  });

  it("counts each tab for the header badge and the tabs", async () => {
    const article = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const before = await queueCounts("moderator");
    const id = await storedComment(article.id, author.id, "pending");
    expect((await queueCounts("moderator")).pending).toBe(before.pending + 1);
    await actOnItems(moderator, { type: "comment", ids: [id], action: "trash" });
    const after = await queueCounts("moderator");
    expect(after.pending).toBe(before.pending);
    expect(after.trash).toBe(before.trash + 1);
  });
});
