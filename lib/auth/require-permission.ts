import { AppError } from "@/lib/errors";
import { requireContributor } from "./can-contribute";
import { isWriting, type Permission, roleCan } from "./permissions";
import { requireViewer, type Viewer } from "./viewer";

const refused = () => new AppError("forbidden", "You do not have permission to do that.");

/**
 * The domain's permission check. Reads need the role; every write also needs a live, unbanned
 * account, both read from the database at the moment of the write — a banned editor reads the
 * studio but publishes nothing, and a demotion bites on the next request even when the session
 * still carries the old role. Returns the viewer with the role as stored.
 */
export async function requirePermission(viewer: Viewer | null, permission: Permission): Promise<Viewer> {
  const me = requireViewer(viewer);
  if (!roleCan(me.role, permission)) throw refused();
  if (!isWriting(permission)) return me;
  const fresh = await requireContributor(me);
  if (!roleCan(fresh.role, permission)) throw refused();
  return fresh;
}
