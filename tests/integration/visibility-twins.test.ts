import { beforeAll, describe, expect, it } from "vitest";
import { groupNotesVisibleText, visibleAnnotations } from "@/lib/annotations/visibility";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { leaveGroup } from "@/lib/groups/leave-group";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { annotateGroup, makeGroup } from "../seed/groups";
import { member } from "../seed/users";

// The note visibility rule is written twice, on purpose: as a Prisma `where` (visibleAnnotations:
// the container, search, lists) and, for its group half, as SQL text (groupNotesVisibleText) inside
// the personal layer's single prepared statement, which must stay one round trip (README, Speed).
// This proves the twins agree, note by note, for every kind of viewer on one seeded article:
// the group notes the Prisma rule shows a viewer are exactly those the SQL shows, plus the viewer's
// own approved or pending group notes (which the personal layer reads apart, by author).

type Status = "approved" | "pending" | "deleted" | "trash" | "spam";
const statuses: Status[] = ["approved", "pending", "deleted", "trash", "spam"];

let articleId: string;
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  const article = await insertArticle({ label: "visibility-twins" });
  articleId = article.id;
  const { slug } = article;
  const owner = await member("commenter", { name: "Owner" });
  const reader = await member("commenter", { name: "Member" });
  const leaver = await member("commenter", { name: "Left the group" });
  const outsider = await member("contributor", { name: "Outsider" });
  const otherOwner = await member("commenter", { name: "Other group's owner" });
  const moderator = await member("moderator", { name: "Moderator" });
  const editor = await member("editor", { name: "Editor" });
  const admin = await member("admin", { name: "Admin" });
  Object.assign(viewers, { owner, reader, leaver, outsider, otherOwner, moderator, editor, admin });

  const group = await makeGroup(owner, [reader, leaver], "Twins seminar");
  const other = await makeGroup(otherOwner, [], "Another seminar");
  // Every status of a group note, by a member, by the one who later leaves, and on the board.
  const write = async (author: Viewer, groupId: string, status: Status) => {
    const note = await annotateGroup(author, slug, groupId, `A ${status} note`);
    if (status !== "approved") await db.annotation.update({ where: { id: note.id }, data: { status } });
  };
  for (const status of statuses) {
    await write(reader, group.id, status);
    await write(leaver, group.id, status);
    await write(moderator, "board", status);
  }
  await write(owner, group.id, "approved");
  await write(otherOwner, other.id, "approved");
  await leaveGroup(leaver, group.id);
  // Notes of the other audiences, which the group half must never show.
  await annotate(reader, slug, "A public note");
  await annotate(reader, slug, "A private note", "private");
});

async function byPrisma(viewer: Viewer) {
  const rows = await db.annotation.findMany({
    where: { articleId, audience: "group", AND: [visibleAnnotations(viewer)] },
    select: { id: true },
  });
  return rows.map((r) => r.id).sort();
}

async function bySql(viewer: Viewer) {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT note.id FROM "Annotation" note WHERE note."articleId" = $1 AND ${groupNotesVisibleText("note", "$2", "$3::text")}`,
    articleId,
    viewer.id,
    viewer.role,
  );
  return rows.map((r) => r.id);
}

async function ownGroupNotes(viewer: Viewer) {
  const rows = await db.annotation.findMany({
    where: { articleId, audience: "group", authorId: viewer.id, status: { in: ["approved", "pending"] } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

describe("visibleAnnotations and its SQL twin (groupNotesVisibleText) show the same group notes", () => {
  const names = ["owner", "reader", "leaver", "outsider", "otherOwner", "moderator", "editor", "admin"];
  for (const name of names)
    it(`for the ${name}`, async () => {
      const viewer = viewers[name];
      const prisma = await byPrisma(viewer);
      const sql = await bySql(viewer);
      const own = await ownGroupNotes(viewer);
      expect(prisma).toEqual([...new Set([...sql, ...own])].sort());
    });

  it("the table is not empty where it matters: members and the board see notes, outsiders none", async () => {
    const count = async (name: string) => (await bySql(viewers[name])).length;
    // The group's approved and deleted notes (member's, leaver's) and the owner's: 5.
    expect(await count("reader")).toBe(5);
    expect(await count("owner")).toBe(5);
    // The board's approved and deleted notes, for every board role; the leaver sees no group note by SQL.
    for (const name of ["moderator", "editor", "admin"]) expect(await count(name)).toBe(2);
    expect(await count("leaver")).toBe(0);
    expect(await count("outsider")).toBe(0);
    expect(await count("otherOwner")).toBe(1);
    // …but the leaver still sees what they wrote there (the Prisma rule's author clause).
    expect(await byPrisma(viewers.leaver)).toHaveLength(2);
  });
});
