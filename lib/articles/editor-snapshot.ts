import type { getArticleForEditor } from "@/lib/articles/get-article-for-editor";

type EditorArticle = Awaited<ReturnType<typeof getArticleForEditor>>;

/** The editable fields as the editor holds them (categories and tags as lists). */
export type EditorFields = {
  title: string;
  slug: string;
  author: string;
  affiliation: string;
  credit: string;
  excerpt: string;
  categories: string[];
  tags: string[];
  commentsOpen: boolean;
  annotationsOpen: boolean;
  body: string;
};

/** What the editor must know of the stored article after each save. */
export type EditorSnapshot = {
  slug: string;
  status: "draft" | "pending_review" | "scheduled" | "published";
  publishedAt: string | null;
  publishAt: string | null;
  headRevision: number;
  publishedBody: string | null;
  hasDraft: boolean;
  notes: number;
};

export function snapshotOf(a: EditorArticle): EditorSnapshot {
  return {
    slug: a.slug,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    publishAt: a.publishAt?.toISOString() ?? null,
    headRevision: a.headRevision,
    publishedBody: a.currentRevision?.body ?? null,
    hasDraft: !!a.draftRevision,
    notes: a._count.annotations,
  };
}

export function fieldsOf(a: EditorArticle): EditorFields {
  return {
    title: a.title,
    slug: a.slug,
    author: a.authorName,
    affiliation: a.affiliation,
    credit: a.credit,
    excerpt: a.excerpt,
    categories: a.categories.map((c) => c.name),
    tags: a.tags.map((t) => t.name),
    commentsOpen: a.commentsOpen,
    annotationsOpen: a.annotationsOpen,
    body: (a.draftRevision ?? a.currentRevision)?.body ?? "",
  };
}
