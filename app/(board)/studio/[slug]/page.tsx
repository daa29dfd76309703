import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditorClient } from "@/components/studio/editor-client";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { isAppError } from "@/lib/errors";
import { fieldsOf, snapshotOf } from "@/lib/articles/editor-snapshot";
import { requirePage } from "@/lib/auth/require-page";

export const metadata: Metadata = { title: "Edit article · Studio", robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { slug } = await params;
  const viewer = await requirePage("articles.read_drafts", `/studio/${slug}`);
  const article = await getArticleForEditor(viewer, slug).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  // Keyed by slug: a client navigation to another article starts a fresh editor.
  return <EditorClient key={article.id} initial={{ fields: fieldsOf(article), article: snapshotOf(article) }} publication={article.publication} />;
}
