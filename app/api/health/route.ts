import pg from "pg";
import { retryAfterSeconds } from "@/lib/database-unavailable";
import { env } from "@/lib/env";
import { json } from "@/lib/http/api";

export const dynamic = "force-dynamic";

const limitMs = 1500;

/** Can PostgreSQL be reached right now? A connection of its own (the app's pool may be cold or busy), answered within `limitMs`. */
async function databaseAnswers(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: env().DATABASE_URL,
    connectionTimeoutMillis: limitMs,
    query_timeout: limitMs,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

/** GET /api/health: 200 when PostgreSQL answers, 503 within 2 s when it does not (for load balancers and monitors). */
export async function GET() {
  return (await databaseAnswers())
    ? json({ status: "ok", database: "ok" })
    : json(
        { status: "unavailable", database: "unreachable" },
        { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } },
      );
}

export const HEAD = GET;
