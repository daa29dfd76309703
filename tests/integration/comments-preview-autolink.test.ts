import { describe, expect, it, vi } from "vitest";
import { POST as previewRoute } from "@/app/api/comments/preview/route";
import { db } from "@/lib/db";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 18, item 12: bare addresses are linked, and the link rule counts them as the links they
// become; the comment box's Preview renders exactly what the server stores.
describe("autolinked addresses and the link rule", () => {
  it("links bare addresses in the stored HTML and counts e-mail autolinks towards the rule", async () => {
    const article = await insertArticle();
    const reader = await member();
    const one = await post(reader, article.slug, "The judgment is at https://icj-cij.org/case/143 for anyone curious.");
    expect(one).toMatchObject({ status: "approved" });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: one.id } });
    expect(stored.html).toContain(
      '<a href="https://icj-cij.org/case/143" rel="nofollow ugc noopener">https://icj-cij.org/case/143</a>',
    );
    // Two e-mail addresses: no "https://" in sight, but two links once rendered — held by the rule.
    const two = await post(reader, article.slug, "Write to registry@court.example or press@court.example for copies.");
    expect(two).toMatchObject({ status: "pending", holdReasons: ["links"] });
    expect((await db.comment.findUniqueOrThrow({ where: { id: two.id } })).html).toContain(
      'href="mailto:registry@court.example"',
    );
    await withSettings({ linkHoldThreshold: 3 }, async () => {
      expect(await post(reader, article.slug, "Again: registry@court.example and www.un.org")).toMatchObject({
        status: "approved",
      });
    });
  });
});

describe("POST /api/comments/preview", () => {
  it("answers the HTML the server would store and the link count, saving nothing", async () => {
    const reader = await member();
    const before = await db.comment.count();
    const body = "A *first* look at https://un.org and www.icj-cij.org <script>alert(1)</script>";
    const r = await call(previewRoute, {
      path: "/api/comments/preview",
      body: JSON.stringify({ body }),
      authorization: await bearerFor(reader),
    });
    expect(r.status).toBe(200);
    const { renderSafeMarkdown } = await import("@/lib/markdown/render-safe-markdown");
    expect(r.json).toEqual({ html: renderSafeMarkdown(body), links: 2, linkHoldThreshold: 2 });
    expect(String(r.json.html)).toContain("<em>first</em>");
    expect(String(r.json.html)).not.toContain("<script");
    expect(await db.comment.count()).toBe(before);
  });

  it("refuses an anonymous caller (401) and an empty or oversized body (400, 413)", async () => {
    const reader = await member();
    const auth = await bearerFor(reader);
    expect(
      (await call(previewRoute, { path: "/api/comments/preview", body: JSON.stringify({ body: "hi" }) })).status,
    ).toBe(401);
    const empty = await call(previewRoute, {
      path: "/api/comments/preview",
      body: JSON.stringify({ body: "  " }),
      authorization: auth,
    });
    expect(empty.status).toBe(400);
    expect(empty.json.error?.fields?.body).toBe("Write something first.");
    expect(
      (
        await call(previewRoute, {
          path: "/api/comments/preview",
          body: JSON.stringify({ body: "x".repeat(100_001) }),
          authorization: auth,
        })
      ).status,
    ).toBe(413);
  });
});
