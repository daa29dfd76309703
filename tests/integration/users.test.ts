import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/system-actor";
import { db } from "@/lib/db";
import { changeUserRole } from "@/lib/moderation/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { uniqueEmail } from "../seed/unique";
import { createTestUser, defaultPassword } from "../seed/users";
import { expectAppError } from "./helpers";

const storedWith = (email: string) => db.user.count({ where: { email: email.trim().toLowerCase() } });

describe("createUser", () => {
  it("stores an argon2id hash of the password, never the password itself", async () => {
    const email = uniqueEmail("hash");
    const user = await createUser({ name: "Ada Reader", email, password: defaultPassword });
    expect(user).toMatchObject({ name: "Ada Reader", email, role: "commenter", status: "active" });
    expect(user).not.toHaveProperty("passwordHash");

    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(defaultPassword);
  });

  it("normalises the email to lower case without surrounding spaces, and trims the name", async () => {
    const email = uniqueEmail("case");
    const user = await createUser({
      name: "  Grace  ",
      email: `  ${email.toUpperCase()}  `,
      password: defaultPassword,
    });
    expect(user.email).toBe(email);
    expect(user.name).toBe("Grace");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a second account with the same email, in any case, as a conflict on the email field", async () => {
    const email = uniqueEmail("dup");
    await createUser({ name: "First", email, password: defaultPassword });
    const error = await expectAppError(
      createUser({ name: "Second", email: email.toUpperCase(), password: "another-pass-99" }),
      "conflict",
    );
    expect(error.fields?.email).toMatch(/already exists/);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    ["an empty name", { name: "   " }, "name"],
    ["a name over 80 characters", { name: "n".repeat(81) }, "name"],
    ["a malformed email", { email: "not-an-email" }, "email"],
    ["an empty email", { email: "" }, "email"],
    ["a password under 10 characters", { password: "short-1" }, "password"],
    ["a common password", { password: "password123" }, "password"],
    ["a common password in another case", { password: "PASSWORD123" }, "password"],
    ["one character repeated", { password: "aaaaaaaaaaaa" }, "password"],
    ["a password over 200 characters", { password: "xy1".repeat(70) }, "password"],
  ])("refuses %s with a message beside that field and stores nothing", async (_label, override, field) => {
    const email = uniqueEmail("bad");
    const input = { name: "Valid Name", email, password: defaultPassword, ...override };
    const error = await expectAppError(createUser(input), "bad_request");
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect(error.fields?.[field]).toBeTruthy();
    expect(await storedWith(email)).toBe(0);
    if (typeof input.email === "string" && input.email.includes("@")) expect(await storedWith(input.email)).toBe(0);
  });

  it("names every bad field at once", async () => {
    const error = await expectAppError(createUser({ name: "", email: "nope", password: "short" }), "bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("refuses input that is not an object", async () => {
    await expectAppError(createUser(null), "bad_request");
    await expectAppError(createUser("ada@gloss.test"), "bad_request");
  });

  it("gives the role passed by the CLI", async () => {
    const user = await createUser(
      { name: "Ed", email: uniqueEmail("editor"), password: defaultPassword },
      { role: "editor" },
    );
    expect(user.role).toBe("editor");
  });
});

describe("user:role (the shell's role change: changeUserRole as the system actor)", () => {
  const cliRole = (raw: unknown) => changeUserRole(systemActor, raw);
  const roleEntries = (userId: string) =>
    db.auditEntry.findMany({ where: { action: "role", targetId: userId }, orderBy: { createdAt: "asc" } });

  it("changes the role, found by email in any case", async () => {
    const { viewer } = await createTestUser({ label: "role" });
    const updated = await cliRole({ email: ` ${viewer.email.toUpperCase()} `, role: "moderator" });
    expect(updated).toEqual({ email: viewer.email, role: "moderator" });
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("moderator");

    await cliRole({ email: viewer.email, role: "commenter" });
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("commenter");
  });

  it("writes an audit entry for each change, with no actor (shown as System) and the command line as its reason", async () => {
    const { viewer } = await createTestUser({ label: "audited" });
    await cliRole({ email: viewer.email, role: "editor" });
    const [entry] = await roleEntries(viewer.id);
    expect(entry).toMatchObject({
      actorId: null,
      targetType: "user",
      before: { role: "commenter" },
      after: { role: "editor", email: viewer.email },
      reason: "command line",
    });
  });

  it("refuses to demote the last admin, as the moderation path refuses an admin's own demotion", async () => {
    const { viewer: only } = await createTestUser({ label: "last-admin", role: "admin" });
    // The other tests' admins step aside for this test, then come back.
    const others = await db.user.findMany({ where: { role: "admin", id: { not: only.id } }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "editor" } });
    try {
      const error = await expectAppError(cliRole({ email: only.email, role: "editor" }), "forbidden");
      expect(error.message).toMatch(/last admin/);
      expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("admin");
      expect(await roleEntries(only.id)).toEqual([]);

      const { viewer: second } = await createTestUser({ label: "second-admin", role: "admin" });
      await cliRole({ email: only.email, role: "editor" });
      expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("editor");
      await expectAppError(cliRole({ email: second.email, role: "commenter" }), "forbidden");
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { role: "admin" } });
    }
  });

  it("answers not_found for an unknown email", async () => {
    const error = await expectAppError(cliRole({ email: uniqueEmail("ghost"), role: "admin" }), "not_found");
    expect(error.message).toMatch(/No account/);
  });

  it("refuses an unknown role and leaves the role as it was", async () => {
    const { viewer } = await createTestUser({ label: "badrole" });
    const error = await expectAppError(cliRole({ email: viewer.email, role: "superuser" }), "bad_request");
    expect(error.fields?.role).toMatch(/commenter, contributor, moderator, editor or admin/);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).role).toBe("commenter");
  });

  it("refuses a malformed email", async () => {
    const error = await expectAppError(cliRole({ email: "nobody", role: "admin" }), "bad_request");
    expect(error.fields?.email).toBeTruthy();
  });

  it("is not a way around the admin check: a null actor is signed out", async () => {
    const { viewer } = await createTestUser({ label: "nullactor" });
    await expectAppError(changeUserRole(null, { email: viewer.email, role: "admin" }), "unauthorized");
  });
});
