import fs from "node:fs/promises";
import path from "node:path";
import { isAppError } from "@/lib/errors";
import { MAX_MEDIA_BYTES, storeImage } from "@/lib/media/upload-media";
import type { ImageOutcome } from "./image-sources";

/**
 * The places under `dir` where an image URL's file may be: WordPress keeps uploads at
 * wp-content/uploads/YYYY/MM/name, and `--media-dir` may be that uploads folder, wp-content, the
 * site's root or a flat folder of files. Never a place outside `dir`.
 */
export function candidatePaths(dir: string, src: string): string[] {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, "http://wordpress.invalid/").pathname);
  } catch {
    return [];
  }
  const root = path.resolve(dir);
  const tails = new Set<string>();
  const uploads = pathname.indexOf("/wp-content/uploads/");
  if (uploads !== -1) {
    tails.add(pathname.slice(uploads + "/wp-content/uploads/".length));
    tails.add(pathname.slice(uploads + "/wp-content/".length));
    tails.add(pathname.slice(uploads + 1));
  }
  tails.add(pathname.replace(/^\/+/, ""));
  tails.add(path.posix.basename(pathname));
  return [...tails]
    .filter((tail) => tail && !tail.includes("\0"))
    .map((tail) => path.resolve(root, tail))
    .filter((file) => file.startsWith(root + path.sep));
}

/**
 * Brings a WXR's images into Gloss media from local files (no network): each URL is looked up
 * under `mediaDir` once per import. Without a folder, or without the file, the image is reported
 * as not imported and the post keeps its reference.
 */
export function createImageImporter(mediaDir: string | null) {
  const seen = new Map<string, Promise<ImageOutcome>>();
  const importOne = async (src: string): Promise<ImageOutcome> => {
    if (!mediaDir) return { notImported: "no media folder was given (--media-dir)" };
    for (const file of candidatePaths(mediaDir, src)) {
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      if (stat.size > MAX_MEDIA_BYTES) return { notImported: "the file is larger than 10 MB" };
      try {
        return { url: (await storeImage(await fs.readFile(file), null)).url };
      } catch (e) {
        if (isAppError(e)) return { notImported: "the file is not a PNG, JPEG, WebP, GIF or AVIF image" };
        throw e;
      }
    }
    return { notImported: "the file is not in the media folder" };
  };
  return {
    image(src: string): Promise<ImageOutcome> {
      let outcome = seen.get(src);
      if (!outcome) {
        outcome = importOne(src);
        seen.set(src, outcome);
      }
      return outcome;
    },
    async images(srcs: readonly string[]): Promise<Map<string, ImageOutcome>> {
      const out = new Map<string, ImageOutcome>();
      for (const src of srcs) out.set(src, await this.image(src));
      return out;
    },
  };
}

export type ImageImporter = ReturnType<typeof createImageImporter>;
