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
