import { citeResponse } from "@/lib/citations/cite-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return citeResponse((await params).slug, "bib");
}
