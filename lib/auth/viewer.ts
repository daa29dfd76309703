import { AppError } from "@/lib/errors";
import type { Role, UserStatus } from "@/lib/generated/prisma/enums";

// The person behind a request, read fresh from the database on every request.
export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: UserStatus;
  bannedUntil: Date | null;
};

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  return viewer;
}

/** The viewer a user row stands for (its ban end, when the row has none, is no ban: `null`). */
export function viewerOf(user: Omit<Viewer, "bannedUntil"> & { bannedUntil?: Date | null }): Viewer {
  const { id, name, email, role, status } = user;
  return { id, name, email, role, status, bannedUntil: user.bannedUntil ?? null };
}
