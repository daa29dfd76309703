import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as flagNote } from "@/app/api/annotations/[slug]/[id]/flags/route";
import { DELETE as deleteNote, PUT as putNote } from "@/app/api/annotations/[slug]/[id]/route";
import { POST as postNote } from "@/app/api/annotations/[slug]/route";
import { POST as postComment } from "@/app/api/articles/[slug]/comments/route";
import { POST as reviewDecision } from "@/app/api/articles/[slug]/review/route";
import { PATCH as patchArticle } from "@/app/api/articles/[slug]/route";
import { POST as submitArticle } from "@/app/api/articles/[slug]/submit/route";
import { POST as postArticle } from "@/app/api/articles/route";
import { POST as flagComment } from "@/app/api/comments/[id]/flags/route";
import { PUT as likeComment } from "@/app/api/comments/[id]/like/route";
import { DELETE as deleteComment, PATCH as patchComment } from "@/app/api/comments/[id]/route";
import { POST as moderate } from "@/app/api/moderation/actions/route";
import { DELETE as unban } from "@/app/api/moderation/bans/[email]/route";
import { POST as ban } from "@/app/api/moderation/bans/route";
import { PUT as putSettings } from "@/app/api/moderation/settings/route";
import { PATCH as patchRole } from "@/app/api/moderation/users/route";
import { POST as postReviewNote } from "@/app/api/reviews/[slug]/route";
import { createArticle } from "@/lib/articles/create-article";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { type AccountKind, accountCaller, accountKinds, bearerOf } from "../seed/callers";
import { post } from "../seed/comments";
import { annotateGroup, makeGroup } from "../seed/groups";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// Issue 13: every API mutation × every kind of caller, the expected status per cell in one table,
// compared with what the handlers answer. Callers use real tokens (all the scopes their role
// allows) — except `anonymous` (none), `deleted` (its account was deleted after the token was made)
// and `noScope` (an admin's token with only `read`). Targets are fresh per cell, written by someone else.
// Server actions (the forms) have their own table, with cookie sessions: permission-matrix-actions.test.ts.

type Actor = "anonymous" | AccountKind | "noScope";
const actors: Actor[] = ["anonymous", ...accountKinds, "noScope"];

// `unconfirmed`: a commenter from the sign-up page who has not confirmed the address (its posts
// are held: 202; its reports are stored, weighing nothing).
//                                 anon comm cont uncf  mod  edit admin bann dele noScope
const expected: Record<string, number[]> = {
  "POST comment": [401, 201, 201, 202, 201, 201, 201, 403, 401, 403],
  "PATCH someone's comment": [401, 403, 403, 403, 403, 403, 403, 403, 401, 403],
  "DELETE someone's comment": [401, 403, 403, 403, 403, 403, 403, 403, 401, 403],
  "PUT like": [401, 200, 200, 200, 200, 200, 200, 403, 401, 403],
  "POST comment report": [401, 201, 201, 201, 201, 201, 201, 403, 401, 403],
  "POST note": [401, 201, 201, 202, 201, 201, 201, 403, 401, 403],
  "PUT someone's note": [401, 403, 403, 403, 403, 403, 403, 403, 401, 403],
  "DELETE someone's note": [401, 403, 403, 403, 403, 403, 403, 403, 401, 403],
  "POST note report": [401, 201, 201, 201, 201, 201, 201, 403, 401, 403],
  "POST report on a note in someone's group": [401, 404, 404, 404, 404, 404, 404, 403, 401, 403],
  "POST article": [401, 403, 201, 403, 201, 201, 201, 403, 401, 403],
  "PATCH article": [401, 403, 404, 403, 404, 200, 200, 403, 401, 403],
  "POST moderation action": [401, 403, 403, 403, 200, 200, 200, 403, 401, 403],
  "POST ban": [401, 403, 403, 403, 201, 201, 201, 403, 401, 403],
  "DELETE ban": [401, 403, 403, 403, 200, 200, 200, 403, 401, 403],
  "PUT moderation settings": [401, 403, 403, 403, 403, 200, 200, 403, 401, 403],
  "PATCH user role": [401, 403, 403, 403, 403, 403, 200, 403, 401, 403],
  // The editorial desk (issue 16). Contributors, and moderators above them, write drafts of their own;
  // an editor's published article is not theirs (404); only editors+ decide. Review notes: 404 to
  // anyone but editors+ and the author (a commenter's token has no `articles` scope: 403 before that).
  "POST article as published": [401, 403, 403, 403, 403, 201, 201, 403, 401, 403],
  "POST submit own draft": [401, 403, 200, 403, 200, 200, 200, 403, 401, 403],
  "POST review decision": [401, 403, 403, 403, 403, 200, 200, 403, 401, 403],
  "POST review note (editor's article)": [401, 403, 404, 403, 404, 201, 201, 403, 401, 403],
};

const note = (slug: string, text: string) => ({
  bodyValue: text,
  target: {
    source: `http://localhost/articles/${slug}`,
    selector: { type: "TextQuoteSelector", exact: "passage worth quoting" },
  },
});
const json = (v: unknown) => JSON.stringify(v);
let n = 0;
const unique = (label: string) => `${label} ${++n} ${Date.now()}`;

describe("permission matrix: every API mutation × every caller", () => {
  const tokens = new Map<Actor, string | undefined>();
  let author: Viewer;
  let slug: string;
  beforeAll(async () => {
    author = await member("commenter");
    slug = (await insertArticle()).slug;
    tokens.set("anonymous", undefined);
    for (const kind of accountKinds) tokens.set(kind, (await accountCaller(kind, (v) => bearerOf(v))).credential);
    tokens.set("noScope", await bearerOf(await member("admin"), ["read"]));
  });

  // Each mutation: makes its own fresh target, then calls the handler as `authorization`.
  const mutations: Record<string, (authorization: string | undefined) => Promise<{ status: number; text: string }>> = {
    "POST comment": (authorization) =>
      call(postComment, {
        path: `/api/articles/${slug}/comments`,
        params: { slug },
        body: json({ body: unique("Comment") }),
        authorization,
      }),
    "PATCH someone's comment": async (authorization) => {
      const c = await post(author, slug, unique("Theirs"));
      return call(patchComment, {
        method: "PATCH",
        path: `/api/comments/${c.id}`,
        params: { id: c.id },
        body: json({ body: "Changed" }),
        authorization,
      });
    },
    "DELETE someone's comment": async (authorization) => {
      const c = await post(author, slug, unique("Theirs"));
      return call(deleteComment, {
        method: "DELETE",
        path: `/api/comments/${c.id}`,
        params: { id: c.id },
        authorization,
      });
    },
    "PUT like": async (authorization) => {
      const c = await post(author, slug, unique("Likeable"));
      return call(likeComment, {
        method: "PUT",
        path: `/api/comments/${c.id}/like`,
        params: { id: c.id },
        authorization,
      });
    },
    "POST comment report": async (authorization) => {
      const c = await post(author, slug, unique("Reportable"));
      return call(flagComment, {
        path: `/api/comments/${c.id}/flags`,
        params: { id: c.id },
        body: json({ reason: "spam" }),
        authorization,
      });
    },
    "POST note": (authorization) =>
      call(postNote, {
        path: `/api/annotations/${slug}/`,
        params: { slug },
        body: json(note(slug, unique("Note"))),
        authorization,
      }),
    "PUT someone's note": async (authorization) => {
      const a = await annotate(author, slug, unique("Their note"));
      return call(putNote, {
        method: "PUT",
        path: `/api/annotations/${slug}/${a.id}`,
        params: { slug, id: a.id },
        body: json(note(slug, "Changed")),
        authorization,
      });
    },
    "DELETE someone's note": async (authorization) => {
      const a = await annotate(author, slug, unique("Their note"));
      return call(deleteNote, {
        method: "DELETE",
        path: `/api/annotations/${slug}/${a.id}`,
        params: { slug, id: a.id },
        authorization,
      });
    },
    "POST note report": async (authorization) => {
      const a = await annotate(author, slug, unique("Reportable note"));
      return call(flagNote, {
        path: `/api/annotations/${slug}/${a.id}/flags`,
        params: { slug, id: a.id },
        body: json({ reason: "spam" }),
        authorization,
      });
    },
    "POST report on a note in someone's group": async (authorization) => {
      const [owner, student] = [await member("commenter"), await member("commenter")];
      const group = await makeGroup(owner, [student], unique("Group"));
      const a = await annotateGroup(student, slug, group.id, unique("A group note"));
      return call(flagNote, {
        path: `/api/annotations/${slug}/${a.id}/flags`,
        params: { slug, id: a.id },
        body: json({ reason: "spam" }),
        authorization,
      });
    },
    "POST article": (authorization) =>
      call(postArticle, {
        path: "/api/articles",
        body: json({ title: unique("Matrix article"), body: "A body." }),
        authorization,
      }),
    "PATCH article": async (authorization) => {
      const editor = await member("editor");
      const a = await createArticle(editor, { title: unique("Patchable"), body: "First.", status: "published" });
      return call(patchArticle, {
        method: "PATCH",
        path: `/api/articles/${a.slug}`,
        params: { slug: a.slug },
        body: json({ title: "Patched" }),
        authorization,
      });
    },
    "POST moderation action": async (authorization) => {
      const c = await post(author, slug, unique("Moderated"));
      return call(moderate, {
        path: "/api/moderation/actions",
        body: json({ type: "comment", ids: [c.id], action: "trash" }),
        authorization,
      });
    },
    "POST ban": async (authorization) => {
      const target = await member("commenter");
      return call(ban, {
        path: "/api/moderation/bans",
        body: json({ email: target.email, duration: "1d", reason: "matrix" }),
        authorization,
      });
    },
    "DELETE ban": async (authorization) => {
      const target = await member("commenter");
      await db.user.update({ where: { id: target.id }, data: { status: "banned", bannedUntil: null } });
      return call(unban, {
        method: "DELETE",
        path: `/api/moderation/bans/${encodeURIComponent(target.email)}`,
        params: { email: target.email },
        authorization,
      });
    },
    "PUT moderation settings": async (authorization) => {
      const s = await getSettings();
      const body = {
        holdFirstContribution: s.holdFirstContribution,
        linkHoldThreshold: s.linkHoldThreshold,
        moderationWords: s.moderationWords,
        disallowedWords: s.disallowedWords,
        holdAll: s.holdAll,
        closeAfterDays: s.closeAfterDays,
        reportThreshold: s.reportThreshold,
      };
      return call(putSettings, { method: "PUT", path: "/api/moderation/settings", body: json(body), authorization });
    },
    "POST article as published": (authorization) =>
      call(postArticle, {
        path: "/api/articles",
        body: json({ title: unique("Matrix published"), body: "A body.", status: "published" }),
        authorization,
      }),
    // Each caller submits a draft of their own (made with the caller's own account through the same token).
    "POST submit own draft": async (authorization) => {
      const made = await call(postArticle, {
        path: "/api/articles",
        body: json({ title: unique("Own draft"), body: "A body." }),
        authorization,
      });
      const own =
        made.status === 201
          ? (JSON.parse(made.text) as { slug: string }).slug
          : (await createArticle(await member("contributor"), { title: unique("Someone's draft"), body: "B." })).slug;
      return call(submitArticle, { path: `/api/articles/${own}/submit`, params: { slug: own }, authorization });
    },
    "POST review decision": async (authorization) => {
      const a = await createArticle(await member("contributor"), { title: unique("Under review"), body: "A body." });
      await db.article.update({ where: { slug: a.slug }, data: { status: "pending_review", submittedAt: new Date() } });
      return call(reviewDecision, {
        path: `/api/articles/${a.slug}/review`,
        params: { slug: a.slug },
        body: json({ decision: "changes", message: "More." }),
        authorization,
      });
    },
    "POST review note (editor's article)": async (authorization) => {
      const a = await createArticle(await member("editor"), {
        title: unique("Editor's draft"),
        body: "A passage worth quoting here.",
      });
      return call(postReviewNote, {
        path: `/api/reviews/${a.slug}/`,
        params: { slug: a.slug },
        body: json(note(a.slug, unique("Review"))),
        authorization,
      });
    },
    "PATCH user role": async (authorization) => {
      const target = await member("commenter");
      return call(patchRole, {
        method: "PATCH",
        path: "/api/moderation/users",
        body: json({ email: target.email, role: "moderator" }),
        authorization,
      });
    },
  };

  it("answers the expected status in every cell", async () => {
    expect(Object.keys(mutations).sort()).toEqual(Object.keys(expected).sort());
    const actual: Record<string, number[]> = {};
    const bodies: string[] = [];
    await withSettings({ floodIntervalMs: 0, duplicateWindowMs: 0, holdFirstContribution: false }, async () => {
      for (const [name, run] of Object.entries(mutations)) {
        actual[name] = [];
        for (const actor of actors) {
          const r = await run(tokens.get(actor));
          actual[name].push(r.status);
          if (r.status !== expected[name][actors.indexOf(actor)])
            bodies.push(`${name} as ${actor}: ${r.status} ${r.text.slice(0, 160)}`);
        }
      }
    });
    expect(actual, bodies.join("\n")).toEqual(expected);
    // 144 cells, each with its own target: well under a minute, but more on a busy machine.
  }, 300_000);
});
