import crypto from "node:crypto";
import { env } from "@/lib/env";
import { publishDueArticles } from "@/lib/articles/publish-due-articles";

// Called by scripts/server.mjs's own timer, proven by an HMAC of AUTH_SECRET; nobody else may.
export async function POST(request: Request) {
  const expected = crypto.createHmac("sha256", env().AUTH_SECRET).update("publish-due").digest("hex");
  const given = request.headers.get("x-gloss-internal") ?? "";
  if (given.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
    return Response.json({ error: { code: "forbidden", message: "Not allowed." } }, { status: 403 });
  return Response.json({ published: await publishDueArticles() });
}
