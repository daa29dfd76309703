// The OpenAPI document served at /api/openapi.json: what the API offers today (CONTRACT.md).
const error = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" }, fields: { type: "object", additionalProperties: { type: "string" } } } } },
};
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Gloss API", version: "1.0.0", description: "Articles, accounts and (as they land) comments, annotations and moderation. Auth: the Auth.js session cookie or `Authorization: Bearer <personal access token>`. Cookie-authenticated writes must send an Origin equal to the site's own." },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" }, session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
      schemas: {
        Error: error,
        ArticleSummary: {
          type: "object",
          properties: { slug: { type: "string" }, title: { type: "string" }, author: { type: "string" }, affiliation: { type: "string" }, excerpt: { type: "string" }, publishedAt: { type: "string", format: "date-time" }, revision: { type: "integer" }, readingMinutes: { type: "integer" } },
        },
        Article: {
          allOf: [{ $ref: "#/components/schemas/ArticleSummary" }, {
            type: "object",
            properties: {
              credit: { type: "string" }, publication: { type: "string" }, categories: { type: "array", items: { type: "string" } }, tags: { type: "array", items: { type: "string" } },
              html: { type: "string", description: "Rendered body; every block carries data-block-id." },
              text: { type: "string", description: "Plain text that annotation positions count in (Unicode code points): block texts, white space collapsed, joined by \\n." },
              body: { type: "string", description: "Markdown source (editors only)." },
            },
          }],
        },
        Comment: {
          type: "object",
          required: ["id", "parentId", "author", "body", "html", "status", "createdAt", "editedAt", "depth", "replies"],
          properties: {
            id: { type: "string" }, parentId: { type: ["string", "null"] },
            author: { type: "object", properties: { id: { type: ["string", "null"] }, name: { type: "string" }, image: { type: ["string", "null"] } } },
            body: { type: ["string", "null"], description: "Markdown; null when deleted." }, html: { type: ["string", "null"] },
            status: { enum: ["approved", "pending", "deleted"] }, reasons: { type: "array", items: { type: "string" }, description: "Why a held comment waits (its author only)." },
            likes: { type: "integer" }, liked: { type: "boolean", description: "Signed-in requests only." },
            createdAt: { type: "string", format: "date-time" }, editedAt: { type: ["string", "null"], format: "date-time" },
            depth: { type: "integer", description: "Nesting level as shown (replies below the last level are listed flat at it)." },
            replies: { type: "array", items: { $ref: "#/components/schemas/Comment" } },
            moreReplies: {
              type: "object", required: ["count", "cursor"],
              description: "Replies this load left out (a load carries at most `commentsPerLoad` comments, 100 by default): how many comments, and the cursor for GET /api/comments/{id}/replies (null: from the first reply).",
              properties: { count: { type: "integer" }, cursor: { type: ["string", "null"] } },
            },
          },
        },
      },
    },
    paths: {
      "/api/articles": {
        get: {
          summary: "Published articles, newest first",
          parameters: [{ name: "cursor", in: "query", schema: { type: "string" } }],
          responses: { 200: { description: "A page of articles", content: { "application/json": { schema: { type: "object", properties: { articles: { type: "array", items: { $ref: "#/components/schemas/ArticleSummary" } }, next: { type: ["string", "null"] } } } } } } },
        },
      },
      "/api/articles/{slug}": {
        get: {
          summary: "One published article",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,120}$" } }],
          responses: { 200: { description: "The article", content: { "application/json": { schema: { $ref: "#/components/schemas/Article" } } } }, 404: errorResponse("No published article has that slug") },
        },
      },
      "/api/articles/{slug}/comments": {
        get: {
          summary: "A page of the discussion: top-level comments with as many replies as one load carries",
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" } },
            { name: "sort", in: "query", schema: { enum: ["oldest", "newest", "top"], default: "oldest" } },
            { name: "cursor", in: "query", schema: { type: "string" } },
          ],
          responses: { 200: { description: "Threads; `next` pages the top-level comments", content: { "application/json": { schema: { type: "object", properties: { comments: { type: "array", items: { $ref: "#/components/schemas/Comment" } }, next: { type: ["string", "null"] }, total: { type: "integer" } } } } } }, 404: errorResponse("No published article has that slug") },
        },
      },
      "/api/comments/{id}/replies": {
        get: {
          summary: "A comment's replies, paged (what \"Show N more replies\" loads); each with its own replies within one load's budget",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "sort", in: "query", description: "Order of the paged replies; replies below them are oldest first.", schema: { enum: ["oldest", "newest", "top"], default: "oldest" } },
            { name: "cursor", in: "query", description: "`moreReplies.cursor` or a previous answer's `next`.", schema: { type: "string" } },
          ],
          responses: {
            200: { description: "Up to 50 replies after the cursor", content: { "application/json": { schema: { type: "object", properties: { comments: { type: "array", items: { $ref: "#/components/schemas/Comment" } }, next: { type: ["string", "null"] }, remaining: { type: "integer", description: "Comments of the branch after this page." } } } } } },
            400: errorResponse("Malformed cursor or unknown sort"),
            404: errorResponse("No comment with that id is visible to the requester"),
          },
        },
      },
      "/api/me": {
        get: {
          summary: "The account the request authenticates as",
          security: [{ bearer: [] }, { session: [] }],
          responses: { 200: { description: "The viewer", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" }, role: { enum: ["commenter", "moderator", "editor", "admin"] }, status: { enum: ["active", "banned"] } } } } } }, 401: errorResponse("No identity") },
        },
      },
      "/api/auth/csrf": { get: { summary: "Auth.js CSRF token for the credentials sign-in", responses: { 200: { description: "{ csrfToken }" } } } },
      "/api/auth/callback/credentials": { post: { summary: "Credentials sign-in (form fields email, password, csrfToken)", responses: { 302: { description: "Redirect; sets the session cookie on success" } } } },
      "/api/auth/session": { get: { summary: "The current session", responses: { 200: { description: "Session or null" } } } },
      "/api/auth/signout": { post: { summary: "Sign out (form field csrfToken)", responses: { 302: { description: "Redirect" } } } },
    },
  };
}
