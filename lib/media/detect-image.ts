// What an uploaded file really is, from its first bytes (never from its name or declared type).
export type ImageKind = {
  mimeType: "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/avif";
  ext: "png" | "jpg" | "gif" | "webp" | "avif";
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

export function detectImage(bytes: Uint8Array): ImageKind | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 4) === "PNG" && bytes[4] === 0x0d && bytes[5] === 0x0a)
    return { mimeType: "image/png", ext: "png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mimeType: "image/jpeg", ext: "jpg" };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { mimeType: "image/gif", ext: "gif" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mimeType: "image/webp", ext: "webp" };
  // ISO-BMFF: a `ftyp` box whose major or compatible brands name AVIF.
  if (ascii(bytes, 4, 8) === "ftyp") {
    const size = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset).getUint32(0));
    for (let o = 8; o + 4 <= size; o += 4)
      if (["avif", "avis"].includes(ascii(bytes, o, o + 4))) return { mimeType: "image/avif", ext: "avif" };
  }
  return null;
}
