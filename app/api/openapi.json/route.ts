import { siteUrl } from "@/lib/env";
import { openApiDocument } from "@/lib/http/openapi";

export function GET() {
  return Response.json(openApiDocument(siteUrl()), { headers: { "Cache-Control": "public, max-age=300" } });
}
