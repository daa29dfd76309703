import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as postComment } from "@/app/api/articles/[slug]/comments/route";
import { POST as postArticle } from "@/app/api/articles/route";
import { POST as flagComment } from "@/app/api/comments/[id]/flags/route";
import { PATCH as patchComment } from "@/app/api/comments/[id]/route";
import { DELETE as unban } from "@/app/api/moderation/bans/[email]/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { clock } from "@/lib/clock";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http/api";
import { formError } from "@/lib/http/form-state";
import { cleanExpiredRows } from "@/lib/jobs/clean-expired-rows";
import { jobHandlers, periodicJobs } from "@/lib/jobs/job-handlers";
import { updateProfileName } from "@/lib/users/manage-account";
import { openSession } from "@/lib/users/sessions";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Finding 9, the smaller ones (the /search cache part is the lead's, in scripts/server.mjs).

describe("finding 9: NUL and other characters PostgreSQL refuses are a 400, never a 500", () => {
  let reader: string;
  let editor: string;
  let slug: string;
  let commentId: string;
  beforeAll(async () => {
    const r = await member("commenter");
    reader = await bearerFor(r);
    editor = await bearerFor(await member("editor"));
    slug = (await insertArticle()).slug;
    commentId = (await post(r, slug, "A first word.")).id;
  });

  it("refuses a NUL in every JSON text field, naming it, and stores nothing", async () => {
    const before = await db.comment.count();
    const cases = [
      await call(postComment, {
        path: `/api/articles/${slug}/comments`,
        params: { slug },
        body: JSON.stringify({ body: "a\u0000b" }),
        authorization: reader,
      }),
      await call(patchComment, {
        method: "PATCH",
        path: `/api/comments/${commentId}`,
        params: { id: commentId },
        body: JSON.stringify({ body: "x\u0000" }),
        authorization: reader,
      }),
      await call(flagComment, {
        path: `/api/comments/${commentId}/flags`,
        params: { id: commentId },
        body: JSON.stringify({ reason: "other", note: "\u0000" }),
        authorization: editor,
      }),
      await call(postNote, {
        path: `/api/annotations/${slug}/`,
        params: { slug },
        body: JSON.stringify({
          bodyValue: "n\u0000",
          target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
        }),
        authorization: reader,
      }),
      await call(postNote, {
        path: `/api/annotations/${slug}/`,
        params: { slug },
        body: JSON.stringify({
          bodyValue: "tagged",
          body: [{ value: "t\u0000", purpose: "tagging" }],
          target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
        }),
        authorization: reader,
      }),
      await call(postArticle, {
        path: "/api/articles",
        body: JSON.stringify({ title: "T\u0000", body: "Body" }),
        authorization: editor,
      }),
      await call(postArticle, {
        path: "/api/articles",
        body: JSON.stringify({ title: "T", body: "Body", "k\u0000": 1 }),
        authorization: editor,
      }),
    ];
    for (const r of cases) {
      expect(r.status, r.text).toBe(400);
      expect(r.json.error?.code).toBe("bad_request");
      expect(r.json.error?.message).toMatch(/NUL/);
    }
    expect(cases[0].json.error?.fields).toHaveProperty("body");
    expect(await db.comment.count()).toBe(before);
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe("A first word.");
  });

  it("the domain functions refuse it too (server actions and the CLI use them)", async () => {
    const me = await member("commenter");
    await expectAppError(createComment(me, slug, { body: "a\u0000b" }), "bad_request");
    await expectAppError(
      createAnnotation(me, slug, {
        bodyValue: "a\u0000",
        target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
      }),
      "bad_request",
    );
  });

  it("a field no check knows about still answers 400 (form) and 400 (API), not a 500", async () => {
    const me = await member("commenter");
    // The display name has no NUL check of its own: PostgreSQL's refusal is the safety net.
    const error = await updateProfileName(me, "Name\u0000").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(formError(error).message).toMatch(/NUL/);
    expect(errorResponse(error).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).name).not.toContain("\u0000");
  });
});

describe("finding 9: DELETE /api/moderation/bans/%25", () => {
  it('answers 4xx, not 500 (the segment arrives decoded: "%")', async () => {
    const moderator = await bearerFor(await member("moderator"));
    for (const email of ["%", "%E0%A4%A", "a%40b"]) {
      const r = await call(unban, {
        method: "DELETE",
        path: `/api/moderation/bans/${encodeURIComponent(email)}`,
        params: { email },
        authorization: moderator,
      });
      expect(r.status, `${email}: ${r.text}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(errorResponse(new URIError("URI malformed")).status).toBe(400);
  });

  it("still unbans by the address as the client encoded it", async () => {
    const moderator = await member("moderator");
    const banned = await member("commenter");
    await db.user.update({ where: { id: banned.id }, data: { status: "banned", bannedUntil: null } });
    const r = await call(unban, {
      method: "DELETE",
      path: `/api/moderation/bans/${encodeURIComponent(banned.email)}`,
      params: { email: banned.email },
      authorization: await bearerFor(moderator),
    });
    expect(r.status, r.text).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: banned.id } })).status).toBe("active");
  });
});

describe("finding 9: expired Session and RateLimit rows are deleted", () => {
  it("deletes expired sessions and ended rate-limit windows, keeps live ones", async () => {
    const user = await member("commenter");
    const live = await openSession(user.id);
    const old = await openSession(user.id);
    await db.session.update({
      where: { sessionToken: old },
      data: { expires: new Date(clock.now().getTime() - 1000) },
    });
    await db.rateLimit.createMany({
      data: [
        { key: `test:stale:${user.id}`, windowStart: new Date(clock.now().getTime() - 2 * 86_400_000), count: 4 },
        { key: `test:fresh:${user.id}`, windowStart: clock.now(), count: 1 },
      ],
    });
    const deleted = await cleanExpiredRows();
    expect(deleted.sessions).toBeGreaterThanOrEqual(1);
    expect(deleted.rateLimits).toBeGreaterThanOrEqual(1);
    expect(await db.session.findUnique({ where: { sessionToken: old } })).toBeNull();
    expect(await db.session.findUnique({ where: { sessionToken: live } })).not.toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `test:stale:${user.id}` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `test:fresh:${user.id}` } })).not.toBeNull();
  });

  it("runs as the job queue's hourly clean-up job (one clean-up, every process's worker shares it)", () => {
    expect(periodicJobs["clean-up"]).toBe(3_600_000);
    expect(jobHandlers["clean-up"]).toBeTypeOf("function");
  });
});
