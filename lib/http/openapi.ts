import { z } from "zod";
import { subscribeSchema } from "@/lib/subscribers/subscribe";
import { annotationInputSchema } from "@/lib/validation/annotation";
import { createArticleSchema, reviewDecisionSchema, slugSchema, updateArticleSchema } from "@/lib/validation/article";
import { commentSortSchema, createCommentSchema, editCommentSchema, reportSchema } from "@/lib/validation/comment";
import { groupInputSchema, inviteTokenSchema } from "@/lib/validation/group";
import {
  banSchema,
  itemTypeSchema,
  moderationActionSchema,
  moderationSettingsSchema,
  queueStatusSchema,
} from "@/lib/validation/moderation";
import { markReadSchema } from "@/lib/validation/notification";
import { changeRoleSchema, emailSchema, roleSchema } from "@/lib/validation/user";

// The OpenAPI document at /api/openapi.json, generated from the zod schemas the domain parses
// with (z.toJSONSchema): a request body here is exactly what the server accepts. The responses
// are described by the schemas below. Every route of app/api is listed (lib/http/openapi.test.ts).

const schema = (s: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
};

// Response shapes (CONTRACT.md), as zod schemas too.
const person = z.object({ id: z.string().nullable(), name: z.string(), image: z.string().nullable().optional() });
const rights = {
  canEdit: z.boolean().optional().describe("In lists: whether the viewer may edit it now."),
  editableUntil: z.iso.datetime().nullable().optional(),
};
const responses = {
  Error: z.object({
    error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  }),
  ArticleSummary: z.object({
    slug: z.string(),
    title: z.string(),
    author: z.string(),
    affiliation: z.string(),
    excerpt: z.string(),
    publishedAt: z.iso.datetime().nullable(),
    revision: z.number().int(),
    readingMinutes: z.number().int(),
  }),
  Article: z.object({
    slug: z.string(),
    title: z.string(),
    author: z.string(),
    status: z.enum(["draft", "pending_review", "scheduled", "published"]).optional(),
    publishedAt: z.iso.datetime().nullable(),
    revision: z.number().int(),
    credit: z.string(),
    publication: z.string(),
    categories: z.array(z.string()),
    tags: z.array(z.string()),
    html: z.string().describe("Rendered body; every block carries data-block-id."),
    text: z
      .string()
      .describe(
        "Plain text that annotation positions count in (Unicode code points): block texts, white space collapsed, joined by \\n.",
      ),
    body: z.string().optional().describe("Markdown source (editors only)."),
  }),
  Comment: z.object({
    id: z.string(),
    parentId: z.string().nullable(),
    author: person,
    body: z.string().nullable(),
    html: z.string().nullable(),
    status: z.string(),
    reasons: z.array(z.string()).optional(),
    likes: z.number().int(),
    liked: z.boolean().optional(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    depth: z.number().int().optional(),
    replies: z.array(z.unknown()).optional(),
    ...rights,
    moreReplies: z
      .object({ count: z.number().int(), cursor: z.string().nullable() })
      .optional()
      .describe(
        "Replies this load left out (a load carries at most `commentsPerLoad` comments, 100 by default): how many comments, and the cursor for GET /api/comments/{id}/replies (null: from the first reply).",
      ),
  }),
  Annotation: z.object({
    "@context": z.string().optional(),
    id: z.url(),
    type: z.literal("Annotation"),
    motivation: z.enum(["commenting", "highlighting", "replying"]),
    created: z.iso.datetime(),
    modified: z.iso.datetime(),
    creator: z.object({ id: z.string(), type: z.literal("Person"), name: z.string() }).optional(),
    body: z.unknown().optional(),
    target: z.unknown(),
    audience: z.enum(["public", "private", "group"]),
    group: z.string().optional().describe('With audience "group": the group\'s id ("board": the editorial board\'s).'),
    status: z.string(),
    state: z.enum(["anchored", "orphaned"]).optional(),
    html: z.string().nullable(),
    edited: z.boolean(),
    ...rights,
  }),
  Viewer: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    status: z.enum(["active", "banned"]),
    emailConfirmed: z.boolean(),
  }),
  Personal: z.object({
    slug: z.string(),
    editWindowMs: z.number().int(),
    linkHoldThreshold: z.number().int(),
    following: z
      .boolean()
      .describe("Whether the viewer follows this article's discussion (the Follow discussion / Following button)."),
    viewer: z
      .object({
        id: z.string(),
        name: z.string(),
        role: roleSchema,
        links: z
          .array(z.object({ href: z.string(), label: z.string() }))
          .describe("The board's pages the role may open (Studio, Import, Moderation)."),
        pending: z.number().int().nullable().describe("The moderation queue's pending count (the board only)."),
        unread: z.number().int().describe("Unread notifications (the header's bell)."),
      })
      .nullable()
      .describe("Null: anonymous (nothing else personal follows)."),
    ban: z.object({ notice: z.string(), until: z.iso.datetime().nullable() }).nullable(),
    canComment: z.boolean(),
    canAnnotate: z.boolean(),
    liked: z.array(z.string()).describe("Ids of the comments on this article the viewer liked."),
    own: z
      .array(z.object({ id: z.string(), editableUntil: z.iso.datetime().nullable(), body: z.string().nullable() }))
      .describe("The viewer's own comments: Delete on each; Edit until `editableUntil`, with the Markdown source."),
    held: z
      .array(z.unknown())
      .describe("The viewer's held comments (as in the comments API) with `reasons` and `explanation` (sentences)."),
    notes: z
      .array(z.unknown())
      .describe(
        "W3C annotations: the viewer's private notes, highlights and held notes, and the notes of the groups they are in.",
      ),
    groups: z
      .array(z.object({ id: z.string(), name: z.string(), kind: z.enum(["custom", "board"]), runs: z.boolean() }))
      .describe(
        "The groups the viewer may write notes to (the margin's audience switcher); `runs`: they may remove its notes.",
      ),
    noteRights: z
      .array(z.object({ id: z.string(), ...rights }))
      .describe("Edit on each of the viewer's notes on the article (public ones included)."),
  }),
  Notification: z.object({
    id: z.string(),
    type: z.enum(["reply", "comment", "approved", "review"]),
    read: z.boolean(),
    createdAt: z.iso.datetime(),
    url: z.url().describe("The item it is about."),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    excerpt: z.string(),
    article: z.object({ slug: z.string(), title: z.string() }).nullable(),
  }),
  Group: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(["custom", "board"]).describe("`board`: the editorial board's built-in group (members by role)."),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    membership: z.enum(["owner", "member", "board"]),
    memberCount: z.number().int(),
    createdAt: z.iso.datetime(),
    inviteUrl: z.url().optional().describe("The invite link (its owner only)."),
    members: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          role: z.enum(["owner", "member", "board"]),
          joinedAt: z.iso.datetime().nullable(),
        }),
      )
      .optional()
      .describe("GET /api/groups/{id} only."),
  }),
  Impact: z.object({
    kept: z.number().int(),
    moved: z.number().int(),
    orphaned: z.array(z.object({ id: z.string(), quote: z.string() })),
  }),
};

type Param = { name: string; in: "path" | "query"; required?: boolean; schema: z.ZodType; description?: string };
/** A response body: a zod schema, a component's name, a media type ("image/*"), a page of a list, or none. */
type Shape = z.ZodType | string | { list: string; of: string } | null;
type Op = {
  summary: string;
  auth?: string;
  params?: Param[];
  body?: z.ZodType;
  bodyType?: string;
  ok: [number, string, Shape];
  errors?: number[];
};

const ld = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const cursor: Param = {
  name: "cursor",
  in: "query",
  schema: z.string(),
  description: "Opaque; the previous page's `next`.",
};
const slug: Param = { name: "slug", in: "path", required: true, schema: slugSchema };
const id = (name = "id"): Param => ({ name, in: "path", required: true, schema: z.string() });
const list = (key: string, of: string) => ({ list: key, of });

// Builders for the blocks that recur with the same shape.
/** HEAD and OPTIONS of a W3C container or one of its items (`what`: "the container", "one annotation"…). */
const headAndOptions = (what: string, params: Param[], headErrors?: number[]): Record<"head" | "options", Op> => ({
  head: {
    summary: `${what[0].toUpperCase()}${what.slice(1)}'s headers`,
    params,
    ok: [200, "Headers only", null],
    ...(headErrors ? { errors: headErrors } : {}),
  },
  options: { summary: `What ${what} allows`, params, ok: [200, "Allow header", null] },
});
/** A reader's report on something (POST …/flags). */
const report = (summary: string, params: Param[]): Op => ({
  summary,
  auth: "signed in",
  params,
  body: reportSchema,
  ok: [201, "Reported", null],
  errors: [400, 401, 404, 409],
});

const paths: Record<string, Record<string, Op>> = {
  "/api/articles": {
    get: {
      summary:
        "Published articles, newest first; `?status=pending_review` (editor+): articles waiting for review, the longest-waiting first, with `submittedAt`, `wordCount`, `openNotes`",
      params: [cursor, { name: "status", in: "query", schema: z.enum(["published", "pending_review"]) }],
      ok: [200, "A page of articles", list("articles", "ArticleSummary")],
      errors: [400, 401, 403],
    },
    post: {
      summary:
        "Create an article (editor+; a contributor: always a draft — `published` or `publishAt` → 403). No slug: derived from the title, the first free “-2”, “-3”…",
      auth: "contributor",
      body: createArticleSchema,
      ok: [201, "Created (Location: the article)", null],
      errors: [400, 401, 403, 409],
    },
  },
  "/api/articles/{slug}": {
    get: {
      summary: "One article (an unpublished one: editors only, with its latest draft)",
      params: [slug],
      ok: [200, "The article", "Article"],
      errors: [404],
    },
    patch: {
      summary:
        "Edit an article (editor+): a body change publishes a new revision and re-anchors notes, unless `draft: true`",
      auth: "editor",
      params: [
        slug,
        {
          name: "dryRun",
          in: "query",
          schema: z.enum(["1", "true"]),
          description: "Return the annotation impact; change nothing.",
        },
      ],
      body: updateArticleSchema,
      ok: [200, "The article, the revision and the annotation impact", null],
      errors: [400, 401, 403, 404, 409, 422],
    },
  },
  "/api/articles/{slug}/submit": {
    post: {
      summary: "Submit a draft for review: `status` becomes `pending_review` (its contributor, or an editor)",
      auth: "contributor",
      params: [slug],
      ok: [200, "{slug, status}", null],
      errors: [401, 403, 404, 422],
    },
  },
  "/api/articles/{slug}/withdraw": {
    post: {
      summary: "Take an article back from review to edit it again: `status` becomes `draft`",
      auth: "contributor",
      params: [slug],
      ok: [200, "{slug, status}", null],
      errors: [401, 403, 404, 422],
    },
  },
  "/api/articles/{slug}/review": {
    post: {
      summary:
        "The board's decision on an article waiting for review (editor+): `approve` publishes it (or schedules it, with `publishAt` or the article's own), adding the publication's credit line unless it has one; `changes` returns it to the author's drafts. The author gets a `review` notification and a mail with the message",
      auth: "editor",
      params: [slug],
      body: reviewDecisionSchema,
      ok: [200, "{slug, status, decision, publishedAt}", null],
      errors: [400, 401, 403, 404, 409, 422],
    },
  },
  "/api/reviews/{slug}/": {
    get: {
      summary:
        "The article's review notes (editor+ and the article's author; 404 to anyone else): an AnnotationCollection anchored on the latest draft, each note with `state`, `resolved`, `changed`",
      auth: "contributor",
      params: [slug],
      ok: [200, "AnnotationCollection", null],
      errors: [404],
    },
    ...headAndOptions("the review container", [slug], [404]),
    post: {
      summary: "Add a review note on a passage of the latest draft, or a reply (201 + Location)",
      auth: "contributor",
      params: [slug],
      body: annotationInputSchema,
      bodyType: ld,
      ok: [201, "The review note", "Annotation"],
      errors: [400, 404, 413],
    },
  },
  "/api/reviews/{slug}/{id}": {
    get: {
      summary: "One review note (ETag)",
      params: [slug, id()],
      ok: [200, "The review note", "Annotation"],
      errors: [404],
    },
    ...headAndOptions("one review note", [slug, id()], [404]),
    put: {
      summary: "Change one's own review note's text, or mark any note `\"resolved\": true` / false (If-Match)",
      auth: "contributor",
      params: [slug, id()],
      body: annotationInputSchema,
      bodyType: ld,
      ok: [200, "The review note", "Annotation"],
      errors: [400, 403, 404, 412],
    },
    delete: {
      summary: "Delete one's own review note",
      auth: "contributor",
      params: [slug, id()],
      ok: [204, "Deleted", null],
      errors: [403, 404, 412],
    },
  },
  "/api/articles/{slug}/revisions": {
    get: {
      summary: "An article's revisions (editor+)",
      auth: "editor",
      params: [slug],
      ok: [200, "Revisions, newest first", null],
      errors: [401, 403, 404],
    },
  },
  "/api/articles/{slug}/comments": {
    get: {
      summary: "The threaded discussion",
      params: [slug, { name: "sort", in: "query", schema: commentSortSchema }, cursor],
      ok: [200, "{comments, next, total}", list("comments", "Comment")],
      errors: [404],
    },
    post: {
      summary: "Post a comment or a reply (201; 202 when held for moderation)",
      auth: "signed in",
      params: [slug],
      body: createCommentSchema,
      ok: [201, "The comment (`id` at the top level) and `held`", "Comment"],
      errors: [400, 401, 403, 404, 409, 422, 429],
    },
  },
  "/api/comments/preview": {
    post: {
      summary:
        "Preview a comment body: `{html, links, linkHoldThreshold}` — the HTML exactly as the server would store it (same Markdown subset, autolinked addresses, sanitizer) and its links as the moderation link rule counts them. Nothing is saved",
      auth: "signed in",
      body: editCommentSchema,
      ok: [200, "{html, links, linkHoldThreshold}", null],
      errors: [400, 401, 413],
    },
  },
  "/api/comments/{id}": {
    patch: {
      summary: "Edit one's own comment within the edit window",
      auth: "signed in",
      params: [id()],
      body: editCommentSchema,
      ok: [200, "The comment", "Comment"],
      errors: [400, 401, 403, 404],
    },
    delete: {
      summary: "Delete one's own comment (a placeholder stays while replies hang below)",
      auth: "signed in",
      params: [id()],
      ok: [200, "Deleted", null],
      errors: [401, 403, 404],
    },
  },
  "/api/comments/{id}/replies": {
    get: {
      summary:
        "A comment's replies, 50 at a time, each with its own replies within the page-load budgets (`moreReplies` where some are left out)",
      params: [id(), { name: "sort", in: "query", schema: commentSortSchema }, cursor],
      ok: [200, "{comments, next, remaining}", list("comments", "Comment")],
      errors: [400, 404],
    },
  },
  "/api/articles/{slug}/events": {
    get: {
      summary:
        "Server-Sent Events: `comment` / `annotation` events with `{action: created|updated|removed, id}` (ids only; a reply's `created` also has `parents`: the ids of the comments it is drawn under, nearest first) as the public discussion changes; `Last-Event-ID` (or ?lastEventId=) replays the last 5 minutes; `: keep-alive` lines",
      params: [slug],
      ok: [200, "text/event-stream", "text/event-stream"],
      errors: [404],
    },
  },
  "/api/media": {
    post: {
      summary:
        "Upload an image (contributor+): PNG, JPEG, WebP, GIF or AVIF up to 10 MB, checked by content → {url, width, height}; served immutable under /media/",
      auth: "contributor",
      bodyType: "multipart/form-data",
      ok: [201, "{url, width, height}", null],
      errors: [400, 401, 403, 413, 415],
    },
  },
  "/api/health": {
    get: {
      summary:
        "Health for load balancers: 200 {status: ok, database: ok}, or 503 {status: unavailable, database: unreachable} within 2 s",
      ok: [200, "{status, database}", null],
      errors: [503],
    },
    head: { summary: "Health, headers only", ok: [200, "Headers only", null], errors: [503] },
  },
  "/api/comments/{id}/flags": {
    post: report("Report a comment", [id()]),
  },
  "/api/comments/{id}/like": {
    put: {
      summary: "Like a comment",
      auth: "signed in",
      params: [id()],
      ok: [200, "{likeCount, liked}", null],
      errors: [401, 403, 404],
    },
    delete: {
      summary: "Take the like back",
      auth: "signed in",
      params: [id()],
      ok: [200, "{likeCount, liked}", null],
      errors: [401, 404],
    },
  },
  "/api/annotations/{slug}/": {
    get: {
      summary:
        'The article\'s annotation container: an AnnotationCollection with AnnotationPages (W3C Web Annotation Protocol). With `q`: only the notes whose text, tags or passage match it (full-text, English stemming; `"phrase"`, `or`, `-word`), among those the viewer may see; without `q` (or blank) the container as ever',
      params: [
        slug,
        cursor,
        {
          name: "q",
          in: "query",
          schema: z.string().max(1000),
          description: "Search the notes (the pages' ids and `next` carry it on).",
        },
      ],
      ok: [200, "AnnotationCollection", null],
      errors: [400, 404],
    },
    ...headAndOptions("the container", [slug]),
    post: {
      summary:
        "Create an annotation (201 + Location; 202 when a public note is held). A target that is the article itself with no selector is a page note (a note on the whole article)",
      auth: "signed in",
      params: [slug],
      body: annotationInputSchema,
      bodyType: ld,
      ok: [201, "The annotation", "Annotation"],
      errors: [400, 401, 403, 404, 409, 413, 422, 429],
    },
  },
  "/api/annotations/{slug}/{id}": {
    get: {
      summary: "One annotation (ETag)",
      params: [slug, id()],
      ok: [200, "The annotation", "Annotation"],
      errors: [404],
    },
    ...headAndOptions("one annotation", [slug, id()], [404]),
    put: {
      summary: "Replace one's own annotation (If-Match; re-attach an orphaned one with a new target)",
      auth: "signed in",
      params: [slug, id()],
      body: annotationInputSchema,
      bodyType: ld,
      ok: [200, "The annotation", "Annotation"],
      errors: [400, 401, 403, 404, 412, 422],
    },
    delete: {
      summary: "Delete one's own annotation",
      auth: "signed in",
      params: [slug, id()],
      ok: [204, "Deleted", null],
      errors: [401, 403, 404, 412],
    },
  },
  "/api/annotations/{slug}/{id}/flags": {
    post: report(
      "Report a public note, or a group note the viewer can see (never auto-hidden: its owner and the admins decide)",
      [slug, id()],
    ),
  },
  "/api/moderation/queue": {
    get: {
      summary: "The moderation queue (moderator+)",
      auth: "moderator",
      params: [
        { name: "status", in: "query", schema: queueStatusSchema },
        { name: "type", in: "query", schema: itemTypeSchema },
        { name: "article", in: "query", schema: z.string() },
        { name: "author", in: "query", schema: z.string() },
        { name: "reason", in: "query", schema: z.string() },
        cursor,
      ],
      ok: [200, "{items, next}", null],
      errors: [401, 403],
    },
  },
  "/api/moderation/actions": {
    post: {
      summary: "Act on a batch, all or nothing (moderator+; delete_permanently: admin)",
      auth: "moderator",
      body: moderationActionSchema,
      ok: [200, "The results", null],
      errors: [400, 401, 403, 404, 422],
    },
  },
  "/api/moderation/bans": {
    post: {
      summary: "Ban an account (moderator+)",
      auth: "moderator",
      body: banSchema,
      ok: [201, "The ban", null],
      errors: [400, 401, 403, 404],
    },
  },
  "/api/moderation/bans/{email}": {
    delete: {
      summary: "Lift a ban (moderator+)",
      auth: "moderator",
      params: [{ name: "email", in: "path", required: true, schema: emailSchema }],
      ok: [200, "Unbanned", null],
      errors: [400, 401, 403, 404],
    },
  },
  "/api/moderation/log": {
    get: {
      summary: "The audit log, newest first (moderator+)",
      auth: "moderator",
      params: [cursor],
      ok: [200, "{entries, next}", null],
      errors: [401, 403],
    },
  },
  "/api/moderation/settings": {
    get: {
      summary: "The moderation rules (editor+)",
      auth: "editor",
      ok: [200, "The rules", moderationSettingsSchema],
      errors: [401, 403],
    },
    put: {
      summary: "Change the moderation rules (editor+)",
      auth: "editor",
      body: moderationSettingsSchema,
      ok: [200, "The rules", moderationSettingsSchema],
      errors: [400, 401, 403],
    },
  },
  "/api/moderation/users": {
    patch: {
      summary: "Change an account's role (admin); the last admin stays",
      auth: "admin",
      body: changeRoleSchema,
      ok: [200, "{email, role}", null],
      errors: [400, 401, 403, 404],
    },
  },
  "/api/me": {
    get: {
      summary: "The account the request authenticates as",
      auth: "signed in",
      ok: [200, "The viewer", "Viewer"],
      errors: [401],
    },
  },
  "/api/me/articles/{slug}": {
    get: {
      summary:
        "The personal layer of an article page (the page's HTML is the same for every viewer): who reads (name, role links, the board's pending count), a ban notice, liked comments, own comments with their edit window, own held comments with why they are held, own private and pending notes, whether they may comment. Anonymous: viewer null. Cache-Control: private, no-store",
      params: [slug],
      ok: [200, "The viewer's layer", "Personal"],
      errors: [404],
    },
  },
  "/api/me/notes": {
    get: {
      summary:
        "Everything the viewer wrote (notes, highlights, replies; public, private and any other audience), newest first: {items, next} — each the W3C annotation as in the container plus `article` {slug, title}, `passageUrl` (the article opened at the passage, the note open) and, for a reply, `replyTo` {id, quote}. With `format=jsonld|md|csv`: all of them (as filtered) as a download — a W3C AnnotationCollection, Markdown (per article a heading, then each passage as a quote and the note) or CSV (RFC 4180; a cell starting with = + - @ gets a leading apostrophe). Cache-Control: private, no-store",
      auth: "signed in",
      params: [
        cursor,
        {
          name: "limit",
          in: "query",
          schema: z.number().int().min(1).max(100),
          description: "Page size (default 50).",
        },
        { name: "article", in: "query", schema: slugSchema, description: "Only notes on this article (slug)." },
        { name: "tag", in: "query", schema: z.string().max(40), description: "Only notes with this tag." },
        {
          name: "visibility",
          in: "query",
          schema: z.string(),
          description: "Only notes of this audience: `public`, `private` (and any audience notes may have).",
        },
        {
          name: "group",
          in: "query",
          schema: z.string(),
          description: "Only notes for this group (once groups exist).",
        },
        { name: "q", in: "query", schema: z.string().max(1000), description: "Search my notes (text, tags, passage)." },
        {
          name: "replies",
          in: "query",
          schema: z.enum(["include", "exclude", "only"]),
          description: "Default include.",
        },
        { name: "format", in: "query", schema: z.enum(["jsonld", "md", "csv"]), description: "Download as a file." },
      ],
      ok: [200, "{items, next}, or the file", null],
      errors: [400, 401],
    },
  },
  "/api/groups": {
    get: {
      summary:
        "The viewer's reading groups (issue 19): those they belong to now; the editorial board's first for its members",
      auth: "signed in",
      ok: [200, "{groups}", list("groups", "Group")],
      errors: [401],
    },
    post: {
      summary: "Make a reading group: the viewer becomes its owner and gets its invite link (`inviteUrl`)",
      auth: "signed in",
      body: groupInputSchema,
      ok: [201, "The group (Location: /api/groups/{id})", "Group"],
      errors: [400, 401, 403, 413],
    },
  },
  "/api/groups/{id}": {
    get: {
      summary: "One group with its members; its members only (404 to anyone else)",
      auth: "signed in",
      params: [id()],
      ok: [200, "The group with `members`", "Group"],
      errors: [401, 404],
    },
  },
  "/api/groups/join": {
    post: {
      summary:
        "Join a group with its invite link's token ({token}: the last segment of /groups/join/<token>); joining again changes nothing; a member the owner removed is refused (403)",
      auth: "signed in",
      body: inviteTokenSchema,
      ok: [200, "The group", "Group"],
      errors: [400, 401, 403, 404],
    },
  },
  "/api/groups/{id}/leave": {
    post: {
      summary:
        "Leave a group: its notes are no longer shown to you; what you wrote there stays (the owner cannot leave: 422)",
      auth: "signed in",
      params: [id()],
      ok: [200, "{left: true}", null],
      errors: [401, 404, 422],
    },
  },
  "/api/groups/{id}/members/{userId}": {
    delete: {
      summary: "The owner removes a member (audited; the invite link no longer lets them back)",
      auth: "the group's owner",
      params: [id(), id("userId")],
      ok: [204, "Removed", null],
      errors: [401, 403, 404, 422],
    },
  },
  "/api/groups/{id}/notes/{noteId}": {
    delete: {
      summary:
        "The group's owner (an admin too, for reports; moderators for the board's) removes a note written in the group: its status becomes `trash`, its text and history are kept (audited)",
      auth: "the group's owner",
      params: [id(), id("noteId")],
      ok: [204, "Removed", null],
      errors: [401, 403, 404],
    },
  },
  "/api/me/notifications": {
    get: {
      summary:
        "The viewer's notifications, newest first: `reply` (to your comment or note), `comment` (a new comment on an article you follow), `approved` (your held contribution was approved), `review` (a decision on your submitted article). Envelope {items, next, unread}",
      auth: "signed in",
      params: [
        cursor,
        {
          name: "limit",
          in: "query",
          schema: z.number().int().min(1).max(100),
          description: "Page size (default 30).",
        },
      ],
      ok: [200, "{items, next, unread}", list("items", "Notification")],
      errors: [400, 401],
    },
  },
  "/api/me/notifications/read": {
    post: {
      summary: "Mark notifications read: {ids: [...]} (the viewer's own; others' ids change nothing) or {all: true}",
      auth: "signed in (cookie; no token scope)",
      body: markReadSchema,
      ok: [204, "Marked", null],
      errors: [400, 401, 403],
    },
  },
  "/api/articles/{slug}/subscription": {
    get: {
      summary: "Whether the viewer follows the article's discussion → {following}",
      auth: "signed in",
      params: [slug],
      ok: [200, "{following}", null],
      errors: [401, 404],
    },
    put: {
      summary:
        "Follow the article's discussion: a `comment` notification per new visible comment, and mail (at most one an hour per article) unless turned off",
      auth: "signed in",
      params: [slug],
      ok: [200, "{following: true}", null],
      errors: [401, 403, 404],
    },
    delete: {
      summary: "Stop following the article's discussion",
      auth: "signed in",
      params: [slug],
      ok: [200, "{following: false}", null],
      errors: [401, 403, 404],
    },
  },
  "/api/subscribers": {
    post: {
      summary:
        "New articles by e-mail: 202 whatever the address (nobody learns who subscribed); a confirmation mail with a single-use link (48 h) follows. A plain HTML form (application/x-www-form-urlencoded) gets 303 to /subscribe instead",
      body: subscribeSchema,
      ok: [202, "Accepted", null],
      errors: [400, 403, 429],
    },
    get: {
      summary: "Admins: {confirmed, waiting} subscriber counts",
      auth: "admin",
      ok: [200, "{confirmed, waiting}", null],
      errors: [401, 403],
    },
  },
  "/api/subscribers/confirm": {
    post: {
      summary:
        "Confirm a subscription with the link's token ({token}; the confirmation page's button). 204 (a form: 303 to /subscribe?confirmed=1); an expired or used token → 404",
      body: z.object({ token: z.string() }),
      ok: [204, "Confirmed", null],
      errors: [400, 403, 404],
    },
  },
  "/api/subscribers/export": {
    get: {
      summary: "Admins: the confirmed subscribers as CSV (email, confirmed_at)",
      auth: "admin",
      ok: [200, "text/csv", "text/csv"],
      errors: [401, 403],
    },
  },
  "/api/unsubscribe": {
    post: {
      summary:
        "The signed way out of a mail (the URL of its List-Unsubscribe header; RFC 8058 one-click: body `List-Unsubscribe=One-Click`, no session, no Origin needed). k=articles|replies|followed, i=subscriber or account id, t=signature",
      params: [
        { name: "k", in: "query", schema: z.enum(["articles", "replies", "followed"]) },
        { name: "i", in: "query", schema: z.string() },
        { name: "t", in: "query", schema: z.string() },
      ],
      bodyType: "application/x-www-form-urlencoded",
      ok: [200, "{unsubscribed: true}", null],
      errors: [400, 404],
    },
  },
  "/api/users/{id}/avatar": {
    get: { summary: "An account's picture", params: [id()], ok: [200, "The image", "image/*"], errors: [404] },
  },
  "/api/auth/csrf": {
    get: { summary: "Auth.js CSRF token for the credentials sign-in", ok: [200, "{ csrfToken }", null] },
  },
  "/api/auth/callback/credentials": {
    post: {
      summary: "Credentials sign-in (form fields email, password, csrfToken)",
      bodyType: "application/x-www-form-urlencoded",
      ok: [302, "Redirect; sets the session cookie on success", null],
    },
  },
  "/api/auth/session": { get: { summary: "The current session", ok: [200, "Session or null", null] } },
  "/api/auth/signout": {
    post: {
      summary: "Sign out (form field csrfToken)",
      bodyType: "application/x-www-form-urlencoded",
      ok: [302, "Redirect", null],
    },
  },
};

const errorText: Record<number, string> = {
  400: "Bad input (fields named)",
  401: "No identity",
  403: "Not allowed (or banned, or a cross-site write)",
  404: "Not found",
  409: "Conflict or duplicate",
  412: "The ETag is stale",
  413: "Too large",
  415: "Not an accepted image type",
  422: "Rule violation",
  429: "Rate limited (Retry-After)",
  503: "Unavailable: the database cannot be reached (Retry-After)",
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operation(op: Op) {
  const [status, description, shape] = op.ok;
  const json = (body: object) => ({ "application/json": { schema: body } });
  const content =
    shape === null
      ? undefined
      : typeof shape === "string"
        ? shape.includes("/")
          ? { [shape]: {} }
          : json(ref(shape))
        : "list" in shape
          ? json({
              type: "object",
              properties: { [shape.list]: { type: "array", items: ref(shape.of) }, next: { type: ["string", "null"] } },
            })
          : json(schema(shape));
  return {
    summary: op.summary,
    ...(op.auth ? { security: [{ bearer: [] }, { session: [] }], description: `Needs: ${op.auth}.` } : {}),
    ...(op.params
      ? {
          parameters: op.params.map((p) => ({
            name: p.name,
            in: p.in,
            required: p.in === "path" || !!p.required,
            ...(p.description ? { description: p.description } : {}),
            schema: schema(p.schema),
          })),
        }
      : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { [op.bodyType ?? "application/json"]: { schema: schema(op.body) } },
          },
        }
      : op.bodyType
        ? { requestBody: { content: { [op.bodyType]: {} } } }
        : {}),
    responses: {
      [status]: { description, ...(content ? { content } : {}) },
      ...Object.fromEntries(
        (op.errors ?? []).map((code) => [
          code,
          { description: errorText[code], content: { "application/json": { schema: ref("Error") } } },
        ]),
      ),
    },
  };
}

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Gloss API",
      version: "1.1.0",
      description:
        "Articles, comments, annotations (W3C Web Annotation Protocol) and moderation. Auth: the Auth.js session cookie or `Authorization: Bearer <personal access token>` (a token needs the scope of the request: `read` for reads; `comments`, `annotations`, `articles` (images too) or `moderation` for writes — 403 without it). Cookie-authenticated writes must send an Origin equal to the site's own. An anonymous write is 401 before its body is read; bodies over the route's limit (comments 100 kB, notes 50 kB, articles 2 MB) are 413. Errors: `{error: {code, message, fields?}}`; never a 500 for bad input.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: Object.fromEntries(Object.entries(responses).map(([name, s]) => [name, schema(s)])),
    },
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, ops]) => [
        path,
        Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, operation(op)])),
      ]),
    ),
  };
}
