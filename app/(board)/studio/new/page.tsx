import type { Metadata } from "next";
import { EditorClient } from "@/components/studio/editor-client";
import { NoAccess } from "@/components/studio/no-access";
import { publication } from "@/lib/site";
import { studioViewer } from "../access";

export const metadata: Metadata = { title: "New article · Studio", robots: { index: false } };

export default async function NewArticlePage() {
  const { viewer, allowed } = await studioViewer("/studio/new");
  if (!allowed) return <NoAccess role={viewer.role} />;
  const fields = { title: "", slug: "", author: viewer.name, affiliation: "", credit: "", excerpt: "", categories: [], tags: [], commentsOpen: true, annotationsOpen: true, body: "" };
  return <EditorClient initial={{ fields, article: null }} publication={publication.name} />;
}
