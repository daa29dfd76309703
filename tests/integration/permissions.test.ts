import { describe, expect, it } from "vitest";
import { requirePermission } from "@/lib/auth/require-permission";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/users/api-tokens";
import {
  changePassword,
  deleteAccount,
  signOutEverywhere,
  updateAvatar,
  updateProfileName,
} from "@/lib/users/manage-account";
import { createTestUser } from "../seed/users";
import { expectAppError, expectAppErrorSync } from "./helpers";

const asRole = (viewer: Viewer, role: Viewer["role"]): Viewer => ({ ...viewer, role });

describe("refused", () => {
  it("requireViewer refuses an anonymous visitor as unauthorized", () => {
    const error = expectAppErrorSync(() => requireViewer(null), "unauthorized");
    expect(error.status).toBe(401);
    expect(error.message).toBe("Sign in first.");
  });

  it("requirePermission refuses a commenter where a moderator is needed, as forbidden", async () => {
    const { viewer } = await createTestUser({ label: "perm" });
    const error = await expectAppError(requirePermission(viewer, "moderation.read"), "forbidden");
    expect(error.status).toBe(403);
    await expectAppError(requirePermission(asRole(viewer, "moderator"), "articles.read_drafts"), "forbidden");
    await expectAppError(requirePermission(asRole(viewer, "editor"), "users.manage"), "forbidden");
    await expectAppError(requirePermission(null, "account.manage"), "unauthorized");
    expect((await requirePermission(asRole(viewer, "admin"), "moderation.read")).id).toBe(viewer.id);
    expect((await requirePermission(viewer, "comments.create")).id).toBe(viewer.id);
  });

  it("a write reads the role from the database: a session that still says editor after a demotion publishes nothing", async () => {
    const { viewer } = await createTestUser({ label: "demoted", role: "editor" });
    await db.user.update({ where: { id: viewer.id }, data: { role: "commenter" } });
    await expectAppError(requirePermission(viewer, "articles.write"), "forbidden");
  });

  it("refuses every account action of an anonymous visitor, and writes nothing", async () => {
    const { viewer, password } = await createTestUser({ name: "Untouched", label: "anon" });
    const { id: tokenId } = await createApiToken(viewer, { name: "keep" });

    await expectAppError(createApiToken(null, { name: "sneaky" }), "unauthorized");
    await expectAppError(listApiTokens(null), "unauthorized");
    await expectAppError(revokeApiToken(null, tokenId), "unauthorized");
    await expectAppError(updateProfileName(null, "Hacked"), "unauthorized");
    await expectAppError(updateAvatar(null, null), "unauthorized");
    await expectAppError(
      changePassword(null, { currentPassword: password, newPassword: "hijacked-password-1" }),
      "unauthorized",
    );
    await expectAppError(signOutEverywhere(null), "unauthorized");
    await expectAppError(deleteAccount(null, password), "unauthorized");

    const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, include: { apiTokens: true } });
    expect(row.name).toBe("Untouched");
    expect(row.deletedAt).toBeNull();
    expect(row.apiTokens.map((t) => [t.id, t.revokedAt])).toEqual([[tokenId, null]]);
  });
});
