import { randomBytes } from "node:crypto";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { groupInputSchema } from "@/lib/validation/group";
import { parseInput } from "@/lib/validation/parse-input";
import { groupJson, groupSelect } from "./group-json";

export const newInviteToken = () => randomBytes(24).toString("base64url");

// A signed-in reader makes a reading group and becomes its owner (and first member).
export async function createGroup(viewer: Viewer | null, input: unknown) {
  const me = await requirePermission(viewer, "groups.create");
  const { name, description } = parseInput(groupInputSchema, input);
  const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
  const now = clock.now();
  const row = await db.group.create({
    data: {
      id,
      name,
      description,
      kind: "custom",
      ownerId: me.id,
      inviteToken: newInviteToken(),
      createdAt: now,
      members: { create: { userId: me.id, role: "owner", joinedAt: now } },
    },
    select: groupSelect,
  });
  return groupJson(row, "owner", 1);
}
