// Opaque keyset cursors: base64url JSON of the last row's sort key.
export type Cursor = { t: number; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    return typeof c?.t === "number" && typeof c?.id === "string" ? { t: c.t, id: c.id } : null;
  } catch {
    return null;
  }
}
