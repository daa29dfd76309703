import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as flagNote } from "@/app/api/annotations/[slug]/[id]/flags/route";
import { PUT as putNote } from "@/app/api/annotations/[slug]/[id]/route";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as postComment } from "@/app/api/articles/[slug]/comments/route";
import { PATCH as patchArticle } from "@/app/api/articles/[slug]/route";
import { POST as postArticle } from "@/app/api/articles/route";
import { POST as flagComment } from "@/app/api/comments/[id]/flags/route";
import { PATCH as patchComment } from "@/app/api/comments/[id]/route";
import { POST as joinGroup } from "@/app/api/groups/join/route";
import { POST as postGroup } from "@/app/api/groups/route";
import { POST as moderate } from "@/app/api/moderation/actions/route";
import { POST as ban } from "@/app/api/moderation/bans/route";
import { PATCH as patchRole } from "@/app/api/moderation/users/route";
import { createArticle } from "@/lib/articles/create-article";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/users/api-tokens";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { post } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 13: hostile bodies against every JSON write endpoint, as each role — wrong types, missing
// and extra fields, huge strings, deep nesting, invalid UTF-8, control characters, random
// selectors. Never a 5xx; every refusal in the error envelope; nothing stored on a refusal.
// Fixed seed and a small count here; FUZZ_RUNS=<n> runs longer and FUZZ_SEED=<n> elsewhere
// (the long run in `npm run bench`, scripts/bench/bench-fuzz.mjs).
const runs = Number(process.env.FUZZ_RUNS ?? 12);
const seed = Number(process.env.FUZZ_SEED ?? 20261207);

const control = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u2028",
  "\ud800",
  "\udfff",
  "\ufeff",
  "\r\n",
);
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: fc.oneof(fc.constantFrom("a", "<", ">", "&", '"', "\\", "%25"), control), maxLength: 40 }),
  fc.integer({ min: 1_000, max: 60_000 }).map((k) => "x".repeat(k)),
  fc.constant(""),
  fc.constant("   "),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom("body", "type", "selector", "exact", "start", "end")),
      tie("v"),
      { maxKeys: 4 },
    ),
  ),
})).v;
const selector = fc.oneof(
  fc.record(
    { type: fc.constant("TextQuoteSelector"), exact: nasty, prefix: fc.option(nasty), suffix: fc.option(nasty) },
    { requiredKeys: ["type"] },
  ),
  fc.record({
    type: fc.constant("TextPositionSelector"),
    start: fc.oneof(fc.integer(), fc.double(), nasty),
    end: fc.oneof(fc.integer({ min: -5, max: 500_000 }), nasty),
  }),
  fc.record({ type: nasty }),
);
const fields = [
  "body",
  "bodyValue",
  "parentId",
  "reason",
  "note",
  "title",
  "slug",
  "status",
  "audience",
  "motivation",
  "type",
  "ids",
  "action",
  "email",
  "duration",
  "role",
  "publishAt",
  "categories",
  "tags",
  "target",
];
const objectBody = fc.dictionary(
  fc.constantFrom(...fields),
  fc.oneof(value, fc.record({ selector: fc.oneof(selector, fc.array(selector, { maxLength: 3 })) })),
  { maxKeys: 6 },
);
const encode = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  objectBody.map(encode),
  value.map(encode),
  fc.integer({ min: 1, max: 20_000 }).map((k) => new TextEncoder().encode(`${'{"a":'.repeat(k)}1${"}".repeat(k)}`)),
  fc.integer({ min: 1, max: 20_000 }).map((k) => new TextEncoder().encode(`${"[".repeat(k)}${"]".repeat(k)}`)),
  fc.uint8Array({ maxLength: 300 }),
  objectBody.map((o) => {
    const b = encode(o);
    const out = new Uint8Array(b.length + 2);
    out.set(b.subarray(0, 1));
    out.set([0xc3, 0x28], 1);
    out.set(b.subarray(1), 3);
    return out;
  }),
);

describe("fuzz: hostile bodies on every JSON write endpoint", () => {
  const tokens: string[] = [];
  let slug: string;
  let commentId: string;
  let noteId: string;
  let articleSlug: string;
  beforeAll(async () => {
    for (const role of ["commenter", "moderator", "editor", "admin"] as const)
      tokens.push(`Bearer ${(await createApiToken(await member(role), { name: "fuzz" })).secret}`);
    const author = await member("commenter");
    slug = (await insertArticle()).slug;
    commentId = (await post(author, slug, "A comment to aim at.")).id;
    noteId = (await annotate(author, slug, "A note to aim at.")).id;
    articleSlug = (
      await createArticle(await member("editor"), { title: "Fuzz target", body: "Text.", status: "published" })
    ).slug;
  });

  const stored = async () =>
    Promise.all([
      db.comment.count(),
      db.annotation.count(),
      db.article.count(),
      db.report.count(),
      db.user.count({ where: { status: "banned" } }),
      db.commentRevision.count(),
      db.annotationRevision.count(),
      db.articleRevision.count(),
      db.group.count(),
      db.groupMember.count(),
    ]);
  const endpoints = () => [
    {
      name: "POST comment",
      run: (b: Body) => call(postComment, { path: `/api/articles/${slug}/comments`, params: { slug }, ...b }),
    },
    {
      name: "PATCH comment",
      run: (b: Body) =>
        call(patchComment, { method: "PATCH", path: `/api/comments/${commentId}`, params: { id: commentId }, ...b }),
    },
    {
      name: "POST comment report",
      run: (b: Body) =>
        call(flagComment, { path: `/api/comments/${commentId}/flags`, params: { id: commentId }, ...b }),
    },
    {
      name: "POST note",
      run: (b: Body) => call(postNote, { path: `/api/annotations/${slug}/`, params: { slug }, ...b }),
    },
    {
      name: "PUT note",
      run: (b: Body) =>
        call(putNote, {
          method: "PUT",
          path: `/api/annotations/${slug}/${noteId}`,
          params: { slug, id: noteId },
          ...b,
        }),
    },
    {
      name: "POST note report",
      run: (b: Body) =>
        call(flagNote, { path: `/api/annotations/${slug}/${noteId}/flags`, params: { slug, id: noteId }, ...b }),
    },
    { name: "POST article", run: (b: Body) => call(postArticle, { path: "/api/articles", ...b }) },
    {
      name: "PATCH article",
      run: (b: Body) =>
        call(patchArticle, {
          method: "PATCH",
          path: `/api/articles/${articleSlug}?dryRun=1`,
          params: { slug: articleSlug },
          ...b,
        }),
    },
    { name: "POST moderation action", run: (b: Body) => call(moderate, { path: "/api/moderation/actions", ...b }) },
    { name: "POST ban", run: (b: Body) => call(ban, { path: "/api/moderation/bans", ...b }) },
    {
      name: "PATCH user role",
      run: (b: Body) => call(patchRole, { method: "PATCH", path: "/api/moderation/users", ...b }),
    },
    { name: "POST group", run: (b: Body) => call(postGroup, { path: "/api/groups", ...b }) },
    { name: "POST group join", run: (b: Body) => call(joinGroup, { path: "/api/groups/join", ...b }) },
  ];
  type Body = { body: ReadableStream<Uint8Array>; authorization: string };

  it(
    "never answers 5xx, always the error envelope on refusal, and stores nothing when it refuses",
    async () => {
      await withSettings({ floodIntervalMs: 0, duplicateWindowMs: 0 }, async () => {
        for (const endpoint of endpoints()) {
          await fc.assert(
            fc.asyncProperty(body, fc.integer({ min: 0, max: tokens.length - 1 }), async (bytes, who) => {
              const before = await stored();
              const stream = new ReadableStream<Uint8Array>({
                start(c) {
                  c.enqueue(bytes);
                  c.close();
                },
              });
              const r = await endpoint.run({ body: stream, authorization: tokens[who] });
              const label = `${endpoint.name}: ${r.status} ${r.text.slice(0, 200)}`;
              expect(r.status, label).toBeLessThan(500);
              if (r.status >= 400) {
                expect(r.json, label).toEqual({
                  error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
                });
                expect(await stored(), `${label}: a refusal stored something`).toEqual(before);
              }
            }),
            { seed, numRuns: runs, endOnFailure: true },
          );
        }
      });
      // A long run (FUZZ_RUNS) gets up to a second per request; the default count keeps the layer's timeout.
    },
    runs > 12 ? runs * endpoints().length * 1_000 : undefined,
  );
});
