import { roleCan } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { requireViewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { bioSchema, changePasswordSchema, nameSchema } from "@/lib/validation/user";
import { hashPassword, verifyPassword } from "./passwords";
import { closeAllSessions } from "./sessions";

export async function updateProfileName(viewer: Viewer | null, rawName: unknown) {
  const me = await requirePermission(viewer, "profile.edit");
  const parsed = parseInput(nameSchema, rawName, { field: "name" });
  await db.user.update({ where: { id: me.id }, data: { name: parsed } });
}

/** Saves the viewer's short bio (empty removes it). */
export async function updateBio(viewer: Viewer | null, rawBio: unknown) {
  const me = await requirePermission(viewer, "profile.edit");
  const bio = parseInput(bioSchema, rawBio ?? "", { field: "bio" });
  await db.user.update({ where: { id: me.id }, data: { bio } });
  // An editor's bio shows on their author archive, which anonymous readers get from the page cache.
  if (roleCan(me.role, "articles.write")) await invalidateReaderPages();
}

const avatarTypes: [string, (b: Buffer) => boolean][] = [
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/webp", (b) => b.subarray(0, 4).toString() === "RIFF" && b.subarray(8, 12).toString() === "WEBP"],
  ["image/gif", (b) => b.subarray(0, 6).toString() === "GIF87a" || b.subarray(0, 6).toString() === "GIF89a"],
];
export const maxAvatarBytes = 512 * 1024;

/** Stores an uploaded avatar (PNG, JPEG, WebP or GIF, checked by its bytes) or removes it (null). */
export async function updateAvatar(viewer: Viewer | null, bytes: Buffer | null) {
  const me = await requirePermission(viewer, "profile.edit");
  if (!bytes) {
    await db.user.update({ where: { id: me.id }, data: { avatar: null, avatarType: null, image: null } });
    return;
  }
  if (bytes.length > maxAvatarBytes)
    throw new AppError("too_large", "Choose an image of at most 512 KB.", {
      avatar: "Choose an image of at most 512 KB.",
    });
  const type = avatarTypes.find(([, test]) => test(bytes))?.[0];
  if (!type)
    throw new AppError("bad_request", "Choose a PNG, JPEG, WebP or GIF image.", {
      avatar: "Choose a PNG, JPEG, WebP or GIF image.",
    });
  await db.user.update({
    where: { id: me.id },
    data: {
      avatar: new Uint8Array(bytes),
      avatarType: type,
      image: `/api/users/${me.id}/avatar?v=${clock.now().getTime()}`,
    },
  });
}

export async function changePassword(viewer: Viewer | null, raw: unknown) {
  const me = requireViewer(viewer);
  const parsed = parseInput(changePasswordSchema, raw);
  const user = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, parsed.currentPassword)))
    throw new AppError("bad_request", "Your current password is not right.", {
      currentPassword: "Your current password is not right.",
    });
  await db.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword(parsed.newPassword) } });
  await closeAllSessions(me.id);
}

export async function signOutEverywhere(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  await closeAllSessions(me.id);
}

// Deleting an account keeps what the person wrote (shown as "deleted user") and removes the rest.
export async function deleteAccount(viewer: Viewer | null, password: unknown) {
  const me = requireViewer(viewer);
  const user = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, String(password ?? ""))))
    throw new AppError("bad_request", "Your password is not right.", { password: "Your password is not right." });
  await db.$transaction([
    db.account.deleteMany({ where: { userId: me.id } }),
    db.session.deleteMany({ where: { userId: me.id } }),
    db.apiToken.deleteMany({ where: { userId: me.id } }),
    db.passwordResetToken.deleteMany({ where: { userId: me.id } }),
    db.user.update({
      where: { id: me.id },
      data: {
        name: "deleted user",
        email: `deleted-${me.id}@deleted.invalid`,
        passwordHash: null,
        image: null,
        avatar: null,
        avatarType: null,
        deletedAt: clock.now(),
      },
    }),
  ]);
}
