import type { Role, UserStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { hasRole } from "./roles";

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

export function requireRole(viewer: Viewer | null, role: Role): Viewer {
  const v = requireViewer(viewer);
  if (!hasRole(v.role, role)) throw new AppError("forbidden", "You do not have permission to do that.");
  return v;
}
