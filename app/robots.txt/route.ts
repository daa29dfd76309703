import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

// Everything readers see may be crawled; the API, accounts and the editorial board may not.
const disallowed = ["/api/", "/account", "/moderation", "/studio", "/dev"];

export function GET() {
  const body = ["User-agent: *", "Allow: /", ...disallowed.map((p) => `Disallow: ${p}`), "", `Sitemap: ${siteUrl()}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
