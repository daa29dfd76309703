// Is this error PostgreSQL being out of reach (stopped, restarting, the network gone) rather than a
// bug? Such requests answer 503 with Retry-After — the process stays up and serves again as soon as
// the pool reconnects. Looks through the error, its causes and Prisma's metadata.
const codes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection exceptions
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  // Prisma: cannot reach / timed out / closed / pool timeout
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
const messages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|DatabaseNotReachable|ConnectionClosed|the database system is (shutting down|starting up)|terminating connection due to administrator command|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && !seen.has(e) && depth < 8; depth++) {
    seen.add(e);
    const o = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: unknown;
      kind?: unknown;
      originalCode?: unknown;
    };
    if (typeof o.code === "string" && codes.has(o.code)) return true;
    if (typeof o.originalCode === "string" && codes.has(o.originalCode)) return true;
    if (
      typeof o.kind === "string" &&
      /DatabaseNotReachable|ConnectionClosed|SocketTimeout|DatabaseDoesNotExist/.test(o.kind)
    )
      return true;
    if (typeof o.message === "string" && messages.test(o.message)) return true;
    e = o.cause ?? o.meta;
  }
  return false;
}

/** Seconds a client should wait before retrying while the database is away. */
export const retryAfterSeconds = 5;
