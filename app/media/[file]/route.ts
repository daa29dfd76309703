import { getMedia } from "@/lib/media/get-media";

const immutable = "public, max-age=31536000, immutable";

/** GET /media/<hash>-<w>x<h>.<ext>[?w=<width>]: an uploaded image (or a narrower copy), cached for good. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const w = new URL(request.url).searchParams.get("w");
  const media = await getMedia(file, w && /^\d{1,5}$/.test(w) ? Number(w) : undefined);
  if (!media)
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (request.headers.get("if-none-match") === media.etag)
    return new Response(null, { status: 304, headers: { ETag: media.etag, "Cache-Control": immutable } });
  return new Response(Buffer.from(media.data), {
    headers: {
      "Content-Type": media.mimeType,
      "Cache-Control": immutable,
      ETag: media.etag,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
