import crypto from "node:crypto";
import { env } from "@/lib/env";
import { publishDueArticles } from "@/lib/articles/publish-due-articles";
import { deleteExpiredRowsWhenDue } from "@/lib/maintenance/delete-expired-rows";

// Called every 15 s by scripts/server.mjs's own timer, proven by an HMAC of AUTH_SECRET; nobody else may.
export async function POST(request: Request) {
  const expected = crypto.createHmac("sha256", env().AUTH_SECRET).update("publish-due").digest("hex");
  const given = request.headers.get("x-gloss-internal") ?? "";
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
    return Response.json({ error: { code: "forbidden", message: "Not allowed." } }, { status: 403 });
  const published = await publishDueArticles();
  // The same timer clears expired sessions and rate-limit counters, once an hour at most.
  const deleted = await deleteExpiredRowsWhenDue().catch((e: unknown) => { console.error("[maintenance] clean-up failed", e); return null; });
  return Response.json({ published, deleted });
}
