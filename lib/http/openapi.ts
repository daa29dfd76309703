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
      "/api/me": {
        get: {
          summary: "The account the request authenticates as",
          security: [{ bearer: [] }, { session: [] }],
          responses: { 200: { description: "The viewer", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, email: { type: "string" }, role: { enum: ["commenter", "moderator", "editor", "admin"] }, status: { enum: ["active", "banned"] } } } } } }, 401: errorResponse("No identity") },
        },
      },
      "/api/me/articles/{slug}": {
        get: {
          summary: "The personal layer of an article page: who the viewer is (name, role links, the board's pending count), a ban notice, liked comments, own comments with their edit window (editableUntil), own held comments with why they are held, own private and pending notes, whether they may comment. Anonymous: viewer null. Cache-Control: private, no-store",
          security: [{ bearer: [] }, { session: [] }, {}],
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9-]{1,120}$" } }],
          responses: {
            200: { description: "The viewer's layer", content: { "application/json": { schema: { type: "object", required: ["viewer", "canComment", "liked", "own", "held", "notes"], properties: {
              viewer: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" }, role: { enum: ["commenter", "moderator", "editor", "admin"] }, links: { type: "array", items: { type: "object", properties: { href: { type: "string" }, label: { type: "string" } } } }, pending: { type: ["integer", "null"] } } },
              ban: { type: ["object", "null"], properties: { notice: { type: "string" }, until: { type: ["string", "null"], format: "date-time" } } },
              canComment: { type: "boolean" }, canAnnotate: { type: "boolean" }, editWindowMs: { type: "integer" }, linkHoldThreshold: { type: "integer" },
              liked: { type: "array", items: { type: "string" } },
              own: { type: "array", items: { type: "object", properties: { id: { type: "string" }, editableUntil: { type: ["string", "null"], format: "date-time" }, body: { type: ["string", "null"] } } } },
              held: { type: "array", items: { type: "object", description: "A comment (as in the comments API) with reasons and explanation (sentences)" } },
              notes: { type: "array", items: { type: "object", description: "W3C annotations: the viewer's private notes, highlights and held notes" } },
            } } } } },
            404: errorResponse("No published article has that slug"),
          },
        },
      },
      "/api/auth/csrf": { get: { summary: "Auth.js CSRF token for the credentials sign-in", responses: { 200: { description: "{ csrfToken }" } } } },
      "/api/auth/callback/credentials": { post: { summary: "Credentials sign-in (form fields email, password, csrfToken)", responses: { 302: { description: "Redirect; sets the session cookie on success" } } } },
      "/api/auth/session": { get: { summary: "The current session", responses: { 200: { description: "Session or null" } } } },
      "/api/auth/signout": { post: { summary: "Sign out (form field csrfToken)", responses: { 302: { description: "Redirect" } } } },
    },
  };
}
