import { notFound } from "next/navigation";
import { cache } from "react";
import { ArchiveView, archiveMetadata, decodeParam } from "@/components/article/archive-view";
import { findArchive } from "@/lib/articles/list-archives";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ after?: string | string[] }> };

const load = cache(async (slug: string) => findArchive("tag", decodeParam(slug)));

export async function generateMetadata({ params }: Props) {
  return archiveMetadata(await load((await params).slug));
}

export default async function TagArchivePage({ params, searchParams }: Props) {
  const archive = await load((await params).slug);
  if (!archive) notFound();
  return <ArchiveView archive={archive} after={(await searchParams).after} />;
}
