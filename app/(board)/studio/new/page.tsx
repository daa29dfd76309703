import type { Metadata } from "next";
import { EditorClient } from "@/components/studio/editor-client";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { publication } from "@/lib/site";

export const metadata: Metadata = { title: "New article · Studio", robots: { index: false } };

export default async function NewArticlePage() {
  const viewer = await requirePage("articles.create_draft", "/studio/new");
  const fields = {
    title: "",
    slug: "",
    author: viewer.name,
    affiliation: "",
    credit: "",
    excerpt: "",
    categories: [],
    tags: [],
    commentsOpen: true,
    annotationsOpen: true,
    body: "",
  };
  return (
    <EditorClient
      initial={{ fields, article: null }}
      publication={publication.name}
      canPublish={roleCan(viewer.role, "articles.publish")}
    />
  );
}
