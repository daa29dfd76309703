// What the reader UI knows about one annotation, read from the W3C JSON the API returns (the
// server component maps its rows through the same annotationJson, so both paths agree).
export type Quote = { exact: string; prefix: string; suffix: string };

export type NoteData = {
  id: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string;
  created: string;
  edited: boolean;
  motivation: "commenting" | "highlighting" | "replying";
  audience: "public" | "private" | "group";
  /** A group note's group id (issue 19); null otherwise. */
  group: string | null;
  status: string;
  state: "anchored" | "orphaned" | null;
  html: string | null;
  body: string;
  tags: string[];
  quote: Quote | null;
  position: { start: number; end: number } | null;
  originalQuote: string | null;
  /** A note on the whole article (its target has no selector): listed first, never placed in the text. */
  page: boolean;
  /** Why a pending note is held (hold reason codes; only its author and the moderators get it). */
  reasons: string[];
  /** The server's word on whether this viewer may edit it now, and until when (ISO; null: no deadline). */
  canEdit: boolean;
  editableUntil: string | null;
  /** Review notes (the editorial desk) only: marked resolved, and whether the passage changed since the note. */
  resolved?: boolean;
  changed?: boolean;
};

export type NoteThread = NoteData & { replies: NoteThread[] };

export type ViewerInfo = { id: string; name: string };

type Json = Record<string, unknown>;
const lastSegment = (url: unknown) => (typeof url === "string" ? (url.replace(/\/+$/, "").split("/").pop() ?? "") : "");
const asArray = (v: unknown): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]) as Json[];

/** One annotation as the UI needs it, from the API's (or annotationJson's) W3C JSON. */
export function noteFromJson(json: Json): NoteData {
  const bodies = asArray(json.body);
  const text = bodies.find((b) => b.purpose !== "tagging");
  const target = json.target;
  const selectors = typeof target === "object" && target ? asArray((target as Json).selector) : [];
  const quote = selectors.find((s) => s.type === "TextQuoteSelector");
  const position = selectors.find((s) => s.type === "TextPositionSelector");
  const creator = json.creator as Json | undefined;
  return {
    id: lastSegment(json.id),
    parentId: typeof target === "string" ? lastSegment(target) : null,
    authorId: creator ? lastSegment(creator.id) : null,
    authorName: typeof creator?.name === "string" ? creator.name : "someone",
    created: String(json.created ?? ""),
    edited: json.edited === true,
    motivation: json.motivation === "highlighting" || json.motivation === "replying" ? json.motivation : "commenting",
    audience: json.audience === "private" ? "private" : json.audience === "group" ? "group" : "public",
    group: json.audience === "group" && typeof json.group === "string" ? json.group : null,
    status: String(json.status ?? "approved"),
    state: json.state === "orphaned" ? "orphaned" : json.state === "anchored" ? "anchored" : null,
    html: typeof json.html === "string" ? json.html : null,
    body: typeof text?.value === "string" ? text.value : "",
    tags: bodies.filter((b) => b.purpose === "tagging").map((b) => String(b.value)),
    quote: quote
      ? { exact: String(quote.exact ?? ""), prefix: String(quote.prefix ?? ""), suffix: String(quote.suffix ?? "") }
      : null,
    position: position ? { start: Number(position.start), end: Number(position.end) } : null,
    originalQuote: typeof json.originalQuote === "string" ? json.originalQuote : null,
    page: typeof target === "object" && target !== null && !selectors.length,
    reasons: Array.isArray(json.reasons) ? json.reasons.map(String) : [],
    canEdit: json.canEdit === true,
    editableUntil: typeof json.editableUntil === "string" ? json.editableUntil : null,
    ...(typeof json.resolved === "boolean" ? { resolved: json.resolved } : {}),
    ...(typeof json.changed === "boolean" ? { changed: json.changed } : {}),
  };
}

const isLive = (n: NoteData) => n.status !== "deleted";

/** Top-level notes with their replies nested, oldest first; a deleted note stays only while it has live replies. */
export function buildThreads(notes: readonly NoteData[]): NoteThread[] {
  const byId = new Map<string, NoteThread>(notes.map((n) => [n.id, { ...n, replies: [] }]));
  const roots: NoteThread[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else if (!node.parentId) roots.push(node);
  }
  const prune = (list: NoteThread[]): NoteThread[] =>
    list
      .map((t) => ({ ...t, replies: prune(t.replies) }))
      .filter((t) => isLive(t) || t.replies.length > 0)
      .sort((a, b) => a.created.localeCompare(b.created));
  return prune(roots);
}

/** The people and tags of the given threads (for the filter), sorted by name. */
export function filterChoices(threads: readonly NoteThread[]) {
  const people = new Map<string, string>();
  const tags = new Set<string>();
  for (const t of threads) {
    if (t.authorId && isLive(t)) people.set(t.authorId, t.authorName);
    for (const tag of t.tags) tags.add(tag);
  }
  return {
    people: [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    tags: [...tags].sort(),
  };
}

/** `layer`: "" (every note), "public", "private" (only me) or a group's id — the margin's group switcher. */
export type NoteFilter = { person: string; tag: string; layer?: string };

/** Which layer a note belongs to: "public", "private" or its group's id. */
export const layerOf = (n: NoteData) => (n.audience === "group" ? (n.group ?? "") : n.audience);

export const matchesFilter = (t: NoteThread, f: NoteFilter) =>
  (!f.person || t.authorId === f.person) && (!f.tag || t.tags.includes(f.tag)) && (!f.layer || layerOf(t) === f.layer);

/** A group the viewer may write notes to (the personal layer's `groups`). */
export type GroupChoice = { id: string; name: string; runs?: boolean };

/** "a, b c ,#d" → ["a", "b c", "d"]: tags are separated by commas. */
export function parseTags(raw: string): string[] {
  return [
    ...new Set(
      raw
        .split(",")
        .map((t) => t.trim().replace(/^#+/, ""))
        .filter(Boolean),
    ),
  ].slice(0, 10);
}
