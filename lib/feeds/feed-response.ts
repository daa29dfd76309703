import crypto from "node:crypto";

// Feeds are polled often: a content hash as ETag lets readers get a 304 instead of the whole feed.
export function xmlResponse(request: Request, body: string, contentType: string): Response {
  const etag = `"${crypto.createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Content-Type": contentType, ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

export const rssType = "application/rss+xml; charset=utf-8";
export const atomType = "application/atom+xml; charset=utf-8";
