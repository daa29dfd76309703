import { describe, expect, it, vi } from "vitest";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as postComment } from "@/app/api/articles/[slug]/comments/route";
import { POST as postArticle } from "@/app/api/articles/route";
import { GET as me } from "@/app/api/me/route";
import { GET as queue } from "@/app/api/moderation/queue/route";
import { getViewer } from "@/lib/auth/get-viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { mailSettled } from "@/lib/mail/deliver-later";
import { listOutbox } from "@/lib/mail/send-mail";
import { createApiToken, listApiTokens, viewerFromApiToken } from "@/lib/users/api-tokens";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { insertArticle } from "../seed/articles";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";
import { call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Finding 4: tokens were too strong (any action, server actions included) and lived too long
// (through a password reset). Now: scopes within the owner's role, optional expiry, the JSON API only.
const bearer = (secret: string) => `Bearer ${secret}`;
const note = {
  bodyValue: "A note.",
  target: { selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
};

describe("finding 4: personal access tokens have scopes, expiry, and work only in the JSON API", () => {
  it("offers only the scopes the owner's role allows", async () => {
    const reader = await member("commenter");
    const t = await createApiToken(reader, { name: "all I may" });
    expect(t.scopes).toEqual(["read", "comments", "annotations"]);
    const refused = await expectAppError(
      createApiToken(reader, { name: "too much", scopes: ["read", "moderation"] }),
      "forbidden",
    );
    expect(refused.fields?.scopes).toMatch(/moderation/);
    await expectAppError(createApiToken(reader, { name: "nothing", scopes: [] }), "bad_request");
    await expectAppError(createApiToken(reader, { name: "odd", scopes: ["admin"] }), "bad_request");
    // Contributors and up write their own drafts through the API (the desk): the `articles` scope.
    expect((await createApiToken(await member("contributor"), { name: "c" })).scopes).toEqual([
      "read",
      "comments",
      "annotations",
      "articles",
    ]);
    expect((await createApiToken(await member("moderator"), { name: "m" })).scopes).toEqual([
      "read",
      "comments",
      "annotations",
      "articles",
      "moderation",
    ]);
    expect((await createApiToken(await member("editor"), { name: "e" })).scopes).toEqual([
      "read",
      "comments",
      "annotations",
      "articles",
      "moderation",
    ]);
    expect(await db.apiToken.count({ where: { userId: reader.id } })).toBe(1);
  });

  it("a token without the scope is refused with 403; with it, the request goes through", async () => {
    const { slug } = await insertArticle();
    const reader = await member("commenter");
    const readOnly = bearer((await createApiToken(reader, { name: "read", scopes: ["read"] })).secret);
    const commentsOnly = bearer((await createApiToken(reader, { name: "comments", scopes: ["comments"] })).secret);
    expect((await call(me, { method: "GET", path: "/api/me", authorization: readOnly })).status).toBe(200);
    expect((await call(me, { method: "GET", path: "/api/me", authorization: commentsOnly })).status).toBe(403);

    const refused = await call(postComment, {
      path: `/api/articles/${slug}/comments`,
      params: { slug },
      body: JSON.stringify({ body: "Hello" }),
      authorization: readOnly,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toMatch(/“comments” scope/);
    expect(
      (
        await call(postNote, {
          path: `/api/annotations/${slug}/`,
          params: { slug },
          body: JSON.stringify(note),
          authorization: commentsOnly,
        })
      ).status,
    ).toBe(403);
    expect(await db.comment.count({ where: { authorId: reader.id } })).toBe(0);
    expect([201, 202]).toContain(
      (
        await call(postComment, {
          path: `/api/articles/${slug}/comments`,
          params: { slug },
          body: JSON.stringify({ body: "Hello" }),
          authorization: commentsOnly,
        })
      ).status,
    );

    const editor = await member("editor");
    const editorNoArticles = bearer(
      (await createApiToken(editor, { name: "e", scopes: ["read", "moderation"] })).secret,
    );
    expect(
      (
        await call(postArticle, {
          path: "/api/articles",
          body: JSON.stringify({ title: "T", body: "B" }),
          authorization: editorNoArticles,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(queue, { method: "GET", path: "/api/moderation/queue", authorization: editorNoArticles })).status,
    ).toBe(200);
  });

  it("stops at its expiry", async () => {
    const reader = await member("commenter");
    const { secret, expiresAt } = await createApiToken(reader, { name: "short", expiresInDays: 1 });
    expect(Math.abs(expiresAt!.getTime() - clock.now().getTime() - 86_400_000)).toBeLessThan(5_000);
    expect(await viewerFromApiToken(secret)).toMatchObject({ id: reader.id });
    clock.advance(86_400_000 + 1000);
    expect(await viewerFromApiToken(secret)).toBeNull();
    expect((await call(me, { method: "GET", path: "/api/me", authorization: bearer(secret) })).status).toBe(401);
    expect((await listApiTokens(reader))[0]).toMatchObject({ expiresAt, scopes: ["read", "comments", "annotations"] });
  });

  it("is ignored outside the JSON API: server actions and pages read the session cookie only", async () => {
    const reader = await member("commenter");
    const { secret } = await createApiToken(reader, { name: "stolen" });
    const headers = new Headers({ authorization: bearer(secret) });
    // Outside apiRoute (a server action's or page's getViewer(await headers())): no cookie, so no one.
    expect(await getViewer(headers)).toBeNull();
    // Inside it, the same header stands for the owner.
    expect((await call(me, { method: "GET", path: "/api/me", authorization: bearer(secret) })).json).toMatchObject({
      id: reader.id,
    });
  });

  it("a password reset revokes every token", async () => {
    const reader = await member("commenter");
    const tokens = [
      await createApiToken(reader, { name: "a" }),
      await createApiToken(reader, { name: "b", expiresInDays: 30 }),
    ];
    await requestPasswordReset(reader.email);
    await mailSettled();
    const [mail] = (await listOutbox(200)).filter((m) => m.to === reader.email);
    await resetPassword({ token: mail.text.match(/token=([A-Za-z0-9_-]+)/)![1], password: "a-new-password-42" });
    for (const t of tokens) expect(await viewerFromApiToken(t.secret)).toBeNull();
    expect(await listApiTokens(reader)).toEqual([]);
  });
});
