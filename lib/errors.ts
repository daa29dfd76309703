// Expected failures, with a code that maps to an HTTP status and a message safe to show a user.
export type ErrorCode =
  | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict"
  | "precondition_failed" | "too_large" | "unsupported_media" | "rule_violation" | "rate_limited" | "internal";

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, precondition_failed: 412,
  too_large: 413, unsupported_media: 415, rule_violation: 422, rate_limited: 429, internal: 500,
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
  get status() { return statusOf[this.code]; }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Turns a zod error into an AppError whose fields name each bad input. */
export function validationError(issues: { path: PropertyKey[]; message: string }[], message = "Please correct the highlighted fields.") {
  const fields: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.map(String).join(".") || "body";
    fields[key] ??= i.message;
  }
  return new AppError("bad_request", message, fields);
}
