import { siteUrl } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { isBearer } from "@/lib/auth/get-viewer";
import { isDatabaseUnavailable, retryAfterSeconds } from "@/lib/database-unavailable";

export function json(data: unknown, init: ResponseInit = {}) {
  return Response.json(data, { ...init, headers: { "Cache-Control": "no-store", ...init.headers } });
}

/** A redirect with a relative Location (the server may listen on 0.0.0.0 behind another name). */
export function seeOther(path: string, status = 303) {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}

export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    const headers: Record<string, string> = {};
    if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
    return json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, { status: e.status, headers });
  }
  if (isDatabaseUnavailable(e)) {
    console.error("[api] database unavailable:", e instanceof Error ? e.message.split("\n")[0] : String(e));
    return json({ error: { code: "unavailable", message: "Gloss is briefly unavailable. Please try again in a few seconds." } },
      { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } });
  }
  console.error("[api] unexpected error", e);
  return json({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } }, { status: 500 });
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write must come from the site's own origin (CSRF); bearer requests need none. */
export function assertSameOrigin(request: Request) {
  if (safeMethods.has(request.method) || isBearer(request.headers)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? "http";
  const allowed = new Set([new URL(siteUrl()).origin, ...(host ? [`${proto}://${host}`] : [])]);
  if (!origin || origin === "null" || !allowed.has(origin))
    throw new AppError("forbidden", "This request must come from the site itself (Origin check failed).");
}

/** Reads a JSON body; malformed or non-object JSON is a 400, an oversized body a 413. */
export async function readJson(request: Request, maxBytes = 1_000_000): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("too_large", "The request body is too large.");
  let value: unknown;
  try { value = JSON.parse(text); } catch { throw new AppError("bad_request", "The request body is not valid JSON."); }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new AppError("bad_request", "The request body must be a JSON object.");
  return value as Record<string, unknown>;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler: Origin check on writes, AppError → the contract's error shape, no internals leaked. */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      return await handler(request, context);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
