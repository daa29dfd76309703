import { beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as putNote } from "@/app/api/annotations/[slug]/[id]/route";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as leave } from "@/app/api/groups/[id]/leave/route";
import { DELETE as removeMember } from "@/app/api/groups/[id]/members/[userId]/route";
import { DELETE as removeNote } from "@/app/api/groups/[id]/notes/[noteId]/route";
import { GET as getGroup } from "@/app/api/groups/[id]/route";
import { POST as join } from "@/app/api/groups/join/route";
import { POST as createGroup, GET as listGroups } from "@/app/api/groups/route";
import { POST as moderate } from "@/app/api/moderation/actions/route";
import { GET as listQueue } from "@/app/api/moderation/queue/route";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/users/api-tokens";
import { insertArticle } from "../seed/articles";
import { annotateGroup, makeGroup } from "../seed/groups";
import { ban, member } from "../seed/users";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// The groups API (issue 19): what each kind of caller may do, and the refusals for what they may not.

const noteBody = (group: string | undefined, text = "A note for the seminar.") =>
  JSON.stringify({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: { type: "TextualBody", value: `${text} ${Math.random()}` },
    audience: "group",
    ...(group === undefined ? {} : { group }),
    target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
  });

let slug: string;
let owner: Viewer;
let student: Viewer;
let outsider: Viewer;
let auth: Record<string, string>;
let group: { id: string; token: string };

beforeAll(async () => {
  ({ slug } = await insertArticle({ label: "groups-api" }));
  [owner, student, outsider] = await Promise.all([
    member("commenter", { name: "Owner" }),
    member("commenter", { name: "Student" }),
    member("commenter", { name: "Outsider" }),
  ]);
  group = await makeGroup(owner, [student]);
  auth = {
    owner: await bearerFor(owner),
    student: await bearerFor(student),
    outsider: await bearerFor(outsider),
  };
});

describe("groups API", () => {
  it("creates a group: the creator owns it and gets the invite link; lists and shows it to members", async () => {
    const made = await call(createGroup, {
      path: "/api/groups",
      body: JSON.stringify({ name: "  International law reading group ", description: "Week 3" }),
      authorization: auth.owner,
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({
      name: "International law reading group",
      description: "Week 3",
      kind: "custom",
      membership: "owner",
      memberCount: 1,
      owner: { id: owner.id, name: "Owner" },
    });
    expect(made.json.inviteUrl).toMatch(/\/groups\/join\/[A-Za-z0-9_-]{16,}$/);
    expect(made.headers.get("location")).toBe(`/api/groups/${made.json.id}`);

    const mine = await call(listGroups, { method: "GET", path: "/api/groups", authorization: auth.student });
    expect(mine.status).toBe(200);
    expect((mine.json.groups as { id: string; membership: string; inviteUrl?: string }[]).map((g) => g.id)).toEqual([
      group.id,
    ]);
    expect(JSON.stringify(mine.json)).not.toContain(group.token);

    const shown = await call(getGroup, {
      method: "GET",
      path: `/api/groups/${group.id}`,
      params: { id: group.id },
      authorization: auth.student,
    });
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({ membership: "member", memberCount: 2 });
    expect((shown.json.members as { id: string; role: string }[]).map((m) => [m.id, m.role])).toEqual([
      [owner.id, "owner"],
      [student.id, "member"],
    ]);
    expect(shown.json.inviteUrl).toBeUndefined();
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const before = await db.group.count();
    for (const body of [
      JSON.stringify({ name: "" }),
      JSON.stringify({ name: "x".repeat(81) }),
      JSON.stringify({ name: "Fine", description: "y".repeat(501) }),
      JSON.stringify({ name: 12 }),
      "not json",
    ]) {
      const r = await call(createGroup, { path: "/api/groups", body, authorization: auth.owner });
      expect(r.status, body.slice(0, 30)).toBe(400);
      expect(r.json.error?.message).toBeTruthy();
    }
    const badToken = await call(join, {
      path: "/api/groups/join",
      body: JSON.stringify({ token: "<script>" }),
      authorization: auth.outsider,
    });
    expect(badToken.status).toBe(400);
    const unknown = await call(join, {
      path: "/api/groups/join",
      body: JSON.stringify({ token: "a".repeat(32) }),
      authorization: auth.outsider,
    });
    expect(unknown.status).toBe(404);
    expect(await db.group.count()).toBe(before);
  });

  it("refuses anonymous callers and tokens without the annotations scope", async () => {
    expect((await call(createGroup, { path: "/api/groups", body: JSON.stringify({ name: "X" }) })).status).toBe(401);
    expect((await call(listGroups, { method: "GET", path: "/api/groups" })).status).toBe(401);
    expect((await call(join, { path: "/api/groups/join", body: JSON.stringify({ token: group.token }) })).status).toBe(
      401,
    );
    const readOnly = `Bearer ${(await createApiToken(outsider, { name: "read only", scopes: ["read"] })).secret}`;
    const r = await call(createGroup, {
      path: "/api/groups",
      body: JSON.stringify({ name: "X" }),
      authorization: readOnly,
    });
    expect(r.status).toBe(403);
  });

  it("members write group notes; a non-member, a banned member and a note without its group are refused", async () => {
    const ok = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody(group.id),
      authorization: auth.student,
    });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ audience: "group", group: group.id, status: "approved" });

    const before = await db.annotation.count({ where: { groupId: group.id } });
    const refused = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody(group.id),
      authorization: auth.outsider,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.fields).toHaveProperty("group");
    const unknownGroup = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody("nosuchgroup00"),
      authorization: auth.outsider,
    });
    expect(unknownGroup.status).toBe(403);
    const noGroup = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody(undefined),
      authorization: auth.student,
    });
    expect(noGroup.status).toBe(400);
    const board = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody("board"),
      authorization: auth.student,
    });
    expect(board.status).toBe(403);
    // A reply into the group's thread by a non-member: the note does not exist for them.
    const reply = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: JSON.stringify({ motivation: "replying", bodyValue: "Let me in.", target: ok.json.id }),
      authorization: auth.outsider,
    });
    expect(reply.status).toBe(404);
    const bannedMember = await member("commenter");
    await makeGroupMember(bannedMember);
    await ban(bannedMember.id);
    const banned = await call(postNote, {
      path: `/api/annotations/${slug}/`,
      params: { slug },
      body: noteBody(group.id),
      authorization: await bearerFor(bannedMember),
    });
    expect(banned.status).toBe(403);
    expect(await db.annotation.count({ where: { groupId: group.id } })).toBe(before);

    // A group note stays in its group.
    const moved = await call(putNote, {
      method: "PUT",
      path: `/api/annotations/${slug}/${ok.json.id}`,
      params: { slug, id: String(ok.json.id).split("/").pop()! },
      body: JSON.stringify({ ...JSON.parse(noteBody(group.id)), audience: "public" }),
      authorization: auth.student,
    });
    expect(moved.status).toBe(422);
  });

  it("the owner removes members and notes; members and outsiders are refused; the owner cannot leave", async () => {
    const classmate = await member("commenter", { name: "Classmate" });
    await makeGroupMember(classmate);
    const note = await annotateGroup(classmate, slug, group.id, "Off-topic remark.");
    const params = { id: group.id, userId: classmate.id };
    const byMember = await call(removeMember, {
      method: "DELETE",
      path: "/api/groups/x",
      params,
      authorization: auth.student,
    });
    expect(byMember.status).toBe(403);
    const byOutsider = await call(removeMember, {
      method: "DELETE",
      path: "/api/groups/x",
      params,
      authorization: auth.outsider,
    });
    expect(byOutsider.status).toBe(404);
    const noteParams = { id: group.id, noteId: note.id };
    expect(
      (
        await call(removeNote, {
          method: "DELETE",
          path: "/api/groups/x",
          params: noteParams,
          authorization: auth.student,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(removeNote, {
          method: "DELETE",
          path: "/api/groups/x",
          params: noteParams,
          authorization: auth.outsider,
        })
      ).status,
    ).toBe(404);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: note.id }, select: { status: true } })).toEqual({
      status: "approved",
    });

    // The owner's moderation: the note to the trash, text and audit kept; the member out, for good.
    expect(
      (
        await call(removeNote, {
          method: "DELETE",
          path: "/api/groups/x",
          params: noteParams,
          authorization: auth.owner,
        })
      ).status,
    ).toBe(204);
    const stored = await db.annotation.findUniqueOrThrow({
      where: { id: note.id },
      select: { status: true, body: true },
    });
    expect(stored).toEqual({ status: "trash", body: "Off-topic remark." });
    expect((await listAnnotations(student, slug)).annotations.map((n) => n.id)).not.toContain(note.id);
    expect(
      await db.auditEntry.count({ where: { action: "group.remove_note", targetId: note.id, actorId: owner.id } }),
    ).toBe(1);

    expect(
      (await call(removeMember, { method: "DELETE", path: "/api/groups/x", params, authorization: auth.owner })).status,
    ).toBe(204);
    const classmateAuth = await bearerFor(classmate);
    const shown = await call(getGroup, {
      method: "GET",
      path: "/api/groups/x",
      params: { id: group.id },
      authorization: classmateAuth,
    });
    expect(shown.status).toBe(404);
    const back = await call(join, {
      path: "/api/groups/join",
      body: JSON.stringify({ token: group.token }),
      authorization: classmateAuth,
    });
    expect(back.status).toBe(403);

    const ownerLeaves = await call(leave, {
      path: "/api/groups/x",
      params: { id: group.id },
      authorization: auth.owner,
    });
    expect(ownerLeaves.status).toBe(422);
    const removeSelf = await call(removeMember, {
      method: "DELETE",
      path: "/api/groups/x",
      params: { id: group.id, userId: owner.id },
      authorization: auth.owner,
    });
    expect(removeSelf.status).toBe(422);
    const outsiderLeaves = await call(leave, {
      path: "/api/groups/x",
      params: { id: group.id },
      authorization: auth.outsider,
    });
    expect(outsiderLeaves.status).toBe(404);
  });

  it("a member leaves and joins again with the link; their notes stay in the group", async () => {
    const reader = await member("commenter");
    await makeGroupMember(reader);
    const note = await annotateGroup(reader, slug, group.id, "Stays after I go.");
    const readerAuth = await bearerFor(reader);
    expect(
      (await call(leave, { path: "/api/groups/x", params: { id: group.id }, authorization: readerAuth })).status,
    ).toBe(200);
    expect((await listAnnotations(owner, slug)).annotations.map((n) => n.id)).toContain(note.id);
    const again = await call(join, {
      path: "/api/groups/join",
      body: JSON.stringify({ token: group.token }),
      authorization: readerAuth,
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: group.id, membership: "member" });
  });

  it("the editorial board is a built-in group by role: moderators write and remove its notes; admins remove any group's notes", async () => {
    const moderator = await member("moderator");
    const admin = await member("admin");
    const modAuth = await bearerFor(moderator);
    const listed = await call(listGroups, { method: "GET", path: "/api/groups", authorization: modAuth });
    expect((listed.json.groups as { id: string; kind: string; membership: string }[])[0]).toMatchObject({
      id: "board",
      kind: "board",
      membership: "board",
    });
    const boardNote = await annotateGroup(moderator, slug, "board", "For the board only.");
    const boardParams = { id: "board", noteId: boardNote.id };
    expect(
      (
        await call(removeNote, {
          method: "DELETE",
          path: "/api/groups/x",
          params: boardParams,
          authorization: auth.owner,
        })
      ).status,
    ).toBe(404);
    expect((await call(leave, { path: "/api/groups/x", params: { id: "board" }, authorization: modAuth })).status).toBe(
      422,
    );
    expect(
      (await call(removeNote, { method: "DELETE", path: "/api/groups/x", params: boardParams, authorization: modAuth }))
        .status,
    ).toBe(204);

    // The public moderation queue is not the way in: a group's notes are its owner's to moderate.
    const groupNote = await annotateGroup(student, slug, group.id, "Not for the public queue.");
    const viaQueue = await call(moderate, {
      path: "/api/moderation/actions",
      body: JSON.stringify({ type: "annotation", ids: [groupNote.id], action: "trash" }),
      authorization: modAuth,
    });
    expect(viaQueue.status).toBe(404);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: groupNote.id }, select: { status: true } })).toEqual({
      status: "approved",
    });
    const queue = await call(listQueue, {
      method: "GET",
      path: "/api/moderation/queue?status=approved&type=annotation",
      authorization: modAuth,
    });
    expect(queue.status).toBe(200);
    expect(queue.text).not.toContain(groupNote.id);

    // Admins act on reports: they may remove a group's note though they cannot read the group.
    const note = await annotateGroup(student, slug, group.id, "Reported to the admins.");
    const adminAuth = await bearerFor(admin);
    expect(
      (
        await call(getGroup, {
          method: "GET",
          path: "/api/groups/x",
          params: { id: group.id },
          authorization: adminAuth,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(removeNote, {
          method: "DELETE",
          path: "/api/groups/x",
          params: { id: group.id, noteId: note.id },
          authorization: adminAuth,
        })
      ).status,
    ).toBe(204);
  });
});

async function makeGroupMember(viewer: Viewer) {
  const { joinGroup } = await import("@/lib/groups/join-group");
  await joinGroup(viewer, { token: group.token });
}
