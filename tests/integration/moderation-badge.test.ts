import { describe, expect, it } from "vitest";
import { reportComment } from "@/lib/comments/report-comment";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { moderationBadge } from "@/lib/moderation/list-queue";
import { insertArticle } from "../seed/articles";
import { storedComment } from "../seed/comments";
import { member } from "../seed/users";

// Issue 18, item 16: the header's Moderation badge counted held items but not open reports.
describe("the Moderation badge", () => {
  it("counts held items and reported visible items, each once, and drops an item once it is handled", async () => {
    const article = await insertArticle();
    const author = await member();
    const readers = [await member(), await member()];
    const moderator = await member("moderator");
    const before = await moderationBadge("moderator");

    const held = await storedComment(article.id, author.id, "pending");
    expect((await moderationBadge("moderator")).total).toBe(before.total + 1);

    // A visible comment with an open report waits for a moderator too.
    const visible = await storedComment(article.id, author.id, "approved");
    await reportComment(readers[0], visible, { reason: "harassment" });
    const reported = await moderationBadge("moderator");
    expect(reported.total).toBe(before.total + 2);
    expect(reported.reported).toBe(before.reported + 1);

    // A second report on the same comment, and a report on the held one, count no item twice.
    await reportComment(readers[1], visible, { reason: "spam" });
    await reportComment(readers[0], held, { reason: "spam" });
    expect((await moderationBadge("moderator")).total).toBe(before.total + 2);

    await actOnItems(moderator, { type: "comment", ids: [visible], action: "dismiss_reports" });
    expect((await moderationBadge("moderator")).total).toBe(before.total + 1);
    await actOnItems(moderator, { type: "comment", ids: [held], action: "approve" });
    // Approving keeps the held item's open report: it is still waiting, as a reported item.
    const approved = await moderationBadge("moderator");
    expect(approved.pending).toBe(before.pending);
    expect(approved.total).toBe(before.total + 1);
    await actOnItems(moderator, { type: "comment", ids: [held], action: "dismiss_reports" });
    expect((await moderationBadge("moderator")).total).toBe(before.total);
  });
});
