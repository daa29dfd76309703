import { notFound, permanentRedirect } from "next/navigation";
import { findLegacyRedirect } from "@/lib/articles/find-legacy-redirect";

type Props = { params: Promise<{ yyyy: string; mm: string; rest: string[] }> };

// /2023/03/14/freedom-of-navigation/ (and /2023/03/freedom-of-navigation/): an imported WordPress
// post's old permalink is a permanent redirect to its article; /yyyy/mm stays the month archive.
export default async function LegacyPostPath({ params }: Props) {
  const { yyyy, mm, rest } = await params;
  const to = await findLegacyRedirect(`/${[yyyy, mm, ...rest].join("/")}`);
  if (!to) notFound();
  permanentRedirect(to);
}
