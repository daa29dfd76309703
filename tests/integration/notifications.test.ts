import { afterEach, describe, expect, it, vi } from "vitest";
import * as subscriptionRoute from "@/app/api/articles/[slug]/subscription/route";
import * as readRoute from "@/app/api/me/notifications/read/route";
import * as notificationsRoute from "@/app/api/me/notifications/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { listOutbox } from "@/lib/mail/send-mail";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { announceVisible } from "@/lib/notifications/announce-visible";
import { getFollowing, setFollowing } from "@/lib/notifications/follow-article";
import { listNotifications, markNotificationsRead, openNotification } from "@/lib/notifications/list-notifications";
import { setMailPreferences } from "@/lib/notifications/reply-mail-preference";
import { getArticlePersonal } from "@/lib/personal/get-article-personal";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 15: notifications in the app (reply, comment, approved), following a discussion (by hand
// and automatically), and the followers' hourly mail digest.

afterEach(() => clock.reset());

const mine = async (viewer: Parameters<typeof listNotifications>[0]) =>
  (await listNotifications(viewer, { limit: 100 })).items;
const mailsTo = async (email: string) => (await listOutbox(1000)).filter((m) => m.to === email);

describe("notifications", () => {
  it("a reply to your comment, and to your note, is a `reply` notification with its link, excerpt and who", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter", { name: "Ada" });
    const replier = await member("commenter", { name: "Rui" });
    const parent = await post(author, slug, "A first thought.");
    const reply = await post(replier, slug, "An **answer** to Ada.", parent.id);
    const note = await annotate(author, slug, "A margin note.");
    clock.advance(20_000);
    const noteReply = await createAnnotation(replier, slug, {
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value: "Answering the note." },
      target: `http://localhost/api/annotations/${slug}/${note.id}`,
    });

    const items = await mine(author);
    const replies = items.filter((i) => i.type === "reply");
    expect(replies).toHaveLength(2);
    const toComment = replies.find((i) => i.url.endsWith(`/articles/${slug}/comments/${reply.id}`))!;
    expect(toComment).toMatchObject({
      read: false,
      actor: { id: replier.id, name: "Rui" },
      excerpt: "An answer to Ada.",
      article: { slug },
    });
    expect(replies.some((i) => i.url.endsWith(`/annotations/${noteReply.annotation.id}`))).toBe(true);
    // The replier is told nothing about their own words.
    expect((await mine(replier)).filter((i) => i.type === "reply")).toEqual([]);
  });

  it("a held comment tells nobody until a moderator approves it; then its author gets `approved` and followers `comment`", async () => {
    const { slug } = await insertArticle();
    const follower = await member();
    await setFollowing(follower, slug, true);
    const newcomer = await member("commenter", { trusted: false });
    const mod = await member("moderator");
    const held = await post(newcomer, slug, "My very first words here.");
    expect(held.status).toBe("pending");
    expect((await mine(follower)).filter((i) => i.url.includes(held.id))).toEqual([]);

    await actOnItems(mod, { type: "comment", ids: [held.id], action: "approve" });
    expect((await mine(newcomer)).find((i) => i.type === "approved")).toMatchObject({
      url: expect.stringContaining(`/comments/${held.id}`),
      actor: { id: mod.id },
    });
    expect((await mine(follower)).filter((i) => i.type === "comment" && i.url.includes(held.id))).toHaveLength(1);
    // Approved again after a round trip through the queue: nobody is told twice.
    await actOnItems(mod, { type: "comment", ids: [held.id], action: "restore" });
    await actOnItems(mod, { type: "comment", ids: [held.id], action: "approve" });
    expect((await mine(follower)).filter((i) => i.url.includes(held.id))).toHaveLength(1);
    expect((await mine(newcomer)).filter((i) => i.type === "approved")).toHaveLength(1);
  });

  it("recording the same event twice writes one row (a retried job or a repeated call)", async () => {
    const { slug } = await insertArticle();
    const follower = await member();
    await setFollowing(follower, slug, true);
    const c = await post(await member(), slug, "Once only.");
    await db.$transaction((tx) => announceVisible(tx, "comment", [c.id]));
    await db.$transaction((tx) => announceVisible(tx, "comment", [c.id]));
    expect(await db.notification.count({ where: { userId: follower.id, key: `comment:${c.id}` } })).toBe(1);
  });

  it("unread count, mark one, mark all; paging with `next`", async () => {
    const { slug } = await insertArticle();
    const reader = await member();
    await setFollowing(reader, slug, true);
    const writer = await member();
    for (let i = 0; i < 5; i++) await post(writer, slug, `Comment number ${i}.`);
    const first = await listNotifications(reader, { limit: 2 });
    expect(first.unread).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(first.items[0].excerpt).toBe("Comment number 4.");
    const second = await listNotifications(reader, { limit: 2, cursor: first.next! });
    expect(second.items.map((i) => i.excerpt)).toEqual(["Comment number 2.", "Comment number 1."]);
    await markNotificationsRead(reader, { ids: [first.items[0].id] });
    expect((await listNotifications(reader)).unread).toBe(4);
    await markNotificationsRead(reader, { all: true });
    expect((await listNotifications(reader)).unread).toBe(0);
    await expectAppError(listNotifications(reader, { cursor: "nonsense" }), "bad_request");
    await expectAppError(markNotificationsRead(reader, { ids: [] }), "bad_request");
  });

  it("refused: anonymous readers, and anyone else's notifications", async () => {
    const { slug } = await insertArticle();
    const owner = await member();
    const other = await member();
    const parent = await post(owner, slug, "Mine.");
    await post(other, slug, "A reply.", parent.id);
    const [n] = await mine(owner);
    await expectAppError(listNotifications(null), "unauthorized");
    await expectAppError(markNotificationsRead(null, { all: true }), "unauthorized");
    await expectAppError(setFollowing(null, slug, true), "unauthorized");
    // Another reader can neither see nor mark nor open it.
    expect((await mine(other)).some((i) => i.id === n.id)).toBe(false);
    await markNotificationsRead(other, { ids: [n.id] });
    await markNotificationsRead(other, { all: true });
    expect((await mine(owner)).find((i) => i.id === n.id)?.read).toBe(false);
    expect(await openNotification(other, n.id)).toBeNull();
    expect(await openNotification(owner, n.id)).toBe(`/articles/${slug}/comments/${n.url.split("/").pop()}`);
    expect((await mine(owner)).find((i) => i.id === n.id)?.read).toBe(true);
  });

  it("over HTTP: anonymous 401, the owner's list, 204 on read, follow through PUT/GET/DELETE", async () => {
    const { slug } = await insertArticle();
    const reader = await member();
    const auth = await bearerFor(reader);
    expect((await call(notificationsRoute.GET, { method: "GET", path: "/api/me/notifications" })).status).toBe(401);
    expect((await call(readRoute.POST, { path: "/api/me/notifications/read", body: '{"all":true}' })).status).toBe(401);
    const list = await call(notificationsRoute.GET, {
      method: "GET",
      path: "/api/me/notifications",
      authorization: auth,
    });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ items: [], next: null, unread: 0 });
    expect(
      (
        await call(subscriptionRoute.GET, {
          method: "GET",
          path: `/api/articles/${slug}/subscription`,
          params: { slug },
        })
      ).status,
    ).toBe(401);
    const get = () =>
      call(subscriptionRoute.GET, {
        method: "GET",
        path: `/api/articles/${slug}/subscription`,
        params: { slug },
        authorization: auth,
      });
    expect((await get()).json).toEqual({ following: false });
    expect(
      (
        await call(subscriptionRoute.PUT, {
          method: "PUT",
          path: `/api/articles/${slug}/subscription`,
          params: { slug },
          authorization: auth,
        })
      ).status,
    ).toBe(200);
    expect((await get()).json).toEqual({ following: true });
    expect(
      (
        await call(subscriptionRoute.DELETE, {
          method: "DELETE",
          path: `/api/articles/${slug}/subscription`,
          params: { slug },
          authorization: auth,
        })
      ).status,
    ).toBe(200);
    expect((await get()).json).toEqual({ following: false });
    expect(
      (
        await call(subscriptionRoute.GET, {
          method: "GET",
          path: "/api/articles/no-such-article/subscription",
          params: { slug: "no-such-article" },
          authorization: auth,
        })
      ).status,
    ).toBe(404);
  });
});

describe("following a discussion", () => {
  it("followers get a `comment` per new visible comment — not for their own, not after unfollowing", async () => {
    const { slug } = await insertArticle();
    const follower = await member();
    const writer = await member();
    expect(await getFollowing(follower, slug)).toEqual({ following: false });
    await setFollowing(follower, slug, true);
    await setFollowing(follower, slug, true); // twice changes nothing
    expect(await getFollowing(follower, slug)).toEqual({ following: true });
    const c1 = await post(writer, slug, "Something new.");
    await post(follower, slug, "My own comment.");
    let items = (await mine(follower)).filter((i) => i.type === "comment");
    expect(items.map((i) => i.url.split("/").pop())).toEqual([c1.id]);
    await setFollowing(follower, slug, false);
    await post(writer, slug, "After the unfollow.");
    items = (await mine(follower)).filter((i) => i.type === "comment");
    expect(items).toHaveLength(1);
    // The personal layer carries the state (the shared page has no viewer).
    expect((await getArticlePersonal(follower, slug)).following).toBe(false);
  });

  it("commenting or annotating follows automatically, unless the account turned it off", async () => {
    const { slug } = await insertArticle();
    const eager = await member();
    const quiet = await member();
    await post(eager, slug, "I comment, so I follow.");
    expect(await getFollowing(eager, slug)).toEqual({ following: true });
    expect((await getArticlePersonal(eager, slug)).following).toBe(true);
    const { slug: other } = await insertArticle();
    await annotate(eager, other, "A public note follows too.");
    expect(await getFollowing(eager, other)).toEqual({ following: true });
    const { slug: third } = await insertArticle();
    await annotate(eager, third, "A private note does not.", "private");
    expect(await getFollowing(eager, third)).toEqual({ following: false });

    await setMailPreferences(quiet, {
      notifyReplies: true,
      notifyFollowed: true,
      autoFollow: false,
      newArticles: false,
    });
    await post(quiet, slug, "I comment, but do not follow.");
    expect(await getFollowing(quiet, slug)).toEqual({ following: false });
  });

  it("mail digests: at most one per article per hour, batching what came meanwhile", async () => {
    clock.set(new Date("2030-01-01T10:00:00Z"));
    const { slug } = await insertArticle();
    const follower = await member("commenter", { name: "Fay Follower" });
    const muted = await member();
    await setFollowing(follower, slug, true);
    await setFollowing(muted, slug, true);
    await setMailPreferences(muted, {
      notifyReplies: true,
      notifyFollowed: false,
      autoFollow: true,
      newArticles: false,
    });
    const writer = await member("commenter", { name: "Walt Writer" });

    await post(writer, slug, "The first new comment.");
    await runJobsUntilIdle();
    let mails = await mailsTo(follower.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`A new comment on “Title of ${slug}”`);
    expect(mails[0].text).toContain("The first new comment.");
    expect(mails[0].text).toMatch(/because you follow the discussion/);
    expect(mails[0].text).toContain("/unsubscribe?k=followed");
    expect((mails[0] as { headers?: Record<string, string> }).headers?.["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );

    // Two more within the hour: no mail yet (the job comes back when the hour is over).
    await post(writer, slug, "The second new comment.");
    await post(writer, slug, "The third new comment.");
    await runJobsUntilIdle();
    expect(await mailsTo(follower.email)).toHaveLength(1);

    clock.set(new Date("2030-01-01T11:00:30Z"));
    await runJobsUntilIdle();
    mails = await mailsTo(follower.email);
    expect(mails).toHaveLength(2);
    const digest = mails.find((m) => m.subject.startsWith("2 new comments"))!;
    expect(digest.text).toContain("The second new comment.");
    expect(digest.text).toContain("The third new comment.");
    expect(digest.text).not.toContain("The first new comment.");
    // Run again: nothing more (each notification is mailed once).
    await runJobsUntilIdle();
    expect(await mailsTo(follower.email)).toHaveLength(2);
    // Mail off: the notifications are in the app, nothing by mail.
    expect((await mine(muted)).filter((i) => i.type === "comment")).toHaveLength(3);
    expect(await mailsTo(muted.email)).toEqual([]);
  });
});
