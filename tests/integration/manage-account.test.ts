import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken, viewerFromApiToken } from "@/lib/users/api-tokens";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { createUser } from "@/lib/users/create-user";
import {
  changePassword,
  deleteAccount,
  maxAvatarBytes,
  signOutEverywhere,
  updateAvatar,
  updateProfileName,
} from "@/lib/users/manage-account";
import { openSession, userOfSession } from "@/lib/users/sessions";
import { uniqueIp } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A real 1×1 red PNG, built from its bytes. */
function tinyPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const pixels = zlib.deflateSync(Buffer.from([0, 255, 0, 0])); // filter byte + one RGB pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", pixels),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const newPassword = "changed-on-purpose-5";

describe("updateProfileName", () => {
  it("stores the trimmed name", async () => {
    const { viewer } = await createTestUser({ label: "name" });
    await updateProfileName(viewer, "  Renamed Reader  ");
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe("Renamed Reader");
  });

  it.each([
    ["an empty name", ""],
    ["a blank name", "    "],
    ["a name over 80 characters", "x".repeat(81)],
    ["a value that is not text", 42],
  ])("refuses %s beside the name field and keeps the old name", async (_label, name) => {
    const { viewer } = await createTestUser({ name: "Kept Name", label: "badname" });
    const error = await expectAppError(updateProfileName(viewer, name), "bad_request");
    expect(Object.keys(error.fields ?? {})).toEqual(["name"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe("Kept Name");
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password beside that field and changes nothing", async () => {
    const { viewer, password } = await createTestUser({ label: "pw-wrong" });
    const session = await openSession(viewer.id);
    const before = (await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).passwordHash;
    const error = await expectAppError(
      changePassword(viewer, { currentPassword: "not-my-password", newPassword }),
      "bad_request",
    );
    expect(error.fields?.currentPassword).toBeTruthy();
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).passwordHash).toBe(before);
    expect(await userOfSession(session)).not.toBeNull();
    expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("refuses a weak new password beside that field", async () => {
    const { viewer, password } = await createTestUser({ label: "pw-weak" });
    const error = await expectAppError(
      changePassword(viewer, { currentPassword: password, newPassword: "password123" }),
      "bad_request",
    );
    expect(error.fields?.newPassword).toBeTruthy();
  });

  it("stores a new hash for the right current password and ends every session", async () => {
    const { viewer, password } = await createTestUser({ label: "pw-ok" });
    const sessions = [await openSession(viewer.id), await openSession(viewer.id)];
    const before = (await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).passwordHash;

    await changePassword(viewer, { currentPassword: password, newPassword });
    const after = (await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).passwordHash;
    expect(after).toMatch(/^\$argon2id\$/);
    expect(after).not.toBe(before);
    expect(after).not.toContain(newPassword);
    for (const session of sessions) expect(await userOfSession(session)).toBeNull();
    expect(await authenticateWithPassword({ email: viewer.email, password: newPassword }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
    await expectAppError(authenticateWithPassword({ email: viewer.email, password }, uniqueIp()), "unauthorized");
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of the viewer", async () => {
    const { viewer } = await createTestUser({ label: "everywhere" });
    const sessions = [await openSession(viewer.id), await openSession(viewer.id)];
    await signOutEverywhere(viewer);
    for (const session of sessions) expect(await userOfSession(session)).toBeNull();
  });
});

describe("updateAvatar", () => {
  it("accepts a tiny real PNG and removes it again", async () => {
    const { viewer } = await createTestUser({ label: "avatar" });
    const png = tinyPng();
    await updateAvatar(viewer, png);
    const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(row.avatarType).toBe("image/png");
    expect(Buffer.from(row.avatar!).equals(png)).toBe(true);
    expect(row.image).toMatch(new RegExp(`^/api/users/${viewer.id}/avatar\\?v=\\d+$`));

    await updateAvatar(viewer, null);
    const cleared = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect([cleared.avatar, cleared.avatarType, cleared.image]).toEqual([null, null, null]);
  });

  it("judges the bytes, not the name: a text file called avatar.png is refused", async () => {
    const { viewer } = await createTestUser({ label: "notimage" });
    const file = new File(["this is plain text, not a picture\n"], "avatar.png", { type: "image/png" });
    const error = await expectAppError(updateAvatar(viewer, Buffer.from(await file.arrayBuffer())), "bad_request");
    expect(error.fields?.avatar).toMatch(/PNG, JPEG, WebP or GIF/);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).avatar).toBeNull();
  });

  it("refuses an image over 512 KB", async () => {
    const { viewer } = await createTestUser({ label: "huge" });
    const png = tinyPng();
    const huge = Buffer.concat([png, Buffer.alloc(maxAvatarBytes + 1 - png.length)]);
    expect(maxAvatarBytes).toBe(512 * 1024);
    const error = await expectAppError(updateAvatar(viewer, huge), "too_large");
    expect(error.fields?.avatar).toMatch(/512 KB/);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).avatar).toBeNull();
    // Exactly 512 KB is still fine.
    await updateAvatar(viewer, huge.subarray(0, maxAvatarBytes));
  });
});

describe("deleteAccount", () => {
  it("refuses a wrong password and changes nothing", async () => {
    const { viewer, password } = await createTestUser({ name: "Staying", label: "del-wrong" });
    const session = await openSession(viewer.id);
    const error = await expectAppError(deleteAccount(viewer, "not-my-password"), "bad_request");
    expect(error.fields?.password).toBeTruthy();
    await expectAppError(deleteAccount(viewer, undefined), "bad_request");
    const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(row).toMatchObject({ name: "Staying", email: viewer.email, deletedAt: null });
    expect(await userOfSession(session)).not.toBeNull();
    expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("scrubs the account, ends its sessions and tokens, and keeps the row (and what the person wrote)", async () => {
    const { viewer, password } = await createTestUser({ name: "Leaving Reader", label: "del-ok" });
    const session = await openSession(viewer.id);
    const { secret } = await createApiToken(viewer, { name: "script" });
    await updateAvatar(viewer, tinyPng());
    // Something the person wrote: an article revision they authored.
    const article = await db.article.create({
      data: {
        slug: `by-leaver-${viewer.id}`,
        title: "Written before leaving",
        authorName: "Leaving Reader",
        revisions: {
          create: {
            number: 1,
            body: "Words.",
            html: "<p>Words.</p>",
            text: "Words.",
            wordCount: 1,
            createdById: viewer.id,
          },
        },
      },
      select: { id: true },
    });

    await deleteAccount(viewer, password);

    const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(row.name).toBe("deleted user");
    expect(row.email).not.toContain(viewer.email.split("@")[0]);
    expect(row.email).toMatch(/\.invalid$/);
    expect([row.passwordHash, row.avatar, row.avatarType, row.image]).toEqual([null, null, null, null]);
    expect(row.deletedAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: viewer.id } })).toBe(0);
    expect(await db.apiToken.count({ where: { userId: viewer.id } })).toBe(0);
    expect(await userOfSession(session)).toBeNull();
    expect(await viewerFromApiToken(secret)).toBeNull();
    expect(await db.articleRevision.findFirstOrThrow({ where: { articleId: article.id } })).toMatchObject({
      createdById: viewer.id,
    });

    const error = await expectAppError(
      authenticateWithPassword({ email: viewer.email, password }, uniqueIp()),
      "unauthorized",
    );
    expect(error.message).toMatch(/do not match/);

    // The address is free again for a new account.
    const fresh = await createUser({ name: "Came Back", email: viewer.email, password });
    expect(fresh.id).not.toBe(viewer.id);
  });
});
