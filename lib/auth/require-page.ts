import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { getViewer } from "./get-viewer";
import { pageDoor } from "./page-door";
import type { Permission } from "./permissions";
import type { Viewer } from "./viewer";

/** The one door of every board and account page: the viewer, or a redirect to sign in, or 403/404. */
export async function requirePage(
  permission: Permission,
  returnTo: string,
  options: { hidden?: boolean } = {},
): Promise<Viewer> {
  const answer = pageDoor(await getViewer(await headers()), permission, returnTo, options);
  if ("signIn" in answer) redirect(answer.signIn);
  if ("refuse" in answer) return answer.refuse === "not_found" ? notFound() : forbidden();
  return answer.viewer;
}
