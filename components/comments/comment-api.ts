// The browser's calls to the comments API (same origin, session cookie; the browser sends the
// Origin header the API checks on writes). Failures come back as the API's user-safe message.
import type { CommentView } from "./comment-view";

export type Result<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string> };

async function call<T>(method: string, url: string, body?: unknown): Promise<Result<T>> {
  try {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = (data as { error?: { message?: string; fields?: Record<string, string> } }).error;
      return {
        ok: false,
        status: response.status,
        message: error?.message ?? `The server could not do that (HTTP ${response.status}).`,
        fields: error?.fields,
      };
    }
    return { ok: true, status: response.status, data: data as T };
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
}

export type Posted = CommentView & { held: boolean };

export const postComment = (slug: string, body: string, parentId?: string) =>
  call<Posted>("POST", `/api/articles/${encodeURIComponent(slug)}/comments`, {
    body,
    ...(parentId ? { parentId } : {}),
  });
export const editComment = (id: string, body: string) =>
  call<CommentView>("PATCH", `/api/comments/${encodeURIComponent(id)}`, { body });
export const deleteComment = (id: string) => call<object>("DELETE", `/api/comments/${encodeURIComponent(id)}`);
export type Preview = { html: string; links: number; linkHoldThreshold: number };
export const previewBody = (body: string) => call<Preview>("POST", "/api/comments/preview", { body });
