import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { trashArticle } from "@/lib/articles/trash-article";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { isAppError, unstorableTextError } from "@/lib/errors";
import { mailSettled } from "@/lib/mail/deliver-later";
import { getSettings } from "@/lib/settings/get-settings";
import { createApiToken } from "@/lib/users/api-tokens";
import { insertArticle } from "../seed/articles";
import { type AccountKind, accountCaller, accountKinds, signedIn } from "../seed/callers";
import { post } from "../seed/comments";
import { annotateGroup, makeGroup } from "../seed/groups";
import { withSettings } from "../seed/settings";
import { defaultPassword, member } from "../seed/users";

// Issue 13: the permission matrix's second half — every server action (lib/actions/**, the forms)
// × every kind of caller, the expected outcome per cell in one table, compared with what the action
// does. The API half is permission-matrix.test.ts.
//
// Callers come the way a browser does: a real session row inside a real Auth.js session cookie
// (an encrypted JWT), which the stand-in for `auth()` below decodes and checks against the database
// as auth.ts's jwt callback does. `token` is an admin's personal access token with every scope, sent
// as `Authorization: Bearer` and no cookie: server actions must refuse tokens altogether (401).
// `deleted` signed in, then its account was deleted; `banned` has a live session and a permanent ban.
//
// A cell's outcome is the HTTP status the refusal's AppError maps to (the form shows its message),
// 200 when the action did its work, 202 when a comment was held. Each refused cell must also leave
// the database exactly as it was (every table's row count and newest row version, taken around the
// call); each done cell must change it (except the dry-run preview, which never writes).

const scope = vi.hoisted(() => ({
  headers: new Headers(),
  lastError: undefined as unknown,
  signedOut: 0,
}));

vi.mock("next/headers", () => ({
  headers: async () => scope.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set() {}, delete() {} }),
}));
// Outside a request Next's refresh() would throw; what it re-renders is not this test's business.
vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  refresh: () => {},
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
}));
// Every refusal a form shows passes through formError: keep the error to read its code.
vi.mock("@/lib/http/form-state", async (original) => {
  const real = await original<typeof import("@/lib/http/form-state")>();
  return {
    ...real,
    formError: (e: unknown, values?: Record<string, string>) => {
      scope.lastError = e;
      return real.formError(e, values);
    },
  };
});
// Auth.js reads the session cookie only (never a bearer token); its jwt callback (auth.ts) checks
// the session row and the account live. This stand-in does the same with the same parts.
vi.mock("@/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    auth: async () => {
      const cookie = scope.headers.get("cookie");
      if (!cookie) return null;
      const { readRequestIdentity } = await import("@/lib/auth/read-session-viewer");
      const { userOfSession } = await import("@/lib/users/sessions");
      const who = await readRequestIdentity(new Headers({ cookie }));
      if (!who || !("sessionToken" in who)) return null;
      const u = await userOfSession(who.sessionToken);
      if (!u) return null;
      return {
        user: { ...u, bannedUntil: u.bannedUntil?.toISOString() ?? null },
        expires: new Date(Date.now() + 3_600_000).toISOString(),
      };
    },
    signIn: async () => {
      throw new Error("signIn is not part of this matrix");
    },
    signOut: async ({ redirectTo }: { redirectTo: string }) => {
      scope.signedOut++;
      redirect(redirectTo);
    },
  };
});

const accountActions = await import("@/lib/actions/account/manage-account");
const { resendConfirmationAction } = await import("@/lib/actions/account/email-confirmation");
const { replyMailAction } = await import("@/lib/actions/account/reply-mail");
const desk = await import("@/lib/actions/articles/desk-article");
const { restoreRevisionAction } = await import("@/lib/actions/articles/restore-revision");
const studio = await import("@/lib/actions/articles/save-article");
const trash = await import("@/lib/actions/articles/trash-article");
const { deleteCommentAction } = await import("@/lib/actions/comments/delete-comment");
const { editCommentAction } = await import("@/lib/actions/comments/edit-comment");
const { likeCommentAction } = await import("@/lib/actions/comments/like-comment");
const { postCommentAction } = await import("@/lib/actions/comments/post-comment");
const { reportCommentAction } = await import("@/lib/actions/comments/report-comment");
const bans = await import("@/lib/actions/moderation/ban-user");
const { changeRoleAction } = await import("@/lib/actions/moderation/change-user-role");
const { moderateQueueAction } = await import("@/lib/actions/moderation/moderate-queue");
const { updateCreditLineAction } = await import("@/lib/actions/moderation/update-credit-line");
const { updateSettingsAction } = await import("@/lib/actions/moderation/update-settings");
const { markNotificationsReadAction } = await import("@/lib/actions/notifications/mark-notifications-read");
const { createGroupAction } = await import("@/lib/actions/groups/create-group");
const { joinGroupAction } = await import("@/lib/actions/groups/join-group");
const runGroup = await import("@/lib/actions/groups/run-group");

type Actor = "anonymous" | AccountKind | "token";
const actors: Actor[] = ["anonymous", ...accountKinds, "token"];

// "own …" rows act on the caller's own account or work (for `anonymous`, on someone else's; for
// `token`, on the token owner's — the token itself, for "revoke own token"); "someone's …" rows on
// another account's, made fresh per cell. 200 = done, 202 = held for moderation.
//                                          anon comm cont uncf  mod  edit admin bann dele token
const expected: Record<string, number[]> = {
  "resend own confirmation link": [401, 409, 409, 200, 409, 409, 409, 409, 401, 401],
  "update own name": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "update own bio": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "update own picture": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "change own e-mail address": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "change own password": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "create a token": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "revoke own token": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "sign out everywhere": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "delete own account": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "save own mail settings": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "mark own notifications read": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "post comment": [401, 200, 200, 202, 200, 200, 200, 403, 401, 401],
  "edit someone's comment": [401, 403, 403, 403, 403, 403, 403, 403, 401, 401],
  "delete someone's comment": [401, 403, 403, 403, 403, 403, 403, 403, 401, 401],
  "like someone's comment": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "report someone's comment": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "create article": [401, 403, 200, 403, 200, 200, 200, 403, 401, 401],
  "update someone's published article": [401, 403, 404, 403, 404, 200, 200, 403, 401, 401],
  "preview someone's article edit": [401, 403, 404, 403, 404, 200, 200, 403, 401, 401],
  "submit own draft": [401, 403, 200, 403, 200, 200, 200, 403, 401, 401],
  "withdraw own submission": [401, 403, 200, 403, 200, 200, 200, 403, 401, 401],
  "review decision": [401, 403, 403, 403, 403, 200, 200, 403, 401, 401],
  "restore a revision": [401, 403, 404, 403, 404, 200, 200, 403, 401, 401],
  "trash an article": [401, 403, 403, 403, 403, 200, 200, 403, 401, 401],
  "restore an article from trash": [401, 403, 403, 403, 403, 200, 200, 403, 401, 401],
  "moderate a queue item": [401, 403, 403, 403, 200, 200, 200, 403, 401, 401],
  ban: [401, 403, 403, 403, 200, 200, 200, 403, 401, 401],
  unban: [401, 403, 403, 403, 200, 200, 200, 403, 401, 401],
  "change a user's role": [401, 403, 403, 403, 403, 403, 200, 403, 401, 401],
  "update the credit line": [401, 403, 403, 403, 403, 200, 200, 403, 401, 401],
  "update moderation settings": [401, 403, 403, 403, 403, 200, 200, 403, 401, 401],
  "create a group": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "join a group by its link": [401, 200, 200, 200, 200, 200, 200, 403, 401, 401],
  "leave own group": [401, 200, 200, 200, 200, 200, 200, 200, 401, 401],
  "remove a member of someone's group": [401, 404, 404, 404, 404, 404, 404, 403, 401, 401],
  "remove a note from someone's group": [401, 404, 404, 404, 404, 404, 200, 403, 401, 401],
  "keep a reported note in someone's group": [401, 404, 404, 404, 404, 404, 200, 403, 401, 401],
};

// Actions that need no account (signing in and up, the mailed links): the matrix leaves them out;
// a bearer token is as good as nothing to them. Every other exported action must have a row.
const publicActions: Record<string, string> = {
  signInAction: "signs in",
  signUpAction: "makes an account (limited per address)",
  signInWithProviderAction: "hands over to GitHub/Google",
  signOutAction: "ends the browser's own session",
  forgotPasswordAction: "answers the same for any address",
  resetPasswordAction: "needs the mailed link's token",
  confirmEmailAction: "needs the mailed link's token",
  unsubscribeReplyMailAction: "needs the mail's signed link",
};
// Each row's action(s), to prove every exported action is covered.
const covers: Record<string, string> = {
  resendConfirmationAction: "resend own confirmation link",
  updateNameAction: "update own name",
  updateBioAction: "update own bio",
  updateAvatarAction: "update own picture",
  changeEmailAction: "change own e-mail address",
  changePasswordAction: "change own password",
  createTokenAction: "create a token",
  revokeTokenAction: "revoke own token",
  signOutEverywhereAction: "sign out everywhere",
  deleteAccountAction: "delete own account",
  replyMailAction: "save own mail settings",
  markNotificationsReadAction: "mark own notifications read",
  postCommentAction: "post comment",
  editCommentAction: "edit someone's comment",
  deleteCommentAction: "delete someone's comment",
  likeCommentAction: "like someone's comment",
  reportCommentAction: "report someone's comment",
  createArticleAction: "create article",
  updateArticleAction: "update someone's published article",
  previewImpactAction: "preview someone's article edit",
  submitArticleAction: "submit own draft",
  withdrawArticleAction: "withdraw own submission",
  reviewArticleAction: "review decision",
  restoreRevisionAction: "restore a revision",
  trashArticleAction: "trash an article",
  restoreArticleAction: "restore an article from trash",
  moderateQueueAction: "moderate a queue item",
  banAction: "ban",
  unbanAction: "unban",
  changeRoleAction: "change a user's role",
  updateCreditLineAction: "update the credit line",
  updateSettingsAction: "update moderation settings",
  createGroupAction: "create a group",
  joinGroupAction: "join a group by its link",
  leaveGroupAction: "leave own group",
  removeGroupMemberAction: "remove a member of someone's group",
  removeGroupNoteAction: "remove a note from someone's group",
  keepGroupNoteAction: "keep a reported note in someone's group",
};

type Caller = { actor: Actor; headers: Headers; owner: Viewer | null; tokenId?: string };

/** A caller of each kind, made from scratch (real accounts, sessions and tokens). */
async function makeCaller(actor: Actor): Promise<Caller> {
  if (actor === "anonymous") return { actor, headers: new Headers(), owner: null };
  if (actor === "token") {
    const owner = await member("admin");
    const t = await createApiToken(owner, {
      name: "stolen",
      scopes: ["read", "comments", "annotations", "articles", "moderation"],
    });
    return { actor, headers: new Headers({ authorization: `Bearer ${t.secret}` }), owner, tokenId: t.id };
  }
  const { owner, credential: headers } = await accountCaller(actor, signedIn);
  return { actor, headers, owner };
}

const form = (fields: Record<string, string | string[] | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) f.append(k, one as string | Blob);
  return f;
};
let n = 0;
const unique = (label: string) => `${label} ${++n} ${Date.now()}`;
const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Someone's article that an editor published, with a passage notes can quote. */
const publishedByEditor = async () =>
  createArticle(await member("editor"), {
    title: unique("Published"),
    body: "A passage worth quoting here.",
    status: "published",
  });

/** A draft the caller's own account wrote when it may, else someone's (as the API matrix does). */
async function ownDraft(caller: Caller) {
  try {
    if (caller.owner) return await createArticle(caller.owner, { title: unique("Own draft"), body: "A body." });
  } catch {}
  return createArticle(await member("contributor"), { title: unique("Someone's draft"), body: "A body." });
}

type Prepared = () => Promise<unknown>;
type Row = {
  /** Make this row's targets for `caller`; return the call. */
  prepare: (caller: Caller, slug: string) => Promise<Prepared>;
  /** The row ends or changes the caller's session or account: a fresh caller per cell. */
  fresh?: boolean;
  /** A dry run: done without writing. */
  readOnly?: boolean;
};
const none = {};

const rows: Record<string, Row> = {
  "resend own confirmation link": {
    prepare: async () => () => resendConfirmationAction(none, form({})),
  },
  "update own name": {
    prepare: async () => () => accountActions.updateNameAction(none, form({ name: unique("Renamed") })),
  },
  "update own bio": {
    prepare: async () => () => accountActions.updateBioAction(none, form({ bio: unique("A new bio") })),
  },
  "update own picture": {
    prepare: async () => () =>
      accountActions.updateAvatarAction(
        none,
        form({ avatar: new File([new Uint8Array(tinyPng)], "me.png", { type: "image/png" }) }),
      ),
  },
  "change own e-mail address": {
    prepare: async () => () =>
      accountActions.changeEmailAction(
        none,
        form({ email: `moved-${++n}-${Date.now()}@matrix.test`, password: defaultPassword }),
      ),
  },
  "change own password": {
    fresh: true,
    prepare: async () => () =>
      accountActions.changePasswordAction(
        none,
        form({ currentPassword: defaultPassword, newPassword: "a-new-password-4242" }),
      ),
  },
  "create a token": {
    prepare: async () => () => accountActions.createTokenAction(none, form({ name: unique("Mine"), scopes: ["read"] })),
  },
  "revoke own token": {
    fresh: true,
    prepare: async (caller) => {
      const id =
        caller.tokenId ??
        (await createApiToken(caller.owner ?? (await member("commenter")), { name: "to revoke", scopes: ["read"] })).id;
      return () => accountActions.revokeTokenAction(form({ id }));
    },
  },
  "sign out everywhere": {
    fresh: true,
    prepare: async () => () => accountActions.signOutEverywhereAction(),
  },
  "delete own account": {
    fresh: true,
    prepare: async () => () =>
      accountActions.deleteAccountAction(none, form({ confirm: "DELETE", password: defaultPassword })),
  },
  "save own mail settings": {
    fresh: true,
    prepare: async () => () => replyMailAction(form({ notify: "on", notifyFollowed: "on" })),
  },
  "mark own notifications read": {
    prepare: async (caller) => {
      const recipient = caller.owner ?? (await member("commenter"));
      await db.notification.create({
        data: { userId: recipient.id, type: "reply", url: "/notifications", excerpt: unique("Unread") },
      });
      return () => markNotificationsReadAction(form({ all: "1" }));
    },
  },
  "post comment": {
    prepare: async (_caller, slug) => () => postCommentAction(none, form({ slug, body: unique("Comment") })),
  },
  "edit someone's comment": {
    prepare: async (_caller, slug) => {
      const c = await post(await member("commenter"), slug, unique("Theirs"));
      return () => editCommentAction(none, form({ id: c.id, body: "Changed" }));
    },
  },
  "delete someone's comment": {
    prepare: async (_caller, slug) => {
      const c = await post(await member("commenter"), slug, unique("Theirs"));
      return () => deleteCommentAction(none, form({ id: c.id }));
    },
  },
  "like someone's comment": {
    prepare: async (_caller, slug) => {
      const c = await post(await member("commenter"), slug, unique("Likeable"));
      return () => likeCommentAction(none, form({ id: c.id, liked: "1" }));
    },
  },
  "report someone's comment": {
    prepare: async (_caller, slug) => {
      const c = await post(await member("commenter"), slug, unique("Reportable"));
      return () => reportCommentAction(none, form({ id: c.id, reason: "spam" }));
    },
  },
  "create article": {
    prepare: async () => () =>
      studio.createArticleAction(
        { title: unique("Studio article"), body: "A body." },
        { slugFromTitle: true, intent: "save" },
      ),
  },
  "update someone's published article": {
    prepare: async () => {
      const a = await publishedByEditor();
      return () => studio.updateArticleAction(a.slug, { title: "Patched" }, { slugFromTitle: false, intent: "save" });
    },
  },
  "preview someone's article edit": {
    readOnly: true,
    prepare: async () => {
      const a = await publishedByEditor();
      return () => studio.previewImpactAction(a.slug, { body: "A passage worth quoting, changed." });
    },
  },
  "submit own draft": {
    prepare: async (caller) => {
      const a = await ownDraft(caller);
      return () => desk.submitArticleAction(form({ slug: a.slug }));
    },
  },
  "withdraw own submission": {
    prepare: async (caller) => {
      const a = await ownDraft(caller);
      await db.article.update({ where: { slug: a.slug }, data: { status: "pending_review", submittedAt: new Date() } });
      return () => desk.withdrawArticleAction(form({ slug: a.slug }));
    },
  },
  "review decision": {
    prepare: async () => {
      const a = await createArticle(await member("contributor"), { title: unique("Under review"), body: "A body." });
      await db.article.update({ where: { slug: a.slug }, data: { status: "pending_review", submittedAt: new Date() } });
      return () => desk.reviewArticleAction(form({ slug: a.slug, decision: "changes", message: "More, please." }));
    },
  },
  "restore a revision": {
    prepare: async () => {
      const editor = await member("editor");
      const a = await createArticle(editor, { title: unique("Revised"), body: "First body.", status: "published" });
      await updateArticle(editor, a.slug, { body: "Second body.", status: "published" });
      return () => restoreRevisionAction(form({ slug: a.slug, number: "1", baseRevision: "2" }));
    },
  },
  "trash an article": {
    prepare: async () => {
      const a = await publishedByEditor();
      return () => trash.trashArticleAction(form({ slug: a.slug }));
    },
  },
  "restore an article from trash": {
    prepare: async () => {
      const editor = await member("editor");
      const a = await createArticle(editor, { title: unique("Trashed"), body: "A body." });
      await trashArticle(editor, a.slug);
      return () => trash.restoreArticleAction(form({ slug: a.slug }));
    },
  },
  "moderate a queue item": {
    prepare: async (_caller, slug) => {
      const c = await post(await member("commenter"), slug, unique("Moderated"));
      return () => moderateQueueAction(none, form({ op: `trash:comment:${c.id}` }));
    },
  },
  ban: {
    prepare: async () => {
      const target = await member("commenter");
      return () => bans.banAction(none, form({ email: target.email, duration: "1d", reason: "matrix" }));
    },
  },
  unban: {
    prepare: async () => {
      const target = await member("commenter");
      await db.user.update({ where: { id: target.id }, data: { status: "banned", bannedUntil: null } });
      return () => bans.unbanAction(none, form({ email: target.email }));
    },
  },
  "change a user's role": {
    prepare: async () => {
      const target = await member("commenter");
      return () => changeRoleAction(none, form({ email: target.email, role: "moderator" }));
    },
  },
  "update the credit line": {
    prepare: async () => () => updateCreditLineAction(none, form({ creditLine: unique("Credit") })),
  },
  "create a group": {
    prepare: async () => () => createGroupAction(none, form({ name: unique("Seminar"), description: "" })),
  },
  "join a group by its link": {
    prepare: async (_caller, slug) => {
      const { token } = await someonesGroup(slug);
      return () => joinGroupAction(none, form({ token }));
    },
  },
  "leave own group": {
    prepare: async (caller, slug) => {
      const g = await someonesGroup(slug);
      // The caller's own membership (made directly: a banned account cannot join, but may leave).
      if (caller.owner) await db.groupMember.create({ data: { groupId: g.id, userId: caller.owner.id } });
      return () => runGroup.leaveGroupAction(none, form({ group: g.id }));
    },
  },
  "remove a member of someone's group": {
    prepare: async (_caller, slug) => {
      const g = await someonesGroup(slug);
      return () => runGroup.removeGroupMemberAction(none, form({ group: g.id, user: g.student.id }));
    },
  },
  "remove a note from someone's group": {
    prepare: async (_caller, slug) => {
      const g = await someonesGroup(slug);
      return () => runGroup.removeGroupNoteAction(none, form({ group: g.id, note: g.note.id }));
    },
  },
  "keep a reported note in someone's group": {
    prepare: async (_caller, slug) => {
      const g = await someonesGroup(slug);
      await db.report.create({ data: { annotationId: g.note.id, reporterId: g.owner.id, reason: "spam" } });
      return () => runGroup.keepGroupNoteAction(none, form({ group: g.id, note: g.note.id }));
    },
  },
  "update moderation settings": {
    prepare: async () => {
      const s = await getSettings();
      // A new reviewed word each time, so a done cell changes something.
      return () =>
        updateSettingsAction(
          none,
          form({
            linkHoldThreshold: String(s.linkHoldThreshold),
            reportThreshold: String(s.reportThreshold),
            closeAfterDays: s.closeAfterDays === null ? "" : String(s.closeAfterDays),
            moderationWords: [...s.moderationWords, `matrixword${++n}`].join("\n"),
            disallowedWords: s.disallowedWords.join("\n"),
            holdFirstContribution: s.holdFirstContribution ? "on" : "",
            holdAll: s.holdAll ? "on" : "",
          }),
        );
    },
  },
};

/** Someone's reading group with a member who wrote a note in it (issue 19). */
async function someonesGroup(slug: string) {
  const [owner, student] = [await member("commenter"), await member("commenter")];
  const group = await makeGroup(owner, [student], unique("Group"));
  const note = await annotateGroup(student, slug, group.id, unique("A group note"));
  return { ...group, owner, student, note };
}

/**
 * A fingerprint of every table but the rate-limit counters: its row count and the newest row
 * version (`xmin`, the writing transaction's id). An insert raises the count, a delete lowers it,
 * and an update (even one that writes the same values) leaves a row version newer than any before
 * — transactions here run one after another, and mail sent after the answer is awaited first.
 * Cheap enough to take twice per cell on a database every other test file has filled too.
 */
let checksumSql = "";
async function checksum(): Promise<string> {
  await mailSettled();
  if (!checksumSql) {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('_prisma_migrations', 'RateLimit') ORDER BY table_name`,
    );
    checksumSql = `SELECT string_agg(h, ',' ORDER BY name) AS sum FROM (${tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, '${name}:' || count(*) || ':' || coalesce(max(t.xmin::text::bigint), 0) AS h FROM "${name}" t`,
      )
      .join(" UNION ALL ")}) x`;
  }
  return (await db.$queryRawUnsafe<{ sum: string }[]>(checksumSql))[0].sum;
}

const redirectTarget = (e: unknown) => {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : undefined;
};

/** What one call came to: the refusal's status, or 200 (done) / 202 (held). */
async function outcome(call: Prepared): Promise<{ status: number; detail: string }> {
  scope.lastError = undefined;
  let result: unknown;
  let to: string | undefined;
  try {
    result = await call();
  } catch (e) {
    to = redirectTarget(e);
    if (to === undefined) {
      if (isAppError(e)) return { status: e.status, detail: e.message };
      throw e;
    }
  }
  if (scope.lastError !== undefined) {
    const e = unstorableTextError(scope.lastError) ?? scope.lastError;
    return isAppError(e) ? { status: e.status, detail: e.message } : { status: 500, detail: String(e) };
  }
  const r = result as { ok?: boolean; conflict?: boolean; message?: string } | undefined;
  if (r?.ok === false) return { status: r.conflict ? 409 : 500, detail: r.message ?? "" };
  if (to?.includes("posted=")) return { status: 202, detail: to };
  return { status: 200, detail: to ?? JSON.stringify(result)?.slice(0, 120) ?? "" };
}

describe("permission matrix: every server action × every caller", () => {
  const callers = new Map<Actor, Caller>();
  let slug: string;
  beforeAll(async () => {
    slug = (await insertArticle()).slug;
    for (const actor of actors) callers.set(actor, await makeCaller(actor));
  });

  it("covers every exported action (or names it as needing no account)", async () => {
    // Read from the sources (importing sign-in.ts would load Auth.js itself, which needs Next's runtime).
    const dir = path.resolve(process.cwd(), "lib/actions");
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith("form-action.ts"));
    const exported = files.flatMap((f) =>
      [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/^export (?:async function|const) (\w+)/gm)].map(
        (m) => m[1],
      ),
    );
    expect(exported.length).toBeGreaterThan(30);
    expect(exported.filter((name) => !(name in covers) && !(name in publicActions))).toEqual([]);
    expect(Object.keys(rows).sort()).toEqual(Object.keys(expected).sort());
    expect([...new Set(Object.values(covers))].sort()).toEqual(Object.keys(expected).sort());
  });

  it("does what the table says in every cell, and a refusal stores nothing", async () => {
    const actual: Record<string, number[]> = {};
    const wrong: string[] = [];
    await withSettings({ floodIntervalMs: 0, duplicateWindowMs: 0, holdFirstContribution: false }, async () => {
      for (const [name, row] of Object.entries(rows)) {
        actual[name] = [];
        for (const actor of actors) {
          const caller = row.fresh ? await makeCaller(actor) : callers.get(actor)!;
          const call = await row.prepare(caller, slug);
          scope.headers = caller.headers;
          const before = await checksum();
          const { status, detail } = await outcome(call);
          const after = await checksum();
          scope.headers = new Headers();
          actual[name].push(status);
          const want = expected[name][actors.indexOf(actor)];
          if (status !== want) wrong.push(`${name} as ${actor}: ${status} ${detail}`);
          else if (status >= 400 && after !== before) wrong.push(`${name} as ${actor}: refused (${status}) but stored`);
          else if (status < 400 && !row.readOnly && after === before)
            wrong.push(`${name} as ${actor}: done (${status}) but nothing changed`);
        }
      }
    });
    expect(wrong, wrong.join("\n")).toEqual([]);
    expect(actual).toEqual(expected);
  }, 600_000);
});
