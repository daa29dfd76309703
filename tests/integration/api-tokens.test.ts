import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, listApiTokens, revokeApiToken, viewerFromApiToken } from "@/lib/users/api-tokens";
import { deleteAccount } from "@/lib/users/manage-account";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

describe("personal access tokens", () => {
  it("returns a gls_ secret once and stores only its hash", async () => {
    const { viewer } = await createTestUser({ label: "tok" });
    const token = await createApiToken(viewer, { name: "  my script  " });
    expect(token.secret).toMatch(/^gls_[A-Za-z0-9_-]{43}$/);
    expect(token.name).toBe("my script");
    expect(token.prefix).toBe(token.secret.slice(0, 10));

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).not.toBe(token.secret);
    expect(row.tokenHash).not.toContain(token.secret.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.secret);

    const listed = await listApiTokens(viewer);
    expect(listed).toEqual([expect.objectContaining({ id: token.id, name: "my script", prefix: token.prefix })]);
    expect(listed[0]).not.toHaveProperty("secret");
    expect(listed[0]).not.toHaveProperty("tokenHash");
  });

  it("refuses a token without a name", async () => {
    const { viewer } = await createTestUser({ label: "tokname" });
    const error = await expectAppError(createApiToken(viewer, { name: "   " }), "bad_request");
    expect(error.fields?.name).toBeTruthy();
    expect(await db.apiToken.count({ where: { userId: viewer.id } })).toBe(0);
  });

  it("stands for its owner until revoked, then for no one", async () => {
    const { viewer } = await createTestUser({ name: "Token Owner", label: "use" });
    const { id, secret } = await createApiToken(viewer, { name: "ci" });
    expect(await viewerFromApiToken(secret)).toEqual({
      id: viewer.id,
      name: "Token Owner",
      email: viewer.email,
      role: "commenter",
      status: "active",
      bannedUntil: null,
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    await revokeApiToken(viewer, id);
    expect(await viewerFromApiToken(secret)).toBeNull();
    expect(await listApiTokens(viewer)).toEqual([]);
    await expectAppError(revokeApiToken(viewer, id), "not_found");
  });

  it("notes its use at most once a minute, and gives its owner's ban end as a date (token and account read in one query)", async () => {
    const { viewer } = await createTestUser({ label: "lastuse" });
    const { id, secret } = await createApiToken(viewer, { name: "ci" });
    await viewerFromApiToken(secret);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await viewerFromApiToken(secret);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    const until = new Date(Date.now() + 86_400_000);
    await db.user.update({ where: { id: viewer.id }, data: { status: "banned", bannedUntil: until } });
    const banned = await viewerFromApiToken(secret);
    expect(banned?.status).toBe("banned");
    expect(banned?.bannedUntil).toBeInstanceOf(Date);
    expect(banned?.bannedUntil?.getTime()).toBe(until.getTime());
  });

  it("cannot be revoked by another user", async () => {
    const { viewer: owner } = await createTestUser({ label: "owner" });
    const { viewer: intruder } = await createTestUser({ label: "intruder", role: "admin" });
    const { id, secret } = await createApiToken(owner, { name: "mine" });
    await expectAppError(revokeApiToken(intruder, id), "not_found");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    expect(await viewerFromApiToken(secret)).toMatchObject({ id: owner.id });
  });

  it("stops working when its account is deleted", async () => {
    const { viewer, password } = await createTestUser({ label: "deleted" });
    const { secret } = await createApiToken(viewer, { name: "before deletion" });
    // Soft-deleted directly, keeping the token row, to test the check in viewerFromApiToken itself.
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: new Date() } });
    expect(await viewerFromApiToken(secret)).toBeNull();
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: null } });

    expect(await viewerFromApiToken(secret)).toMatchObject({ id: viewer.id });
    await deleteAccount(viewer, password);
    expect(await viewerFromApiToken(secret)).toBeNull();
  });

  it("answers null for malformed and unknown tokens", async () => {
    const { viewer } = await createTestUser({ label: "malformed" });
    const { secret } = await createApiToken(viewer, { name: "real" });
    for (const bad of [
      "",
      "gls_",
      "gls_short",
      secret.slice(4),
      `Bearer ${secret}`,
      `${secret} `,
      `gls_${"x".repeat(200)}`,
      'gls_\'; DROP TABLE "User"; --aaaaaaaaaaaa',
      `${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`,
    ])
      expect(await viewerFromApiToken(bad)).toBeNull();
  });

  it("allows at most 20 active tokens", async () => {
    const { viewer } = await createTestUser({ label: "many" });
    const tokens = [];
    for (let i = 0; i < 20; i++) tokens.push(await createApiToken(viewer, { name: `t${i}` }));
    await expectAppError(createApiToken(viewer, { name: "one too many" }), "rule_violation");
    await revokeApiToken(viewer, tokens[0].id);
    await createApiToken(viewer, { name: "room again" });
  });
});
