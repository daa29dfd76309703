import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readRequestIdentity, readSessionViewer } from "@/lib/auth/read-session-viewer";
import { clock } from "@/lib/clock";
import { setCommentLike } from "@/lib/comments/like-comment";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { moderationBadge } from "@/lib/moderation/list-queue";
import { setFollowing } from "@/lib/notifications/follow-article";
import { getArticlePersonal, getArticlePersonalOfSession } from "@/lib/personal/get-article-personal";
import { createApiToken, viewerFromApiToken } from "@/lib/users/api-tokens";
import { deleteAccount } from "@/lib/users/manage-account";
import { closeSession, openSession } from "@/lib/users/sessions";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { ban, defaultPassword, member } from "../seed/users";
import { expectAppError } from "./helpers";

// The personal layer of the shared article page (GET /api/me/articles/{slug}): what each viewer
// gets, and that it never carries anyone else's data.

const linksFor: Record<Role, string[]> = {
  commenter: [],
  contributor: ["Studio"],
  moderator: ["Studio", "Moderation"],
  editor: ["Studio", "Moderation"],
  admin: ["Studio", "Import", "Moderation"],
};

describe("the article page's personal layer", () => {
  it("gives an anonymous viewer nothing personal", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter");
    await post(author, slug, "A public comment.");
    const data = await getArticlePersonal(null, slug);
    expect(data).toMatchObject({
      slug,
      viewer: null,
      ban: null,
      canComment: false,
      canAnnotate: false,
      liked: [],
      own: [],
      held: [],
      notes: [],
    });
  });

  for (const role of ["commenter", "moderator", "editor", "admin"] satisfies Role[]) {
    it(`tells ${/^[aeiou]/.test(role) ? "an" : "a"} ${role} who they are, their links and (for the board) what waits in moderation`, async () => {
      const { slug } = await insertArticle();
      const viewer = await member(role, { name: `The ${role}` });
      const data = await getArticlePersonal(viewer, slug);
      expect(data.viewer).toMatchObject({ id: viewer.id, name: `The ${role}`, role });
      expect(data.viewer!.links.map((l) => l.label)).toEqual(linksFor[role]);
      if (role === "commenter") expect(data.viewer!.pending).toBeNull();
      else expect(data.viewer!.pending).toBe((await moderationBadge(role)).total); // held items and reported ones their queue lists
      expect(data).toMatchObject({ ban: null, canComment: true, canAnnotate: true });
      expect(JSON.stringify(data)).not.toContain(viewer.email);
    });
  }

  it("lists the viewer's likes, own comments with the edit window, held comments with the reason, and private notes — only theirs", async () => {
    const { slug } = await insertArticle();
    const me = await member("commenter", { name: "Me Myself" });
    const other = await member("commenter", { name: "Someone Else" });
    const newcomer = await member("commenter", { trusted: false, name: "New Person" });
    const theirs = await post(other, slug, "Their comment.");
    await setCommentLike(me, theirs.id, true);
    const old = await post(me, slug, "My old comment.");
    clock.advance(16 * 60_000); // past the 15-minute edit window
    const fresh = await post(me, slug, "My fresh comment.");
    const myPrivate = await annotate(me, slug, "My private thought.", "private");
    const theirPrivate = await annotate(other, slug, "Their private thought.", "private");
    const othersHeld = await post(newcomer, slug, "A newcomer's first words.");
    expect(othersHeld.status).toBe("pending");

    const data = await getArticlePersonal(me, slug);
    expect(data.liked).toEqual([theirs.id]);
    const own = Object.fromEntries(data.own.map((o) => [o.id, o]));
    expect(Object.keys(own).sort()).toEqual([old.id, fresh.id].sort());
    expect(own[old.id]).toMatchObject({ editableUntil: null, body: null });
    expect(own[fresh.id].body).toBe("My fresh comment.");
    expect(Date.parse(own[fresh.id].editableUntil!)).toBe(fresh.createdAt.getTime() + data.editWindowMs);
    expect(data.held).toEqual([]);
    expect(data.notes.map((n) => (n as { id: string }).id)).toEqual([expect.stringContaining(myPrivate.id)]);
    const bytes = JSON.stringify(data);
    for (const foreign of [
      "Their private thought.",
      "A newcomer's first words.",
      othersHeld.id,
      theirPrivate.id,
      other.email,
      newcomer.email,
      me.email,
    ])
      expect(bytes).not.toContain(foreign);

    // The newcomer sees their own held comment, and why it is held.
    const theirView = await getArticlePersonal(newcomer, slug);
    expect(theirView.held).toEqual([
      expect.objectContaining({ id: othersHeld.id, status: "pending", reasons: ["first_comment"] }),
    ]);
    expect(theirView.held[0].explanation.join(" ")).toMatch(/first contribution/i);
    expect(theirView.own.map((o) => o.id)).toEqual([othersHeld.id]);
    expect(JSON.stringify(theirView)).not.toContain("My private thought.");
  });

  it("gives a banned viewer the ban notice and no right to comment or annotate", async () => {
    const { slug } = await insertArticle();
    const viewer = await member("commenter");
    await ban(viewer.id, null);
    const data = await getArticlePersonal({ ...viewer, status: "banned" }, slug);
    expect(data.viewer).toMatchObject({ id: viewer.id });
    expect(data.ban?.notice).toMatch(/banned from commenting permanently/);
    expect(data).toMatchObject({ canComment: false, canAnnotate: false });
  });

  it("treats a deleted account's token as no viewer at all", async () => {
    const { slug } = await insertArticle();
    const viewer = await member("commenter");
    const token = await createApiToken(viewer, { name: "script" });
    await deleteAccount(viewer, defaultPassword);
    expect(await db.user.findUnique({ where: { id: viewer.id }, select: { deletedAt: true } })).toMatchObject({
      deletedAt: expect.any(Date),
    });
    const data = await getArticlePersonal(await viewerFromApiToken(token.secret), slug);
    expect(data.viewer).toBeNull();
    expect(data.own).toEqual([]);
  });

  it("answers an unknown, a badly named or a not yet published article with not_found", async () => {
    await expectAppError(getArticlePersonal(null, "no-such-article"), "not_found");
    await expectAppError(getArticlePersonal(null, "Bad Slug!"), "not_found");
    const { slug } = await insertArticle({ publishedAt: new Date(clock.now().getTime() + 86_400_000) });
    await expectAppError(getArticlePersonal(await member("commenter"), slug), "not_found");
  });
});

describe("reading the viewer of a personal request", () => {
  const cookieName = "authjs.session-token";
  const cookieFor = async (sid: string, secret = env().AUTH_SECRET) =>
    new Headers({
      cookie: `theme=dark; ${cookieName}=${await encode({ token: { sid, sub: "ignored" }, secret, salt: cookieName })}`,
    });

  it("reads a live session, and nothing from an ended one, a forged one or a deleted account", async () => {
    const viewer = await member("commenter", { name: "Session Reader" });
    const sid = await openSession(viewer.id);
    expect(await readSessionViewer(await cookieFor(sid))).toMatchObject({
      id: viewer.id,
      name: "Session Reader",
      role: "commenter",
    });
    expect(await readSessionViewer(new Headers())).toBeNull();
    expect(await readSessionViewer(new Headers({ cookie: `${cookieName}=not-a-token` }))).toBeNull();
    expect(await readSessionViewer(await cookieFor(sid, "another-secret-another-secret-another-secret"))).toBeNull();
    await closeSession(sid);
    expect(await readSessionViewer(await cookieFor(sid))).toBeNull();

    const leaving = await member("commenter");
    const leavingSid = await openSession(leaving.id);
    await deleteAccount(leaving, defaultPassword);
    expect(await readSessionViewer(await cookieFor(leavingSid))).toBeNull();
  });

  it("keeps a cookie's decoded token, never the session behind it: the same cookie reads nothing once the session ends, nor once the token expired", async () => {
    const viewer = await member("commenter", { name: "Same Cookie" });
    const sid = await openSession(viewer.id);
    const headers = await cookieFor(sid);
    for (let i = 0; i < 3; i++) expect(await readRequestIdentity(headers)).toEqual({ sessionToken: sid });
    expect(await readSessionViewer(headers)).toMatchObject({ id: viewer.id, name: "Same Cookie" });
    await closeSession(sid);
    expect(await readSessionViewer(headers)).toBeNull(); // the same cookie: its session row is read again
    // Another cookie for another session: not confused with the first one.
    const other = await member("commenter", { name: "Other Cookie" });
    const otherHeaders = await cookieFor(await openSession(other.id));
    expect(await readSessionViewer(otherHeaders)).toMatchObject({ id: other.id });
    // A token past its expiry (beyond Auth.js's 15 s of tolerance) is refused, first time and after.
    const stale = new Headers({
      cookie: `${cookieName}=${await encode({ token: { sid: await openSession(viewer.id) }, secret: env().AUTH_SECRET, salt: cookieName, maxAge: -60 })}`,
    });
    expect(await readRequestIdentity(stale)).toBeNull();
    expect(await readRequestIdentity(stale)).toBeNull();
  });

  it("answers for a session token in one query: the same layer as for its viewer; an ended or expired session, or a deleted account, reads as anonymous", async () => {
    const { slug } = await insertArticle();
    const viewer = await member("moderator", { name: "Session Moderator" });
    const mine = await post(viewer, slug, "A comment of the session's owner.");
    const sid = await openSession(viewer.id);
    const bySession = await getArticlePersonalOfSession(sid, slug);
    expect(bySession).toEqual(await getArticlePersonal(viewer, slug));
    expect(bySession.viewer).toMatchObject({ id: viewer.id, name: "Session Moderator", role: "moderator" });
    expect(bySession.viewer!.links.map((l) => l.label)).toEqual(linksFor.moderator);
    expect(bySession.own.map((c) => c.id)).toEqual([mine.id]);
    expect(JSON.stringify(bySession)).not.toContain(viewer.email);

    // The header's unread count and the Follow state come with the same query (issue 15).
    // (Commenting follows the discussion.)
    expect(bySession).toMatchObject({ following: true, viewer: { unread: 0 } });
    await setFollowing(viewer, slug, false);
    await db.notification.createMany({
      data: [1, 2].map((i) => ({ userId: viewer.id, type: "reply" as const, url: `/articles/${slug}#n${i}` })),
    });
    const changed = await getArticlePersonalOfSession(sid, slug);
    expect(changed).toMatchObject({ following: false, viewer: { unread: 2 } });
    expect(changed).toEqual(await getArticlePersonal(viewer, slug));

    const anonymous = await getArticlePersonal(null, slug);
    expect(await getArticlePersonalOfSession("no-such-session", slug)).toEqual(anonymous);
    clock.advance(31 * 24 * 60 * 60_000); // past the session's 30 days
    expect(await getArticlePersonalOfSession(sid, slug)).toEqual(await getArticlePersonal(null, slug));
    const fresh = await openSession(viewer.id);
    expect((await getArticlePersonalOfSession(fresh, slug)).viewer?.id).toBe(viewer.id);
    await closeSession(fresh);
    expect((await getArticlePersonalOfSession(fresh, slug)).viewer).toBeNull();

    const leaving = await member("commenter");
    const leavingSid = await openSession(leaving.id);
    await deleteAccount(leaving, defaultPassword);
    expect((await getArticlePersonalOfSession(leavingSid, slug)).viewer).toBeNull();
    await expectAppError(getArticlePersonalOfSession(sid, "no-such-article"), "not_found");
  });

  it("a banned reader's session gets the ban notice, as their viewer does", async () => {
    const { slug } = await insertArticle();
    const viewer = await member("commenter");
    await ban(viewer.id);
    const sid = await openSession(viewer.id);
    const data = await getArticlePersonalOfSession(sid, slug);
    expect(data.ban?.notice).toMatch(/banned/);
    expect(data).toMatchObject({ canComment: false, canAnnotate: false });
  });

  it("reads a personal access token from Authorization", async () => {
    const viewer = await member("editor");
    const token = await createApiToken(viewer, { name: "script" });
    expect(await readSessionViewer(new Headers({ authorization: `Bearer ${token.secret}` }))).toMatchObject({
      id: viewer.id,
      role: "editor",
    });
  });
});
