import { getViewer } from "@/lib/auth/get-viewer";
import { apiRoute, json } from "@/lib/http/api";
import { listQueue } from "@/lib/moderation/list-queue";
import { queueItemJson } from "@/lib/moderation/queue-item-json";
import { itemTypeSchema, queueStatusSchema } from "@/lib/validation/moderation";

export const GET = apiRoute(async (request: Request) => {
  const q = new URL(request.url).searchParams;
  const type = itemTypeSchema.safeParse(q.get("type"));
  const { items, next } = await listQueue(await getViewer(request.headers), {
    status: queueStatusSchema.parse(q.get("status") ?? undefined),
    type: type.success ? type.data : undefined,
    article: q.get("article") ?? undefined,
    author: q.get("author") ?? undefined,
    reason: q.get("reason") ?? undefined,
    cursor: q.get("cursor"),
  });
  return json({ items: items.map(queueItemJson), next });
});
