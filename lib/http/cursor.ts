// Opaque keyset cursors: base64url JSON of the last row's sort key.
export type Cursor = { t: number; id: string; n?: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof c?.t !== "number" || typeof c?.id !== "string" || !Number.isFinite(c.t)) return null;
    return { t: c.t, id: c.id, ...(typeof c.n === "number" ? { n: c.n } : {}) };
  } catch {
    return null;
  }
}
