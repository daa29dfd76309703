import { db } from "@/lib/db";
import { json } from "@/lib/http/api";
import { retryAfterSeconds } from "@/lib/database-unavailable";

export const dynamic = "force-dynamic";

const limitMs = 1500;

/** GET /api/health: 200 when PostgreSQL answers, 503 within 2 s when it does not (for load balancers and monitors). */
export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), limitMs); });
  const reached = db.$queryRaw`SELECT 1`.then(() => true, () => false);
  const ok = await Promise.race([reached, timeout]);
  clearTimeout(timer);
  return ok
    ? json({ status: "ok", database: "ok" })
    : json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } });
}

export const HEAD = GET;
