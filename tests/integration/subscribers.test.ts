import { afterEach, describe, expect, it, vi } from "vitest";
import * as confirmRoute from "@/app/api/subscribers/confirm/route";
import * as subscribersRoute from "@/app/api/subscribers/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/route";
import { createArticle } from "@/lib/articles/create-article";
import { publishDueArticles } from "@/lib/articles/publish-due-articles";
import { updateArticle } from "@/lib/articles/update-article";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { cleanExpiredRows } from "@/lib/jobs/clean-expired-rows";
import { runJobsUntilIdle } from "@/lib/jobs/run-due-jobs";
import { listOutbox, type StoredMail } from "@/lib/mail/send-mail";
import { exportSubscribersCsv, subscriberCounts } from "@/lib/subscribers/announce-article";
import { confirmSubscription, requestSubscription } from "@/lib/subscribers/subscribe";
import { unique, uniqueEmail, uniqueIp } from "../seed/unique";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";
import { call, origin } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 15: new articles by e-mail — double opt-in, one mail per newly published article through
// the job queue, RFC 8058 one-click unsubscribe.

afterEach(() => clock.reset());

type Mail = StoredMail & { headers?: Record<string, string> };
const mailsTo = async (email: string) => (await listOutbox(2000)).filter((m) => m.to === email) as Mail[];
const linkIn = (m: Mail, re: RegExp) => m.text.match(re)?.[0] ?? null;

async function subscribe(email: string) {
  await requestSubscription({ email }, uniqueIp());
  await runJobsUntilIdle();
  const [mail] = await mailsTo(email);
  return mail;
}

async function confirmed(email: string) {
  const mail = await subscribe(email);
  const link = linkIn(mail, /https?:\/\/\S+\/subscribe\/confirm\?token=[\w-]+/)!;
  await confirmSubscription(new URL(link).searchParams.get("token"));
  return link;
}

const publish = async (editor: Awaited<ReturnType<typeof member>>, extra: object = {}) => {
  const slug = unique("news");
  await createArticle(editor, {
    title: `News ${slug}`,
    slug,
    body: "A new article for subscribers.",
    status: "published",
    ...extra,
  });
  return slug;
};

describe("new articles by e-mail", () => {
  it("subscribe → one confirmation mail → confirm → each new article mailed once, with RFC 8058 headers → one-click unsubscribe", async () => {
    const email = uniqueEmail("reader");
    const editor = await member("editor");
    const mail = await subscribe(email);
    expect(mail.subject).toMatch(/^Confirm/);
    expect(mail.text).toMatch(/because this address was entered in the Subscribe form/);
    // Asked again at once: no second mail. Unconfirmed: no article either.
    await requestSubscription({ email }, uniqueIp());
    const early = await publish(editor);
    await runJobsUntilIdle();
    expect(await mailsTo(email)).toHaveLength(1);
    expect((await mailsTo(email)).some((m) => m.text.includes(early))).toBe(false);

    const link = linkIn(mail, /https?:\/\/\S+\/subscribe\/confirm\?token=[\w-]+/)!;
    const token = new URL(link).searchParams.get("token");
    await confirmSubscription(token);
    await expectAppError(confirmSubscription(token), "not_found"); // single use

    const slug = await publish(editor);
    await runJobsUntilIdle();
    const articleMails = (await mailsTo(email)).filter((m) => m.text.includes(`/articles/${slug}`));
    expect(articleMails).toHaveLength(1);
    const m = articleMails[0];
    expect(m.subject).toBe(`News ${slug}`);
    expect(m.html).toContain(`News ${slug}`);
    expect(m.text).toMatch(/because you subscribed to new articles/);
    expect(m.text).toContain("/unsubscribe?k=articles");
    expect(m.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const oneClick = m.headers?.["List-Unsubscribe"]?.match(/^<(https?:\/\/[^>]+)>$/)?.[1];
    expect(oneClick).toMatch(/\/api\/unsubscribe\?k=articles&i=/);

    // Editing (re-publishing) the article mails nobody again.
    await updateArticle(editor, slug, { body: "A new article for subscribers, corrected." });
    await runJobsUntilIdle();
    expect((await mailsTo(email)).filter((x) => x.text.includes(`/articles/${slug}`))).toHaveLength(1);

    // RFC 8058: a POST with no session and no Origin stops it.
    const path = new URL(oneClick!).pathname + new URL(oneClick!).search;
    const response = await unsubscribeRoute.POST(
      new Request(`${origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      {} as never,
    );
    expect(response.status).toBe(200);
    const after = await publish(editor);
    await runJobsUntilIdle();
    expect((await mailsTo(email)).some((x) => x.text.includes(after))).toBe(false);
    // A forged link changes nothing.
    const forged = await unsubscribeRoute.POST(
      new Request(`${origin}/api/unsubscribe?k=articles&i=x&t=nope`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
      }),
      {} as never,
    );
    expect(forged.status).toBe(400);
  });

  it("a scheduled article is mailed when it goes out, not when it is scheduled", async () => {
    const email = uniqueEmail("sched");
    const editor = await member("editor");
    await confirmed(email);
    const slug = await publish(editor, {
      status: undefined,
      publishAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
    });
    await runJobsUntilIdle();
    expect((await mailsTo(email)).some((m) => m.text.includes(slug))).toBe(false);
    clock.advance(3_600_000 + 1_000);
    await publishDueArticles();
    await runJobsUntilIdle();
    expect((await mailsTo(email)).filter((m) => m.text.includes(`/articles/${slug}`))).toHaveLength(1);
  });

  it("a confirmation link expires after 48 hours", async () => {
    const email = uniqueEmail("late");
    const mail = await subscribe(email);
    const token = new URL(linkIn(mail, /https?:\/\/\S+\/subscribe\/confirm\?token=[\w-]+/)!).searchParams.get("token");
    clock.advance(48 * 3_600_000 + 1_000);
    await expectAppError(confirmSubscription(token), "not_found");
    expect((await db.subscriber.findUniqueOrThrow({ where: { email } })).confirmedAt).toBeNull();
  });

  it("an address never confirmed is deleted a week after its link expired; a confirmed one stays", async () => {
    const stale = uniqueEmail("stale");
    const kept = uniqueEmail("kept");
    await subscribe(stale);
    await confirmed(kept);
    clock.advance(48 * 3_600_000 + 7 * 24 * 3_600_000 + 60_000);
    await cleanExpiredRows();
    expect(await db.subscriber.findUnique({ where: { email: stale } })).toBeNull();
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: kept } })).confirmedAt).not.toBeNull();
  });

  it("POST /api/subscribers answers 202 whatever the address; bad input 400; a form without JavaScript 303", async () => {
    const known = uniqueEmail("known");
    await confirmed(known);
    const ask = (body: string, headers: Record<string, string> = {}) =>
      call(subscribersRoute.POST, {
        path: "/api/subscribers",
        body,
        headers: { "x-forwarded-for": uniqueIp(), ...headers },
      });
    const a = await ask(JSON.stringify({ email: known }));
    const b = await ask(JSON.stringify({ email: uniqueEmail("fresh") }));
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.text).toBe(b.text);
    expect((await ask(JSON.stringify({ email: "not an address" }))).status).toBe(400);
    const form = await ask(`email=${encodeURIComponent(uniqueEmail("form"))}`, {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/subscribe?sent=1");
    // A cross-site form post is refused (the Origin check).
    expect((await ask(JSON.stringify({ email: uniqueEmail("x") }), { origin: "https://evil.example" })).status).toBe(
      403,
    );
    // The confirmation page's button (a plain form) confirms and lands on a page that says so.
    const mail = await subscribe(uniqueEmail("button"));
    const token = new URL(linkIn(mail, /https?:\/\/\S+\/subscribe\/confirm\?token=[\w-]+/)!).searchParams.get("token")!;
    const pressed = await call(confirmRoute.POST, {
      path: "/api/subscribers/confirm",
      body: `token=${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect([pressed.status, pressed.headers.get("location")]).toEqual([303, "/subscribe?confirmed=1"]);
  });

  it("admins see the count and export the confirmed list; nobody else does", async () => {
    const email = uniqueEmail("csv");
    await confirmed(email);
    const admin = await member("admin");
    const counts = await subscriberCounts(admin);
    expect(counts.confirmed).toBeGreaterThanOrEqual(1);
    const csv = await exportSubscribersCsv(admin);
    expect(csv.split("\r\n")[0]).toBe("email,confirmed_at");
    expect(csv).toContain(`${email},`);
    for (const role of ["commenter", "moderator", "editor"] as const) {
      await expectAppError(subscriberCounts(await member(role)), "forbidden");
      await expectAppError(exportSubscribersCsv(await member(role)), "forbidden");
    }
    await expectAppError(exportSubscribersCsv(null), "unauthorized");
    expect((await call(subscribersRoute.GET, { method: "GET", path: "/api/subscribers" })).status).toBe(401);
  });
});
