import sharp from "sharp";
import { db } from "@/lib/db";
import { encodeVariant } from "./make-variants";
import { MEDIA_WIDTHS, parseMediaName } from "./media-url";

export type MediaFile = { data: Uint8Array; mimeType: string; etag: string };

/**
 * The bytes for /media/<name>, or a narrower copy (`width` one of MEDIA_WIDTHS below the image's
 * own; made once, kept in PostgreSQL beside the original). Null when there is no such file.
 */
export async function getMedia(name: string, width?: number): Promise<MediaFile | null> {
  const parsed = parseMediaName(`/media/${name}`);
  if (!parsed) return null;
  const media = await db.media.findUnique({
    where: { hash: parsed.hash },
    select: { id: true, width: true, height: true, ext: true, mimeType: true },
  });
  if (!media || media.width !== parsed.width || media.height !== parsed.height || media.ext !== parsed.ext) return null;
  const narrower =
    width !== undefined &&
    (MEDIA_WIDTHS as readonly number[]).includes(width) &&
    width < media.width &&
    media.mimeType !== "image/gif";
  if (!narrower) {
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id }, select: { data: true } });
    return { data: row.data, mimeType: media.mimeType, etag: `"${parsed.hash}"` };
  }
  const existing = await db.mediaVariant.findUnique({
    where: { mediaId_width: { mediaId: media.id, width } },
    select: { data: true, mimeType: true },
  });
  if (existing) return { data: existing.data, mimeType: existing.mimeType, etag: `"${parsed.hash}-${width}"` };
  const original = await db.media.findUniqueOrThrow({ where: { id: media.id }, select: { data: true } });
  const data = await encodeVariant(sharp(original.data), width);
  await db.mediaVariant.upsert({
    where: { mediaId_width: { mediaId: media.id, width } },
    create: { mediaId: media.id, width, mimeType: "image/webp", data: new Uint8Array(data) },
    update: {},
  });
  return { data, mimeType: "image/webp", etag: `"${parsed.hash}-${width}"` };
}
