import { notFound, permanentRedirect } from "next/navigation";
import { findLegacyRedirect } from "@/lib/articles/find-legacy-redirect";

type Props = { params: Promise<{ yyyy: string }> };

// One segment at the root that no page owns: an imported post's old address of the
// /%postname%/ kind redirects to its article (issue 18, item 5); anything else is a 404.
export default async function LegacySingleSegmentPath({ params }: Props) {
  const to = await findLegacyRedirect(`/${(await params).yyyy}`);
  if (!to) notFound();
  permanentRedirect(to);
}
