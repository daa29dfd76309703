import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { listAuditLog } from "@/lib/moderation/list-audit-log";

export const GET = apiRoute(async (request: Request) => {
  const { entries, next } = await listAuditLog(await getViewer(request.headers), {
    cursor: new URL(request.url).searchParams.get("cursor"),
  });
  return json({
    entries: entries.map((e) => ({
      id: e.id,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      before: e.before,
      after: e.after,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
      actor: e.actor ? { id: e.actor.id, name: e.actor.name } : { id: null, name: "system" },
    })),
    next,
  });
});
