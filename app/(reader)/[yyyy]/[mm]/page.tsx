import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArchiveView, archiveMetadata } from "@/components/article/archive-view";
import { findLegacyRedirect } from "@/lib/articles/find-legacy-redirect";
import { findArchive } from "@/lib/articles/list-archives";

type Props = { params: Promise<{ yyyy: string; mm: string }>; searchParams: Promise<{ after?: string | string[] }> };

const load = cache(async (yyyy: string, mm: string) => findArchive("month", yyyy, mm));

export async function generateMetadata({ params }: Props) {
  const { yyyy, mm } = await params;
  return archiveMetadata(await load(yyyy, mm));
}

// /2022/10: the articles published that month (UTC).
export default async function MonthArchivePage({ params, searchParams }: Props) {
  const { yyyy, mm } = await params;
  const archive = await load(yyyy, mm);
  if (!archive) {
    // Not a month: perhaps an imported post's old two-segment address (/category/post-name/).
    const to = await findLegacyRedirect(`/${yyyy}/${mm}`);
    if (to) permanentRedirect(to);
    notFound();
  }
  return <ArchiveView archive={archive} after={(await searchParams).after} />;
}
