import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors";
import { actOnItems } from "@/lib/moderation/act-on-items";
import { actOnSelection } from "@/lib/moderation/act-on-selection";
import { banUser, unbanUser } from "@/lib/moderation/ban-user";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { listAuditLog } from "@/lib/moderation/list-audit-log";
import { listQueue } from "@/lib/moderation/list-queue";
import { listUsers } from "@/lib/moderation/list-users";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";
import { defaultSettings } from "@/lib/settings/get-settings";
import { insertArticle } from "../seed/articles";
import { storedComment } from "../seed/comments";
import { withSettings } from "../seed/settings";
import { member } from "../seed/users";
import { expectAppError } from "./helpers";

// The permission table: every moderation action for every kind of viewer. "ok" means the action
// went through; otherwise the AppError code it must be refused with (and nothing changes).
type Who = "anonymous" | "commenter" | "banned" | "moderator" | "editor" | "admin" | "banned moderator";
const who: Who[] = ["anonymous", "commenter", "banned", "moderator", "editor", "admin", "banned moderator"];
type Outcome = "ok" | ErrorCode;

const rules = {
  holdFirstContribution: defaultSettings.holdFirstContribution,
  linkHoldThreshold: defaultSettings.linkHoldThreshold,
  moderationWords: [],
  disallowedWords: [],
  holdAll: false,
  closeAfterDays: null,
  reportThreshold: defaultSettings.reportThreshold,
};

let article: { id: string; slug: string };
let author: Viewer;
const viewers = new Map<Who, Viewer | null>();

/** Each action makes its own target, so one row of the table never depends on another. */
const actions: Record<string, (v: Viewer | null) => Promise<unknown>> = {
  "list the queue": (v) => listQueue(v, { status: "pending" }),
  "read the audit log": (v) => listAuditLog(v),
  "list users": (v) => listUsers(v),
  approve: async (v) =>
    actOnItems(v, { type: "comment", ids: [await storedComment(article.id, author.id, "pending")], action: "approve" }),
  spam: async (v) =>
    actOnItems(v, { type: "comment", ids: [await storedComment(article.id, author.id, "pending")], action: "spam" }),
  trash: async (v) =>
    actOnItems(v, { type: "comment", ids: [await storedComment(article.id, author.id, "approved")], action: "trash" }),
  restore: async (v) =>
    actOnItems(v, { type: "comment", ids: [await storedComment(article.id, author.id, "trash")], action: "restore" }),
  "dismiss reports": async (v) =>
    actOnItems(v, {
      type: "comment",
      ids: [await storedComment(article.id, author.id, "pending", ["reported:3"])],
      action: "dismiss_reports",
    }),
  "bulk spam": async (v) =>
    actOnSelection(v, {
      items: [
        { type: "comment", id: await storedComment(article.id, author.id, "pending") },
        { type: "comment", id: await storedComment(article.id, author.id, "pending") },
      ],
      action: "spam",
    }),
  "delete permanently": async (v) =>
    actOnItems(v, {
      type: "comment",
      ids: [await storedComment(article.id, author.id, "trash")],
      action: "delete_permanently",
    }),
  ban: async (v) => banUser(v, { email: (await member()).email, duration: "1d", reason: "Permission table" }),
  unban: async (v) => {
    const target = await member();
    await db.user.update({ where: { id: target.id }, data: { status: "banned", bannedUntil: null, banReason: "x" } });
    return unbanUser(v, target.email);
  },
  "change a role": async (v) => changeUserRole(v, { email: (await member()).email, role: "moderator" }),
  "change the rules": (v) => updateModerationSettings(v, rules),
};

const denied = (w: Who): ErrorCode => (w === "anonymous" ? "unauthorized" : "forbidden");
const expected: Record<string, (w: Who) => Outcome> = {
  "list the queue": (w) => (["moderator", "editor", "admin", "banned moderator"].includes(w) ? "ok" : denied(w)),
  "read the audit log": (w) => (["moderator", "editor", "admin", "banned moderator"].includes(w) ? "ok" : denied(w)),
  "list users": (w) => (["moderator", "editor", "admin", "banned moderator"].includes(w) ? "ok" : denied(w)),
  approve: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  spam: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  trash: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  restore: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  "dismiss reports": (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  "bulk spam": (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  "delete permanently": (w) => (w === "admin" ? "ok" : denied(w)),
  ban: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  unban: (w) => (["moderator", "editor", "admin"].includes(w) ? "ok" : denied(w)),
  "change a role": (w) => (w === "admin" ? "ok" : denied(w)),
  "change the rules": (w) => (["editor", "admin"].includes(w) ? "ok" : denied(w)),
};

describe("the moderation permission table", () => {
  beforeAll(async () => {
    article = await insertArticle();
    author = await member();
    viewers.set("anonymous", null);
    for (const w of ["commenter", "moderator", "editor", "admin"] as const) viewers.set(w, await member(w));
    const banned = await member();
    const bannedModerator = await member("moderator");
    await db.user.updateMany({
      where: { id: { in: [banned.id, bannedModerator.id] } },
      data: { status: "banned", bannedUntil: null, banReason: "table" },
    });
    viewers.set("banned", { ...banned, status: "banned" });
    viewers.set("banned moderator", { ...bannedModerator, status: "banned" });
  });

  for (const [name, run] of Object.entries(actions)) {
    it(name, async () => {
      await withSettings(rules, async () => {
        for (const w of who) {
          const outcome = expected[name](w);
          const entriesBefore = await db.auditEntry.count();
          if (outcome === "ok") await expect(run(viewers.get(w)!), `${w} may ${name}`).resolves.toBeDefined();
          else {
            await expectAppError(run(viewers.get(w)!), outcome);
            expect(await db.auditEntry.count(), `a refused ${name} by ${w} logs nothing`).toBe(entriesBefore);
          }
        }
      });
    });
  }
});
