import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { bibtex, cslJson, ris } from "./cite-article";

const formats = {
  bib: {
    type: "application/x-bibtex; charset=utf-8",
    body: (base: string, a: Parameters<typeof bibtex>[1], now: Date) => bibtex(base, a, now),
  },
  ris: {
    type: "application/x-research-info-systems; charset=utf-8",
    body: (base: string, a: Parameters<typeof ris>[1], now: Date) => ris(base, a, now),
  },
  json: {
    type: "application/vnd.citationstyles.csl+json; charset=utf-8",
    body: (base: string, a: Parameters<typeof cslJson>[1], now: Date) =>
      JSON.stringify(cslJson(base, a, now), null, 2) + "\n",
  },
} as const;

/** /articles/<slug>/cite.<format>: a download a reference manager imports; an old slug redirects. */
export async function citeResponse(slug: string, format: keyof typeof formats): Promise<Response> {
  const found = await getPublishedArticle(slug);
  if (!found)
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if ("movedTo" in found) return Response.redirect(`${siteUrl()}/articles/${found.movedTo}/cite.${format}`, 308);
  const { type, body } = formats[format];
  return new Response(body(siteUrl(), found.article, clock.now()), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `inline; filename="${found.article.slug}.${format}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
