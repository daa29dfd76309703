// The browser's calls to the W3C annotation API (same origin, session cookie; the browser adds
// the Origin header the API checks on writes). Failures come back as the API's user-safe message.
import type { Quote } from "../model/note-data";

type Json = Record<string, unknown>;
export type ApiResult<T = Json> =
  | { ok: true; data: T; etag: string | null; status: number }
  | { ok: false; message: string; status: number };

const mediaType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
/** Readers' notes; the studio's review margin passes the desk's container, "/api/reviews/", as `base`. */
export const annotationsBase = "/api/annotations/";
const container = (slug: string, base = annotationsBase) => `${base}${encodeURIComponent(slug)}/`;
const resource = (slug: string, id: string, base = annotationsBase) =>
  `${container(slug, base)}${encodeURIComponent(id)}`;

async function call(url: string, init: RequestInit = {}): Promise<ApiResult> {
  try {
    const response = await fetch(url, {
      credentials: "same-origin",
      ...init,
      headers: { Accept: mediaType, ...(init.body ? { "Content-Type": mediaType } : {}), ...init.headers },
    });
    const data = response.status === 204 ? {} : await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = (data as { error?: { message?: string } }).error?.message;
      return {
        ok: false,
        status: response.status,
        message: message ?? `The server could not do that (HTTP ${response.status}).`,
      };
    }
    return { ok: true, status: response.status, data: data as Json, etag: response.headers.get("etag") };
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
}

export type NewNote = {
  quote: Quote;
  start: number;
  end: number;
  note: string;
  tags: string[];
  audience: "public" | "private" | "group";
  /** With audience "group": the group's id. */
  group?: string;
};

const targetOf = (slug: string, { quote, start, end }: Pick<NewNote, "quote" | "start" | "end">) => ({
  source: `${location.origin}/articles/${slug}`,
  selector: [
    { type: "TextQuoteSelector", ...quote },
    { type: "TextPositionSelector", start, end },
  ],
});

const tagBodies = (tags: string[]) => tags.map((value) => ({ type: "TextualBody", value, purpose: "tagging" }));

/** One note as the viewer may see it (a live update names it; 404 when it is not theirs to see). */
export function getNote(slug: string, id: string, base = annotationsBase) {
  return call(resource(slug, id, base), { cache: "no-store" });
}

/** POSTs a new W3C annotation to the container (the `@context` and `type` every one carries added first). */
const postAnnotation = (slug: string, base: string, annotation: Json) =>
  call(container(slug, base), {
    method: "POST",
    body: JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation", ...annotation }),
  });

/** A note's bodies: its Markdown text, then one per tag. */
const noteBodies = (n: Pick<NewNote, "note" | "tags">) => [
  { type: "TextualBody", value: n.note, format: "text/markdown", purpose: "commenting" },
  ...tagBodies(n.tags),
];

/** A note on the whole article (a page note): the article itself is the target, with no selector. */
export function createPageNote(slug: string, n: Omit<NewNote, "quote" | "start" | "end">, base = annotationsBase) {
  return postAnnotation(slug, base, {
    motivation: "commenting",
    audience: n.audience,
    body: noteBodies(n),
    target: { source: `${location.origin}/articles/${slug}` },
  });
}

/** A public or private note on a passage. */
export function createNote(slug: string, n: NewNote, base = annotationsBase) {
  return postAnnotation(slug, base, {
    motivation: "commenting",
    audience: n.audience,
    ...(n.audience === "group" && n.group ? { group: n.group } : {}),
    body: noteBodies(n),
    target: targetOf(slug, n),
  });
}

/** A private highlight: a marked passage without a note. */
export function createHighlight(slug: string, n: Pick<NewNote, "quote" | "start" | "end">, base = annotationsBase) {
  return postAnnotation(slug, base, { motivation: "highlighting", audience: "private", target: targetOf(slug, n) });
}

/** A reply to a note (or to another reply); it takes the visibility of the note it answers. */
export function createReply(slug: string, parentId: string, text: string, base = annotationsBase) {
  return postAnnotation(slug, base, {
    motivation: "replying",
    body: { type: "TextualBody", value: text, format: "text/markdown", purpose: "replying" },
    target: `${location.origin}${resource(slug, parentId, base)}`,
  });
}

/** Reads a note for its ETag, then PUTs back the changed copy with If-Match (412 if it changed meanwhile). */
async function putBack(
  slug: string,
  id: string,
  change: (data: Json) => Json,
  base = annotationsBase,
): Promise<ApiResult> {
  const current = await call(resource(slug, id, base));
  if (!current.ok) return current;
  const { data, etag } = current;
  return call(resource(slug, id, base), {
    method: "PUT",
    headers: etag ? { "If-Match": etag } : {},
    body: JSON.stringify(change(data)),
  });
}

/** Edits a note's text and tags. */
export function editNote(
  slug: string,
  id: string,
  text: string,
  tags: string[],
  base = annotationsBase,
): Promise<ApiResult> {
  return putBack(
    slug,
    id,
    (data) => {
      const purpose = data.motivation === "replying" ? "replying" : "commenting";
      return {
        ...data,
        body: [
          ...(text ? [{ type: "TextualBody", value: text, format: "text/markdown", purpose }] : []),
          ...tagBodies(tags),
        ],
      };
    },
    base,
  );
}

/** Marks a review note resolved (or open again): the desk's `"resolved": true` by PUT. */
export function resolveNote(slug: string, id: string, resolved: boolean, base = annotationsBase): Promise<ApiResult> {
  return putBack(slug, id, (data) => ({ ...data, resolved }), base);
}

/** Re-attaches an orphaned note (or highlight) to a new passage: the same note with a new target. */
export function reattachNote(
  slug: string,
  id: string,
  passage: Pick<NewNote, "quote" | "start" | "end">,
  base = annotationsBase,
): Promise<ApiResult> {
  return putBack(slug, id, (data) => ({ ...data, target: targetOf(slug, passage) }), base);
}

export function deleteNote(slug: string, id: string, base = annotationsBase) {
  return call(resource(slug, id, base), { method: "DELETE" });
}

/** The group's owner removes a note written in the group (it goes to the trash, history kept). */
export function removeGroupNote(groupId: string, id: string) {
  return call(`/api/groups/${encodeURIComponent(groupId)}/notes/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function reportNote(slug: string, id: string, reason: string, note?: string) {
  return call(`${resource(slug, id)}/flags`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ reason, ...(note ? { note } : {}) }),
  });
}
