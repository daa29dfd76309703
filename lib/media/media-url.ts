// Uploaded images live at /media/<hash>-<width>x<height>.<ext>: the content hash makes the URL
// immutable, and the size in it lets an article render the image without layout shift and with
// responsive sources (the same file scaled down: /media/…?w=<width>, made on first request).

export const MEDIA_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const mediaPath = /^\/media\/([0-9a-f]{16,64})-(\d{1,5})x(\d{1,5})\.(png|jpg|webp|gif|avif)$/;

export type MediaName = { hash: string; width: number; height: number; ext: string };

export function parseMediaName(src: string): MediaName | null {
  const m = mediaPath.exec(src);
  if (!m) return null;
  return { hash: m[1], width: Number(m[2]), height: Number(m[3]), ext: m[4] };
}

export function mediaUrl({ hash, width, height, ext }: MediaName): string {
  return `/media/${hash}-${width}x${height}.${ext}`;
}

/** An <img>'s attributes for an uploaded image: its size and smaller copies for narrow screens. */
export function responsiveMedia(src: string): Record<string, string | number> | null {
  const media = parseMediaName(src);
  if (!media) return null;
  const widths = MEDIA_WIDTHS.filter((w) => w < media.width);
  const srcset = [...widths.map((w) => `${src}?w=${w} ${w}w`), `${src} ${media.width}w`].join(", ");
  return { width: media.width, height: media.height, srcSet: srcset, sizes: "(min-width: 48rem) 44rem, 100vw" };
}
