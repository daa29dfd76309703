import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as report } from "@/app/api/annotations/[slug]/[id]/flags/route";
import { POST as moderate } from "@/app/api/moderation/actions/route";
import { GET as listQueue } from "@/app/api/moderation/queue/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { removeGroupNote } from "@/lib/groups/remove-group-note";
import { keepGroupNote, listReportedGroupNotes } from "@/lib/groups/reported-group-notes";
import { moderationBadge, reportedCount } from "@/lib/moderation/list-queue";
import { defaultSettings } from "@/lib/settings/get-settings";
import { insertArticle } from "../seed/articles";
import { annotateGroup, makeGroup } from "../seed/groups";
import { withSettings } from "../seed/settings";
import { established, member } from "../seed/users";
import { expectAppError } from "./helpers";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 19: a group note's reports go to people — its owner (the board's moderators for board
// notes) and the admins — never to the hiding threshold; a private note is never reportable.

let slug: string;
let owner: Viewer;
let students: Viewer[];
let outsider: Viewer;
let moderator: Viewer;
let admin: Viewer;
let group: { id: string; token: string };

const flag = async (viewer: Viewer, id: string, body: unknown = { reason: "harassment", note: "unkind" }) =>
  call(report, {
    path: `/api/annotations/${slug}/${id}/flags`,
    params: { slug, id },
    body: JSON.stringify(body),
    authorization: await bearerFor(viewer),
  });
const queue = async (viewer: Viewer, status = "reported") =>
  call(listQueue, {
    method: "GET",
    path: `/api/moderation/queue?status=${status}&type=annotation`,
    authorization: await bearerFor(viewer),
  });
const statusOf = async (id: string) => (await db.annotation.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  ({ slug } = await insertArticle({ label: "groups-reports" }));
  owner = await established();
  students = [await established(), await established(), await established(), await established()];
  outsider = await established();
  moderator = await member("moderator");
  admin = await member("admin");
  group = await makeGroup(owner, students);
});

describe("reports on group notes", () => {
  it("a member reports once (201); an outsider gets 404, the author is refused, a second report is 409; bad input is 400", async () => {
    const note = await annotateGroup(students[0], slug, group.id, "A sharp remark.");
    const ok = await flag(students[1], note.id);
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ reported: true, reports: 1, hidden: false, counted: true });
    expect((await flag(students[1], note.id, { reason: "spam" })).status).toBe(409);
    expect((await flag(outsider, note.id)).status).toBe(404);
    expect((await flag(students[0], note.id)).status).toBe(422);
    expect((await flag(students[2], note.id, { reason: "because" })).status).toBe(400);
    // The owner may report too (they see it), as any member.
    expect((await flag(owner, note.id, { reason: "spam" })).status).toBe(201);
    expect(await db.report.count({ where: { annotationId: note.id } })).toBe(2);
  });

  it("never hides a group note at the threshold; the owner sees it with reasons and count, and Keep dismisses the reports", async () => {
    await withSettings({ reportThreshold: 2 }, async () => {
      const note = await annotateGroup(students[0], slug, group.id, "Contested in class.");
      for (const s of students.slice(1)) {
        const r = await flag(s, note.id, { reason: "off_topic" });
        expect(r.status).toBe(201);
        expect(r.json.hidden).toBe(false);
      }
      expect(await statusOf(note.id)).toBe("approved");
      const seen = await listReportedGroupNotes(owner, group.id);
      const item = seen.find((n) => n.id === note.id);
      expect(item).toMatchObject({ reports: 3, body: expect.stringContaining("Contested in class.") });
      expect(item?.reasons.map((r) => r.reason)).toEqual(["off_topic", "off_topic", "off_topic"]);
      // Members, outsiders and moderators of a custom group cannot read or act on the reports.
      await expectAppError(listReportedGroupNotes(students[1], group.id), "forbidden");
      await expectAppError(listReportedGroupNotes(outsider, group.id), "not_found");
      await expectAppError(keepGroupNote(students[1], group.id, note.id), "forbidden");
      await expectAppError(keepGroupNote(moderator, group.id, note.id), "not_found");
      expect(await keepGroupNote(owner, group.id, note.id)).toEqual({ kept: true, dismissed: 3 });
      expect(await statusOf(note.id)).toBe("approved");
      expect((await listReportedGroupNotes(owner, group.id)).map((n) => n.id)).not.toContain(note.id);
      expect(await db.report.count({ where: { annotationId: note.id } })).toBe(3); // kept, dismissed
      expect(
        await db.auditEntry.count({ where: { targetId: note.id, action: "group.keep_note", actorId: owner.id } }),
      ).toBe(1);
      await expectAppError(keepGroupNote(owner, group.id, "nope"), "not_found");
    });
  });

  it("the owner removes a reported note from the group: trash, text and history kept", async () => {
    const note = await annotateGroup(students[0], slug, group.id, "To be removed.");
    expect((await flag(students[1], note.id)).status).toBe(201);
    expect((await listReportedGroupNotes(owner, group.id)).map((n) => n.id)).toContain(note.id);
    await removeGroupNote(owner, group.id, note.id);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({
      status: "trash",
      body: expect.stringContaining("To be removed."),
    });
    expect((await listReportedGroupNotes(owner, group.id)).map((n) => n.id)).not.toContain(note.id);
  });

  it("admins see a reported group note in the queue, labelled with its group, and act on it; a moderator does not", async () => {
    const note = await annotateGroup(students[0], slug, group.id, "For the admins.");
    const quiet = await annotateGroup(students[0], slug, group.id, "Nobody reported this.");
    expect((await flag(students[2], note.id)).status).toBe(201);
    const forAdmin = await queue(admin);
    expect(forAdmin.status).toBe(200);
    const items = forAdmin.json.items as { id: string; group?: { id: string; name: string } }[];
    expect(items.find((i) => i.id === note.id)?.group).toEqual({ id: group.id, name: "Seminar on treaties" });
    expect(items.map((i) => i.id)).not.toContain(quiet.id);
    expect((await queue(admin, "approved")).text).not.toContain(quiet.id);
    const forMod = await queue(moderator);
    expect(forMod.status).toBe(200);
    expect(forMod.text).not.toContain(note.id);
    expect((await queue(moderator, "approved")).text).not.toContain(note.id);
    // A moderator cannot act on it through the queue's actions either (404, nothing changes).
    const act = (viewer: Viewer, action: string) =>
      bearerFor(viewer).then((authorization) =>
        call(moderate, {
          path: "/api/moderation/actions",
          body: JSON.stringify({ type: "annotation", ids: [note.id], action }),
          authorization,
        }),
      );
    expect((await act(moderator, "dismiss_reports")).status).toBe(404);
    expect(await db.report.count({ where: { annotationId: note.id, dismissedAt: null } })).toBe(1);
    expect((await act(admin, "dismiss_reports")).status).toBe(200);
    expect(await db.report.count({ where: { annotationId: note.id, dismissedAt: null } })).toBe(0);
    // Dismissed, it leaves the admins' queue too.
    expect((await queue(admin)).text).not.toContain(note.id);
  });

  it("board notes: a board member reports, moderators see it in the queue and keep it on the board's page", async () => {
    const editor = await member("editor");
    const note = await annotateGroup(editor, slug, "board", "Board-only remark.");
    expect((await flag(students[0], note.id)).status).toBe(404);
    expect((await flag(moderator, note.id)).status).toBe(201);
    expect(((await queue(moderator)).json.items as { id: string }[]).map((i) => i.id)).toContain(note.id);
    expect((await listReportedGroupNotes(moderator, "board")).map((n) => n.id)).toContain(note.id);
    expect((await keepGroupNote(moderator, "board", note.id)).dismissed).toBe(1);
  });

  it("the Reported count and the Moderation badge count what each role's queue lists: board notes for moderators, any group's for admins", async () => {
    const counts = async () => ({
      moderator: { reported: await reportedCount("moderator"), badge: (await moderationBadge("moderator")).total },
      admin: { reported: await reportedCount("admin"), badge: (await moderationBadge("admin")).total },
    });
    const before = await counts();
    const boardNote = await annotateGroup(await member("editor"), slug, "board", "Counted for the board.");
    expect((await flag(moderator, boardNote.id)).status).toBe(201);
    const groupNote = await annotateGroup(students[0], slug, group.id, "Counted for the admins only.");
    expect((await flag(students[1], groupNote.id)).status).toBe(201);
    const after = await counts();
    expect(after.moderator.reported - before.moderator.reported).toBe(1);
    expect(after.moderator.badge - before.moderator.badge).toBe(1);
    expect(after.admin.reported - before.admin.reported).toBe(2);
    expect(after.admin.badge - before.admin.badge).toBe(2);
    await keepGroupNote(moderator, "board", boardNote.id);
    await keepGroupNote(owner, group.id, groupNote.id);
    expect(await counts()).toEqual(before);
  });

  it("a private note stays unreportable (404), even by someone who knows its id", async () => {
    clock.advance(defaultSettings.floodIntervalMs + 1_000);
    const { annotation } = await createAnnotation(students[0], slug, {
      motivation: "commenting",
      bodyValue: "Only for me.",
      audience: "private",
      target: {
        source: `http://localhost/articles/${slug}`,
        selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
      },
    });
    expect((await flag(students[1], annotation.id)).status).toBe(404);
    expect(await db.report.count({ where: { annotationId: annotation.id } })).toBe(0);
  });

  it("an unconfirmed member's report is stored but not counted", async () => {
    await db.user.update({ where: { id: students[3].id }, data: { emailConfirmed: false } });
    const note = await annotateGroup(students[0], slug, group.id, "Reported by a newcomer.");
    const r = await flag(students[3], note.id, { reason: "spam" });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ reported: true, hidden: false, counted: false });
    expect(await db.report.count({ where: { annotationId: note.id } })).toBe(1);
    await db.user.update({ where: { id: students[3].id }, data: { emailConfirmed: true } });
  });
});
