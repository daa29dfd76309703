import type { Viewer } from "@/lib/auth/viewer";
import { createApiToken } from "@/lib/users/api-tokens";

// Calls route handlers (app/api/**/route.ts) in-process with real Requests. Tests that import a
// route must `vi.mock("@/auth", …)`: Auth.js needs Next's request scope, which a test lacks, so
// cookie sessions read as "signed out"; signed-in callers use a real personal access token.

export const origin = "http://localhost:3000";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** A bearer token for `viewer` (the real token path: hashed, looked up, account checked). */
export async function bearerFor(viewer: Viewer) {
  return `Bearer ${(await createApiToken(viewer, { name: `test ${Date.now()}` })).secret}`;
}

/**
 * A body of `total` bytes, produced lazily in chunks of `chunk` bytes (sent chunked, without a
 * Content-Length). `pulled()` tells how many bytes the reader actually took.
 */
export function lazyBody(total: number, chunk = 64 * 1024, fill = "a") {
  let sent = 0;
  const block = new TextEncoder().encode(fill.repeat(chunk));
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close();
        const part = block.subarray(0, Math.min(chunk, total - sent));
        sent += part.byteLength;
        controller.enqueue(part);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => sent };
}

export async function call<C>(
  handler: Handler<C>,
  options: {
    method?: string;
    path: string;
    params?: C extends { params: Promise<infer P> } ? P : never;
    body?: string | ReadableStream<Uint8Array>;
    contentLength?: number | "auto";
    authorization?: string;
    headers?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = { origin, "content-type": "application/json", ...options.headers };
  if (options.authorization) headers.authorization = options.authorization;
  if (typeof options.body === "string" && (options.contentLength ?? "auto") === "auto")
    headers["content-length"] = String(Buffer.byteLength(options.body));
  else if (typeof options.contentLength === "number") headers["content-length"] = String(options.contentLength);
  const request = new Request(`${origin}${options.path}`, {
    method: options.method ?? "POST",
    headers,
    body: options.body,
    ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) } as C);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return {
    status: response.status,
    json: json as { error?: { code: string; message: string; fields?: Record<string, string> } } & Record<
      string,
      unknown
    >,
    text,
    headers: response.headers,
  };
}
