import { afterEach, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/mail/send-mail";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { notificationsSettled, notifyReply, unsubscribeToken } from "@/lib/notifications/notify-reply";
import { setReplyMail, unsubscribeReplyMail } from "@/lib/notifications/reply-mail-preference";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";

// A reader hears of a reply to their comment or note once it is visible: one mail per reply,
// never for their own replies, never when they turned it off.

afterEach(() => clock.reset());

const mailsTo = async (email: string) => (await listOutbox(500)).filter((m) => m.to === email);

/** The mails for `email` that link to `replyId`, once the background sends have run. */
async function mailFor(email: string, replyId: string) {
  await notificationsSettled();
  return (await mailsTo(email)).filter((m) => m.text.includes(replyId));
}

describe("reply notifications", () => {
  it("tells a comment's author of a reply, once, with a link to it and a way out", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter", { name: "Ada Author" });
    const replier = await member("commenter", { name: "Rui Replier" });
    const parent = await post(author, slug, "A first thought.");
    const reply = await post(replier, slug, "A *reply* with [a link](https://example.org).", parent.id);

    const mails = await mailFor(author.email, reply.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Rui Replier replied to your comment on “Title of ${slug}”`);
    expect(mails[0].text).toContain("A reply with a link");
    expect(mails[0].text).not.toContain("https://example.org");
    expect(mails[0].text).toContain(`/articles/${slug}/comments/${reply.id}`);
    expect(mails[0].text).toContain(`/account/reply-mail?u=${author.id}&t=${unsubscribeToken(author.id)}`);
    expect((await db.comment.findUniqueOrThrow({ where: { id: reply.id } })).replyNotifiedAt).not.toBeNull();
    // Asked again (a second approval, say): nothing more.
    expect(await notifyReply("comment", reply.id)).toBe(false);
    expect(await mailsTo(author.email)).toHaveLength(1);
  });

  it("says nothing for a reply to oneself, and nothing to whoever turned it off", async () => {
    const { slug } = await insertArticle();
    const author = await member();
    const replier = await member();
    const parent = await post(author, slug, "Thinking aloud.");
    const own = await post(author, slug, "Answering myself.", parent.id);
    expect(await notifyReply("comment", own.id)).toBe(false);

    await setReplyMail(author, false);
    const reply = await post(replier, slug, "Someone else answers.", parent.id);
    expect(await notifyReply("comment", reply.id)).toBe(false);
    expect(await mailsTo(author.email)).toEqual([]);
    // Back on: the next reply is announced.
    await setReplyMail(author, true);
    const next = await post(replier, slug, "And again.", parent.id);
    expect(await mailFor(author.email, next.id)).toHaveLength(1);
  });

  it("waits for a held reply to be approved, and approving it twice sends one mail", async () => {
    const { slug } = await insertArticle();
    const author = await member();
    const moderator = await member("moderator");
    const newcomer = await member("commenter", { trusted: false });
    const parent = await post(author, slug, "Held replies wait.");
    const reply = await post(newcomer, slug, "My first words here.", parent.id);
    expect(reply.status).toBe("pending");
    expect(await notifyReply("comment", reply.id)).toBe(false);
    expect(await mailsTo(author.email)).toEqual([]);

    await actOnItems(moderator, { type: "comment", ids: [reply.id], action: "approve" });
    expect(await mailFor(author.email, reply.id)).toHaveLength(1);
    await actOnItems(moderator, { type: "comment", ids: [reply.id], action: "spam" });
    await actOnItems(moderator, { type: "comment", ids: [reply.id], action: "approve" });
    await notificationsSettled();
    expect(await mailsTo(author.email)).toHaveLength(1);
  });

  it("tells a public note's author of a reply to it", async () => {
    const { slug } = await insertArticle();
    const author = await member("commenter", { name: "Nora Noter" });
    const replier = await member("commenter", { name: "Ravi" });
    const note = await annotate(author, slug, "Worth quoting indeed.");
    clock.advance(60_000);
    const { annotation: reply } = await createAnnotation(replier, slug, {
      type: "Annotation",
      motivation: "replying",
      body: { type: "TextualBody", value: "Agreed." },
      target: `http://localhost/api/annotations/${slug}/${note.id}`,
    });
    const mails = await mailFor(author.email, reply.id);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Ravi replied to your note on “Title of ${slug}”`);
    expect(mails[0].text).toContain(`/articles/${slug}/annotations/${reply.id}`);
  });

  it("turns reply mail off from the mail's link; a forged link changes nothing", async () => {
    const someone = await member();
    const other = await member();
    await expectAppError(unsubscribeReplyMail(someone.id, unsubscribeToken(other.id)), "bad_request");
    await expectAppError(unsubscribeReplyMail(someone.id, ""), "bad_request");
    await expectAppError(unsubscribeReplyMail(someone.id, "x".repeat(43)), "bad_request");
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).notifyReplies).toBe(true);
    await unsubscribeReplyMail(someone.id, unsubscribeToken(someone.id));
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).notifyReplies).toBe(false);
    // Signed-out visitors cannot change anyone's setting from the account page.
    await expectAppError(setReplyMail(null, false), "unauthorized");
  });
});
