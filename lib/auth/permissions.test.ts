import { describe, expect, it } from "vitest";
import { pageDoor } from "./page-door";
import { can, isWriting, leastRoleFor, type Permission, roleCan, roleOrder, rolesWith } from "./permissions";
import type { Viewer } from "./viewer";

const person = (role: string, over: Partial<Viewer> = {}): Viewer => ({
  id: "u1",
  name: "P",
  email: "p@gloss.test",
  role: role as Viewer["role"],
  status: "active",
  bannedUntil: null,
  ...over,
});

describe("the permission table", () => {
  it("orders the roles commenter < contributor < moderator < editor < admin, each holding the powers before it", () => {
    expect(roleOrder).toEqual(["commenter", "contributor", "moderator", "editor", "admin"]);
    const all = [
      "comments.create",
      "annotations.create",
      "articles.submit",
      "articles.read_drafts",
      "articles.write",
      "articles.publish",
      "moderation.read",
      "comments.moderate",
      "users.ban",
      "settings.manage",
      "moderation.purge",
      "users.manage",
      "imports.run",
      "outbox.read",
      "account.manage",
    ] as Permission[];
    for (const p of all) {
      const least = roleOrder.indexOf(leastRoleFor(p));
      roleOrder.forEach((role, i) => expect(roleCan(role, p), `${role} ${p}`).toBe(i >= least));
    }
  });

  it("gives today's roles what they had", () => {
    expect(leastRoleFor("comments.moderate")).toBe("moderator");
    expect(leastRoleFor("articles.publish")).toBe("editor");
    expect(leastRoleFor("settings.manage")).toBe("editor");
    expect(leastRoleFor("users.manage")).toBe("admin");
    expect(leastRoleFor("imports.run")).toBe("admin");
    expect(roleCan("contributor", "articles.submit")).toBe(true);
    expect(roleCan("contributor", "articles.publish")).toBe(false);
    expect(roleCan(null, "comments.create")).toBe(false);
    expect(roleCan("superuser", "comments.create")).toBe(false);
    expect(rolesWith("comments.moderate", ["commenter", "moderator", "editor", "admin"])).toEqual([
      "moderator",
      "editor",
      "admin",
    ]);
  });

  it("a ban in force takes every writing permission and leaves the reading ones", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const bannedEditor = person("editor", { status: "banned", bannedUntil: new Date("2026-12-02T00:00:00Z") });
    for (const p of [
      "articles.publish",
      "articles.write",
      "comments.create",
      "annotations.create",
      "settings.manage",
    ] as Permission[]) {
      expect(isWriting(p)).toBe(true);
      expect(can(bannedEditor, p, now), p).toBe(false);
      expect(can(person("editor"), p, now), p).toBe(true);
    }
    expect(can(bannedEditor, "articles.read_drafts", now)).toBe(true);
    expect(can(person("admin", { status: "banned", bannedUntil: null }), "users.manage", now)).toBe(false); // permanent
    expect(can({ ...bannedEditor, bannedUntil: new Date("2026-11-30T00:00:00Z") }, "articles.publish", now)).toBe(true); // over
    expect(can(null, "comments.create", now)).toBe(false);
  });
});

describe("pageDoor (requirePage)", () => {
  it("sends every signed-out visitor to sign in with returnTo encoded the same way, whatever the page", () => {
    const doors: [Permission, string][] = [
      ["moderation.read", "/moderation/log"],
      ["settings.manage", "/moderation/settings"],
      ["articles.read_drafts", "/studio/a-b/revisions"],
      ["imports.run", "/import"],
      ["outbox.read", "/dev/mail"],
      ["account.manage", "/account"],
    ];
    for (const [permission, path] of doors) {
      expect(pageDoor(null, permission, path)).toEqual({ signIn: `/signin?returnTo=${encodeURIComponent(path)}` });
    }
    expect(pageDoor(null, "moderation.read", "/moderation?status=spam&type=comment")).toEqual({
      signIn: "/signin?returnTo=%2Fmoderation%3Fstatus%3Dspam%26type%3Dcomment",
    });
  });

  it("refuses the signed-in without the permission (403, or 404 for a hidden page) and lets the others in", () => {
    expect(pageDoor(person("moderator"), "articles.read_drafts", "/studio")).toEqual({ refuse: "forbidden" });
    expect(pageDoor(person("editor"), "outbox.read", "/dev/mail", { hidden: true })).toEqual({ refuse: "not_found" });
    const admin = person("admin");
    expect(pageDoor(admin, "imports.run", "/import")).toEqual({ viewer: admin });
    // A banned moderator still opens the queue (reading); the domain refuses the writes.
    const banned = person("moderator", { status: "banned" });
    expect(pageDoor(banned, "moderation.read", "/moderation")).toEqual({ viewer: banned });
  });
});
