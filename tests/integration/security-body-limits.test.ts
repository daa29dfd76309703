import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as postComment } from "@/app/api/articles/[slug]/comments/route";
import { POST as postArticle } from "@/app/api/articles/route";
import { POST as flagComment } from "@/app/api/comments/[id]/flags/route";
import { bodyLimits } from "@/lib/http/api";
import { insertArticle } from "../seed/articles";
import { member } from "../seed/users";
import { bearerFor, call, lazyBody } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Finding 1: bodies were read whole before anyone was checked. Identity comes first, then a
// streaming size limit per route (by Content-Length, and by counting bytes of a chunked body).
const json = (filler: number) => JSON.stringify({ body: "x".repeat(filler) });

describe("finding 1: identity first, then a streaming body-size limit per route", () => {
  let reader: string;
  let editor: string;
  let slug: string;
  beforeAll(async () => {
    reader = await bearerFor(await member("commenter"));
    editor = await bearerFor(await member("editor"));
    slug = (await insertArticle()).slug;
  });

  it("an anonymous 200 kB report is refused with 401, not 413, without reading its body", async () => {
    const sized = await call(flagComment, {
      path: "/api/comments/abc/flags",
      params: { id: "abc" },
      body: json(200_000),
    });
    expect(sized.status).toBe(401);
    expect(sized.json.error?.code).toBe("unauthorized");
    const chunked = lazyBody(300 * 1024 * 1024);
    const r = await call(flagComment, { path: "/api/comments/abc/flags", params: { id: "abc" }, body: chunked.stream });
    expect(r.status).toBe(401);
    expect(chunked.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("a declared Content-Length over the limit is refused before a byte is read", async () => {
    const body = lazyBody(150_000);
    const r = await call(postComment, {
      path: `/api/articles/${slug}/comments`,
      params: { slug },
      body: body.stream,
      contentLength: 150_000,
      authorization: reader,
    });
    expect(r.status).toBe(413);
    expect(r.json.error?.code).toBe("too_large");
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it("a chunked body of hundreds of MB is cut off at the limit, the rest never read", async () => {
    const body = lazyBody(500 * 1024 * 1024);
    const r = await call(postComment, {
      path: `/api/articles/${slug}/comments`,
      params: { slug },
      body: body.stream,
      authorization: reader,
    });
    expect(r.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(bodyLimits.comment + 64 * 1024);
  });

  it("each route has its own limit: comments 100 kB, notes 50 kB, articles 2 MB", async () => {
    expect(bodyLimits).toMatchObject({ comment: 100_000, note: 50_000, article: 2_000_000 });
    // Under the limit the body is read and judged on its content (400: too long a comment), over it 413.
    expect(
      (
        await call(postComment, {
          path: `/api/articles/${slug}/comments`,
          params: { slug },
          body: json(90_000),
          authorization: reader,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(postComment, {
          path: `/api/articles/${slug}/comments`,
          params: { slug },
          body: json(110_000),
          authorization: reader,
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await call(postNote, {
          path: `/api/annotations/${slug}/`,
          params: { slug },
          body: json(40_000),
          authorization: reader,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(postNote, {
          path: `/api/annotations/${slug}/`,
          params: { slug },
          body: json(60_000),
          authorization: reader,
        })
      ).status,
    ).toBe(413);
    // An article body of 1.2 MB is read (the old 1 MB limit refused it); 2.1 MB is refused.
    const big = JSON.stringify({ title: "A long one", body: "Word €€€ ".repeat(19_000) }, null, " ".repeat(10)).replace(
      "{",
      `{${" ".repeat(950_000)}`,
    );
    expect(Buffer.byteLength(big)).toBeGreaterThan(1_200_000);
    const created = await call(postArticle, { path: "/api/articles", body: big, authorization: editor });
    expect(created.status, created.text.slice(0, 300)).toBe(201);
    expect(
      (await call(postArticle, { path: "/api/articles", body: json(2_100_000), authorization: editor })).status,
    ).toBe(413);
  });

  it("a body that is not UTF-8 is a 400, not a 500", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    });
    const r = await call(postComment, {
      path: `/api/articles/${slug}/comments`,
      params: { slug },
      body: stream,
      authorization: reader,
    });
    expect(r.status).toBe(400);
  });
});
