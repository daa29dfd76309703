import path from "node:path";
import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { listArticlesForEditor } from "@/lib/articles/list-articles-for-editor";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { importWxr } from "@/lib/import/import-wxr";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { listQueue } from "@/lib/moderation/list-queue";
import { updateModerationSettings } from "@/lib/moderation/update-moderation-settings";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

// A banned account has none of the writing permissions (lib/auth/permissions.ts), whatever its
// role, and the ban is read from the database at the write (the session may not know it yet).
// It keeps reading: the studio, the queue.
async function banned(role: Viewer["role"], label: string) {
  const { viewer } = await createTestUser({ role, label });
  await db.user.update({
    where: { id: viewer.id },
    data: { status: "banned", bannedUntil: new Date(clock.now().getTime() + 86_400_000), banReason: "testing" },
  });
  return viewer; // still "active" as the session last saw it
}

describe("a banned editor", () => {
  it("publishes, writes and restores nothing (it could publish before the permission table)", async () => {
    const { viewer: colleague } = await createTestUser({ role: "editor", label: "colleague" });
    const slug = uniqueSlug("banned-editor");
    await createArticle(colleague, { title: "Waiting draft", slug, body: "A draft to publish." });
    await updateArticle(colleague, slug, { body: "A second revision.", draft: true });
    const editor = await banned("editor", "banned-editor");

    const refused = await expectAppError(updateArticle(editor, slug, { status: "published" }), "forbidden");
    expect(refused.message).toMatch(/banned/);
    await expectAppError(
      createArticle(editor, { title: "New", slug: uniqueSlug("banned-new"), body: "B", status: "published" }),
      "forbidden",
    );
    await expectAppError(restoreRevision(editor, slug, 1), "forbidden");
    expect(await getPublishedArticle(slug)).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { slug } })).status).toBe("draft");

    // Reading the studio stays open.
    expect((await getArticleForEditor(editor, slug)).slug).toBe(slug);
    expect(Array.isArray(await listArticlesForEditor(editor, {}))).toBe(true);
  });

  it("changes no moderation rules", async () => {
    const editor = await banned("editor", "banned-rules");
    await expectAppError(updateModerationSettings(editor, { linkHoldThreshold: 9 }), "forbidden");
  });
});

describe("a banned admin", () => {
  it("changes no roles and imports nothing", async () => {
    const admin = await banned("admin", "banned-admin");
    const { viewer: someone } = await createTestUser({ label: "target" });
    await expectAppError(changeUserRole(admin, { email: someone.email, role: "editor" }), "forbidden");
    expect((await db.user.findUniqueOrThrow({ where: { id: someone.id } })).role).toBe("commenter");
    await expectAppError(importWxr(admin, path.resolve("tests/fixtures/wxr/does-not-matter.xml")), "forbidden");
  });
});

describe("a banned moderator", () => {
  it("still reads the queue", async () => {
    const moderator = await banned("moderator", "banned-mod");
    expect(Array.isArray((await listQueue(moderator, { status: "pending" })).items)).toBe(true);
  });
});
