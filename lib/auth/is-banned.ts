import { clock } from "@/lib/clock";

/** True while a ban is in force (a ban with no end date is permanent). Pure: safe in any bundle. */
export function isBanned(user: { status: string; bannedUntil: Date | null }, now = clock.now()) {
  return user.status === "banned" && (!user.bannedUntil || user.bannedUntil > now);
}
