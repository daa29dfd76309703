// Expected failures, with a code that maps to an HTTP status and a message safe to show a user.
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "too_large"
  | "unsupported_media"
  | "rule_violation"
  | "rate_limited"
  | "internal";

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media: 415,
  rule_violation: 422,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly fields?: Record<string, string>,
    public readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status() {
    return statusOf[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Turns a zod error into an AppError whose fields name each bad input. */
export function validationError(
  issues: { path: PropertyKey[]; message: string }[],
  message = "Please correct the highlighted fields.",
) {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".") || "body";
    fields[key] ??= i.message;
  }
  return new AppError("bad_request", message, fields);
}

/** Characters PostgreSQL refuses in text and jsonb: NUL (U+0000). */
export const unstorableText = /\u0000/;
const unstorableMessage = "The text contains a character that cannot be stored (a NUL byte).";

/**
 * PostgreSQL's refusal of a NUL in text (22021) or jsonb (22P05), as a 400: the safety net behind
 * the input checks, for any field they missed. Returns null for every other error.
 */
export function unstorableTextError(e: unknown): AppError | null {
  const x = e as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { code?: unknown } } };
    cause?: { code?: unknown };
  } | null;
  const code = x?.meta?.driverAdapterError?.cause?.code ?? x?.cause?.code ?? x?.code;
  return code === "22021" || code === "22P05" ? new AppError("bad_request", unstorableMessage) : null;
}

/** The path of the first string (or key) in a JSON value that PostgreSQL could not store, or null. Iterative: any depth. */
export function findUnstorableText(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (unstorableText.test(v)) return path || "body";
      continue;
    }
    if (!v || typeof v !== "object") continue;
    for (const [k, child] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (unstorableText.test(k)) return at;
      stack.push([child, at]);
    }
  }
  return null;
}

export { unstorableMessage };
