import sharp, { type Sharp } from "sharp";
import { db } from "@/lib/db";
import { MEDIA_WIDTHS } from "./media-url";

/** The narrower copies an image has in its srcset: every srcset width below its own (none for a GIF). */
export const variantWidths = (width: number, mimeType: string) =>
  mimeType === "image/gif" ? [] : MEDIA_WIDTHS.filter((w) => w < width);

/** One narrower copy, as readers get it: WebP (effort 2: a third of the default's CPU, about the same bytes). */
export const encodeVariant = (image: Sharp, width: number) =>
  image.resize({ width }).webp({ quality: 80, effort: 2 }).toBuffer();

export type Variant = { width: number; data: Buffer };

/**
 * Every narrower copy of an image: decoded once, at the widest copy's size (a JPEG shrinks while
 * it decodes), and each copy encoded from those pixels.
 */
export async function encodeVariants(data: Uint8Array, widths: readonly number[]): Promise<Variant[]> {
  if (!widths.length) return [];
  const { data: pixels, info } = await sharp(data)
    .resize({ width: Math.max(...widths) })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  return Promise.all(
    widths.map(async (width) => ({ width, data: await encodeVariant(sharp(pixels, { raw }), width) })),
  );
}

/** Keeps the copies an image does not have yet (made at upload, so the first readers wait for none). */
export async function saveVariants(mediaId: string, copies: readonly Variant[]) {
  if (!copies.length) return;
  await db.mediaVariant.createMany({
    data: copies.map((c) => ({ mediaId, width: c.width, mimeType: "image/webp", data: new Uint8Array(c.data) })),
    skipDuplicates: true,
  });
}
