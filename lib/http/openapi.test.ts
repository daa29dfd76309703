import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const apiDir = path.resolve(__dirname, "../../app/api");
const methods = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/api as its OpenAPI path, with the methods it exports. */
function routes(dir = apiDir): [string, string[]][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string[]][] => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routes(full);
    if (e.name !== "route.ts") return [];
    const source = fs.readFileSync(full, "utf8");
    const exported = methods.filter((m) =>
      new RegExp(`export (const|async function|function) ${m}\\b|export \\{[^}]*\\b${m}\\b`).test(source),
    );
    const route = `/api/${path.relative(apiDir, dir).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
    return [[route, exported]];
  });
}

describe("/api/openapi.json", () => {
  const doc = openApiDocument("https://gloss.example");
  const documented = (route: string) =>
    doc.paths[route as keyof typeof doc.paths] ?? doc.paths[`${route}/` as keyof typeof doc.paths];

  it("documents every method of every route handler (but the internal ones and itself)", () => {
    const found = routes().filter(
      ([route]) =>
        !route.startsWith("/api/internal/") && route !== "/api/openapi.json" && !route.includes("{...nextauth}"),
    );
    expect(found.length).toBeGreaterThan(15);
    for (const [route, exported] of found) {
      const ops = documented(route) as Record<string, unknown> | undefined;
      expect(ops, route).toBeDefined();
      for (const m of exported) expect(Object.keys(ops!), `${m} ${route}`).toContain(m.toLowerCase());
    }
  });

  it("takes request bodies from the zod schemas the domain parses with", () => {
    const paths = JSON.parse(JSON.stringify(doc.paths));
    const post = paths["/api/articles"].post as {
      requestBody: {
        content: {
          "application/json": { schema: { required: string[]; properties: Record<string, { maxLength?: number }> } };
        };
      };
    };
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["title", "body"]));
    expect(body.properties.title.maxLength).toBe(200);
    const ban = paths["/api/moderation/bans"].post as {
      requestBody: { content: { "application/json": { schema: { properties: { duration: { enum: string[] } } } } } };
    };
    expect(ban.requestBody.content["application/json"].schema.properties.duration.enum).toEqual([
      "1d",
      "7d",
      "30d",
      "permanent",
    ]);
    expect(JSON.parse(JSON.stringify(doc)).openapi).toBe("3.1.0");
  });
});
