import crypto from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { detectImage } from "./detect-image";
import { encodeVariants, saveVariants, variantWidths } from "./make-variants";
import { mediaUrl } from "./media-url";

export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;

/**
 * An editor uploads an image: PNG, JPEG, WebP, GIF or AVIF up to 10 MB, recognised by its content.
 * A JPEG is re-encoded upright and without its metadata (a phone photo's GPS position stays
 * private); other formats are kept byte for byte. The same image uploaded twice is one file.
 */
export async function uploadMedia(viewer: Viewer | null, file: Blob | null) {
  const me = await requirePermission(viewer, "media.upload");
  if (!file || typeof file.arrayBuffer !== "function")
    throw new AppError("bad_request", "Send the image as the multipart field “file”.", { file: "Required." });
  if (file.size > MAX_MEDIA_BYTES) throw new AppError("too_large", "Images can be at most 10 MB.");
  return storeImage(Buffer.from(await file.arrayBuffer()), me.id);
}

/**
 * Stores an image's bytes (the checks of an upload: a known format by content, readable, sized;
 * a JPEG re-encoded upright without metadata) and answers its URL. Also the WXR import's way in.
 */
export async function storeImage(input: Buffer, uploadedById: string | null) {
  let bytes = input;
  if (bytes.length > MAX_MEDIA_BYTES) throw new AppError("too_large", "Images can be at most 10 MB.");
  const kind = detectImage(bytes);
  if (!kind) throw new AppError("unsupported_media", "Upload a PNG, JPEG, WebP, GIF or AVIF image.");
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new AppError("unsupported_media", "That image could not be read; it may be damaged.");
  }
  if (kind.mimeType === "image/jpeg") {
    bytes = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .jpeg({ quality: 88 }) // libjpeg-turbo: mozjpeg took ~10× the CPU (2.1 s for 12 megapixels)
      .toBuffer();
    meta = await sharp(bytes).metadata();
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (!width || !height) throw new AppError("unsupported_media", "That image has no size.");
  const hash = crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  // The srcset copies are made while the original is written (so the first readers on phones
  // wait for nothing); an image uploaded again that has them all makes none.
  const widths = variantWidths(width, kind.mimeType);
  const stored = await db.media.findUnique({ where: { hash }, select: { variants: { select: { width: true } } } });
  const missing = widths.filter((w) => !stored?.variants.some((v) => v.width === w));
  const copies = encodeVariants(bytes, missing);
  copies.catch(() => {}); // awaited below; not an unhandled rejection while the write runs
  const media = await db.media.upsert({
    where: { hash },
    create: {
      hash,
      mimeType: kind.mimeType,
      ext: kind.ext,
      width,
      height,
      size: bytes.length,
      data: new Uint8Array(bytes),
      uploadedById,
    },
    update: {},
    select: { id: true },
  });
  await saveVariants(media.id, await copies);
  return { url: mediaUrl({ hash, width, height, ext: kind.ext }), width, height };
}
