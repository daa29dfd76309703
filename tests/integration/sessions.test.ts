import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/users/manage-account";
import { closeAllSessions, closeSession, openSession, sessionMaxAgeSeconds, userOfSession } from "@/lib/users/sessions";
import { createTestUser } from "../seed/users";

describe("sessions", () => {
  it("opens a session whose token leads back to its live user", async () => {
    const { viewer } = await createTestUser({ name: "Session User", label: "sess" });
    const token = await openSession(viewer.id, "Firefox ".repeat(50));
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await userOfSession(token)).toMatchObject({
      id: viewer.id,
      name: "Session User",
      email: viewer.email,
      role: "commenter",
      status: "active",
    });

    const row = await db.session.findUniqueOrThrow({ where: { sessionToken: token } });
    expect(row.userAgent).toHaveLength(200);
    expect(row.expires.getTime() - Date.now()).toBeGreaterThan(sessionMaxAgeSeconds * 1000 - 60_000);
  });

  it("reads the role fresh from the database on every look-up", async () => {
    const { viewer } = await createTestUser({ label: "fresh" });
    const token = await openSession(viewer.id);
    await db.user.update({ where: { id: viewer.id }, data: { role: "moderator" } });
    expect((await userOfSession(token))?.role).toBe("moderator");
  });

  it("gives two browsers two distinct sessions", async () => {
    const { viewer } = await createTestUser({ label: "two" });
    const [a, b] = await Promise.all([openSession(viewer.id), openSession(viewer.id)]);
    expect(a).not.toBe(b);
    expect(await db.session.count({ where: { userId: viewer.id } })).toBe(2);
  });

  it("closeSession ends only that session", async () => {
    const { viewer } = await createTestUser({ label: "close" });
    const ended = await openSession(viewer.id);
    const kept = await openSession(viewer.id);
    await closeSession(ended);
    expect(await userOfSession(ended)).toBeNull();
    expect(await userOfSession(kept)).toMatchObject({ id: viewer.id });
    await closeSession(ended); // closing twice is harmless
  });

  it("closeAllSessions ends every session of that user and no one else's", async () => {
    const { viewer } = await createTestUser({ label: "all" });
    const { viewer: other } = await createTestUser({ label: "other" });
    const mine = [await openSession(viewer.id), await openSession(viewer.id)];
    const theirs = await openSession(other.id);
    await closeAllSessions(viewer.id);
    for (const token of mine) expect(await userOfSession(token)).toBeNull();
    expect(await userOfSession(theirs)).toMatchObject({ id: other.id });
  });

  it("answers null for a deleted account, even if its session row were still there", async () => {
    const { viewer } = await createTestUser({ label: "gone" });
    const token = await openSession(viewer.id);
    // Soft-deleted directly, keeping the session row, to test the check in userOfSession itself.
    await db.user.update({ where: { id: viewer.id }, data: { deletedAt: new Date() } });
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(1);
    expect(await userOfSession(token)).toBeNull();

    const { viewer: second, password: secondPassword } = await createTestUser({ label: "gone2" });
    const secondToken = await openSession(second.id);
    await deleteAccount(second, secondPassword);
    expect(await userOfSession(secondToken)).toBeNull();
  });

  it("answers null once the session has expired (31 days later)", async () => {
    const { viewer } = await createTestUser({ label: "expire" });
    const token = await openSession(viewer.id);
    clock.advance(29 * 24 * 60 * 60_000);
    expect(await userOfSession(token)).toMatchObject({ id: viewer.id });
    clock.advance(2 * 24 * 60 * 60_000);
    expect(await userOfSession(token)).toBeNull();
  });

  it("answers null for an unknown token", async () => {
    expect(await userOfSession("no-such-session-token")).toBeNull();
    expect(await userOfSession("")).toBeNull();
  });
});
