import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";

/** The largest export the upload page takes (WordPress splits bigger sites into several files). */
export const maxUploadBytes = 200 * 1024 * 1024;

const tooLarge = () => new AppError("too_large", `the file is larger than ${maxUploadBytes / 1024 / 1024} MB`);

/**
 * Streams an uploaded body to a new private temp file, never holding it in memory, and stops at
 * `maxBytes` (413). Returns the file's path and a function that removes it.
 */
export async function saveUploadToTempFile(body: ReadableStream<Uint8Array> | null, maxBytes = maxUploadBytes) {
  if (!body) throw new AppError("bad_request", "choose a WordPress export file to import");
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "gloss-upload-"));
  const file = path.join(dir, `${crypto.randomBytes(8).toString("hex")}.xml`);
  const remove = () => fs.promises.rm(dir, { recursive: true, force: true });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as WebReadableStream<Uint8Array>),
      limit,
      fs.createWriteStream(file, { flags: "wx", mode: 0o600 }),
    );
  } catch (e) {
    await remove();
    throw e;
  }
  if (bytes === 0) {
    await remove();
    throw new AppError("bad_request", "the file is empty");
  }
  return { file, remove };
}
