import { signInHref } from "@/lib/http/sign-in-href";
import { type Permission, roleCan } from "./permissions";
import type { Viewer } from "./viewer";

export type DoorAnswer = { viewer: Viewer } | { signIn: string } | { refuse: "forbidden" | "not_found" };

/**
 * Who may open a page (pure; `requirePage` acts on the answer): a signed-out visitor is sent to
 * sign in and come back to `returnTo`; a signed-in one without the permission is refused — with a
 * 403, or a 404 where the page should not be known to exist. Reading a page needs the role only
 * (a banned moderator still reads the queue); the domain checks every write again.
 */
export function pageDoor(
  viewer: Viewer | null,
  permission: Permission,
  returnTo: string,
  { hidden = false } = {},
): DoorAnswer {
  if (!viewer) return { signIn: signInHref(returnTo) };
  if (!roleCan(viewer.role, permission)) return { refuse: hidden ? "not_found" : "forbidden" };
  return { viewer };
}
