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
    info: { title: "Gloss API", version: "1.0.0", description: "Articles, accounts and (as they land) comments, annotations and moderation. Auth: the Auth.js session cookie or `Authorization: Bearer <personal access token>` (a token needs the scope of the request: `read` for reads; `comments`, `annotations`, `articles` or `moderation` for writes — 403 without it). Cookie-authenticated writes must send an Origin equal to the site's own. An anonymous write is 401 before its body is read; bodies over the route's limit (comments 100 kB, notes 50 kB, articles 2 MB) are 413." },
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
      "/api/auth/csrf": { get: { summary: "Auth.js CSRF token for the credentials sign-in", responses: { 200: { description: "{ csrfToken }" } } } },
      "/api/auth/callback/credentials": { post: { summary: "Credentials sign-in (form fields email, password, csrfToken)", responses: { 302: { description: "Redirect; sets the session cookie on success" } } } },
      "/api/auth/session": { get: { summary: "The current session", responses: { 200: { description: "Session or null" } } } },
      "/api/auth/signout": { post: { summary: "Sign out (form field csrfToken)", responses: { 302: { description: "Redirect" } } } },
    },
  };
}
