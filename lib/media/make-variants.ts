import sharp, { type Sharp } from "sharp";
import { db } from "@/lib/db";
import { MEDIA_WIDTHS } from "./media-url";

/** The narrower copies an image has in its srcset: every srcset width below its own (none for a GIF). */
export const variantWidths = (width: number, mimeType: string) =>
  mimeType === "image/gif" ? [] : MEDIA_WIDTHS.filter((w) => w < width);

/** One narrower copy, as readers get it: WebP. */
export const encodeVariant = (image: Sharp, width: number) => image.resize({ width }).webp({ quality: 80 }).toBuffer();

/**
 * Every narrower copy of a newly stored image, made at once so the first readers wait for none:
 * the image is decoded once, at the widest copy's size (a JPEG shrinks while it decodes), and
 * each copy is encoded from that. Copies already there are kept.
 */
export async function makeVariants(media: { id: string; width: number; mimeType: string }, data: Uint8Array) {
  const widths = variantWidths(media.width, media.mimeType);
  if (!widths.length) return;
  const have = await db.mediaVariant.findMany({ where: { mediaId: media.id }, select: { width: true } });
  const missing = widths.filter((w) => !have.some((v) => v.width === w));
  if (!missing.length) return;
  const { data: pixels, info } = await sharp(data)
    .resize({ width: Math.max(...missing) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const copies = await Promise.all(
    missing.map(async (width) => ({ width, data: await encodeVariant(sharp(pixels, { raw }), width) })),
  );
  await db.mediaVariant.createMany({
    data: copies.map((c) => ({
      mediaId: media.id,
      width: c.width,
      mimeType: "image/webp",
      data: new Uint8Array(c.data),
    })),
    skipDuplicates: true,
  });
}
