import { getViewer } from "@/lib/auth/get-viewer";
import { createGroup } from "@/lib/groups/create-group";
import { listMyGroups } from "@/lib/groups/list-my-groups";
import { apiRoute, bodyLimits, json, readJson } from "@/lib/http/api";

// The viewer's reading groups (issue 19), and making one.
export const GET = apiRoute(async (request: Request) => {
  return json({ groups: await listMyGroups(await getViewer(request.headers)) });
});

export const POST = apiRoute(async (request: Request) => {
  const viewer = await getViewer(request.headers);
  const group = await createGroup(viewer, await readJson(request, bodyLimits.small, viewer));
  return json(group, { status: 201, headers: { Location: `/api/groups/${group.id}` } });
});
