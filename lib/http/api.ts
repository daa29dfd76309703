import { requiredScope, runInApiContext } from "@/lib/auth/api-context";
import { isBearer } from "@/lib/auth/get-viewer";
import { isDatabaseUnavailable, retryAfterSeconds } from "@/lib/database-unavailable";
import { siteUrl } from "@/lib/env";
import { AppError, findUnstorableText, isAppError, unstorableMessage, unstorableTextError } from "@/lib/errors";

export function json(data: unknown, init: ResponseInit = {}) {
  return Response.json(data, { ...init, headers: { "Cache-Control": "no-store", ...init.headers } });
}

/** A redirect with a relative Location (the server may listen on 0.0.0.0 behind another name). */
export function seeOther(path: string, status = 303) {
  return new Response(null, { status, headers: { Location: path, "Cache-Control": "no-store" } });
}

export function errorResponse(error: unknown): Response {
  const e =
    unstorableTextError(error) ??
    (error instanceof URIError ? new AppError("bad_request", "The address has malformed percent-encoding.") : error);
  if (isAppError(e)) {
    const headers: Record<string, string> = {};
    if (e.retryAfterSeconds) headers["Retry-After"] = String(e.retryAfterSeconds);
    return json(
      { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } },
      { status: e.status, headers },
    );
  }
  if (isDatabaseUnavailable(e)) {
    console.error("[api] database unavailable:", e instanceof Error ? e.message.split("\n")[0] : String(e));
    return json(
      { error: { code: "unavailable", message: "Gloss is briefly unavailable. Please try again in a few seconds." } },
      { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } },
    );
  }
  console.error("[api] unexpected error", e);
  return json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500 },
  );
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

/** The largest JSON body each kind of route reads (bytes). Imports stream to a file with their own limit (lib/import/save-upload.ts). */
export const bodyLimits = {
  comment: 100_000,
  note: 50_000,
  article: 2_000_000,
  report: 10_000,
  moderation: 200_000,
  small: 10_000,
} as const;

const tooLarge = (maxBytes: number) =>
  new AppError("too_large", `The request body is too large (at most ${Math.floor(maxBytes / 1000)} kB).`);

/**
 * Reads a request body as UTF-8 text, never more than `maxBytes`: a declared `Content-Length`
 * over the limit is refused before a byte is read, and a body without one (chunked) is counted as
 * it arrives and cut off — the rest is never read — as soon as it passes the limit (413).
 * Invalid UTF-8 is a 400. Call it only after the viewer is known (see `readJson`).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
}

/**
 * Reads a JSON body of at most `maxBytes` (streamed, see `readBodyText`); malformed or non-object
 * JSON is a 400, an oversized body a 413. Routes check who is asking first: pass `viewer` (the
 * request's, possibly null) and an anonymous request is a 401 before any of its body is read.
 */
export async function readJson(
  request: Request,
  maxBytes: number,
  viewer?: { id: string } | null,
): Promise<Record<string, unknown>> {
  if (viewer !== undefined && !viewer) {
    await request.body?.cancel().catch(() => {});
    throw new AppError("unauthorized", "Sign in first.");
  }
  const text = await readBodyText(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new AppError("bad_request", "The request body must be a JSON object.");
  const unstorable = findUnstorableText(value);
  if (unstorable) throw new AppError("bad_request", unstorableMessage, { [unstorable]: "Remove the NUL character." });
  return value as Record<string, unknown>;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: Origin check on writes, AppError → the contract's error shape, no internals leaked.
 * `anyOrigin`: for a write that no session authorises (a signed link's one-click POST, RFC 8058).
 */
export function apiRoute<C>(handler: Handler<C>, options: { anyOrigin?: boolean } = {}): Handler<C> {
  return async (request, context) => {
    try {
      if (!options.anyOrigin) assertSameOrigin(request);
      // Tokens are honoured only here, and only with the scope this request needs.
      const scope = requiredScope(request.method, new URL(request.url).pathname);
      return await runInApiContext({ scope }, () => handler(request, context));
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** A small body that may come from a plain HTML form (no JavaScript) or as JSON: its fields, and which it was. */
export async function readFormOrJson(
  request: Request,
  maxBytes: number = bodyLimits.small,
): Promise<{ fields: Record<string, unknown>; form: boolean }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded"))
    return { fields: Object.fromEntries(new URLSearchParams(await readBodyText(request, maxBytes))), form: true };
  return { fields: await readJson(request, maxBytes), form: false };
}
