import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { noteFromJson } from "@/components/annotations/model/note-data";
import { DeskPanel } from "@/components/studio/desk-panel";
import { ReviewMargin } from "@/components/studio/review-margin";
import { StatusBadge } from "@/components/studio/status-badge";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { listReviewNotes } from "@/lib/reviews/list-review-notes";
import { reviewNoteJson } from "@/lib/reviews/review-note-json";

export const metadata: Metadata = { title: "Review · Studio", robots: { index: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The draft as readers would see it, with the review notes in its margin (the editorial desk):
// the board comments on passages; the author reads the notes beside them, replies, resolves.
export default async function ReviewPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await requirePage("articles.read_own", `/studio/${slug}/review`);
  const notFoundOn = (e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  };
  const article = await getArticleForEditor(viewer, slug).catch(notFoundOn);
  const { notes } = await listReviewNotes(viewer, slug).catch(notFoundOn);
  const revision = article.draftRevision ?? article.currentRevision;
  const board = roleCan(viewer.role, "articles.review");
  const isAuthor = article.ownerId === viewer.id;
  const data = notes.map((n) => noteFromJson(reviewNoteJson(n, { withContext: false, viewerId: viewer.id })));
  const openNotes = notes.filter((n) => !n.parentId && !n.resolvedAt).length;
  return (
    <>
      <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <Link href={`/studio/${slug}`} className="text-sm text-accent-700 hover:underline dark:text-accent-300">
            ← Back to the editor
          </Link>
          <StatusBadge status={article.status} />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <DeskPanel
          slug={slug}
          status={article.status}
          isAuthor={isAuthor}
          board={board}
          openNotes={openNotes}
          notice={typeof query.desk === "string" ? query.desk : null}
          width="max-w-none"
        />
      </div>
      <div className="mx-auto grid max-w-6xl gap-x-12 px-4 py-8 sm:px-6 lg:grid-cols-[minmax(0,44rem)_minmax(14rem,1fr)]">
        <article className="min-w-0" aria-labelledby="article-title">
          <header className="mb-8">
            <p className="text-sm font-semibold uppercase tracking-wider text-sky-800 dark:text-sky-300">
              {article.status === "pending_review"
                ? "Draft under review"
                : article.status === "draft"
                  ? "Draft"
                  : "Latest text"}{" "}
              · revision {article.headRevision}
            </p>
            <h1
              id="article-title"
              className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl"
            >
              {article.title}
            </h1>
            <p className="mt-4 text-base text-zinc-700 dark:text-zinc-300">
              by <span className="font-semibold">{article.authorName}</span>
              {article.affiliation ? `, ${article.affiliation}` : ""}
            </p>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              Select a passage to comment on it. Only the editorial board and the author see these notes.
            </p>
          </header>
          <div className="article-body" dangerouslySetInnerHTML={{ __html: revision?.html ?? "" }} />
          <div className="relative" data-annotation-host />
        </article>
        <aside aria-label="Review notes" className="hidden lg:col-start-2 lg:row-start-1 lg:block" data-margin-column />
        <div className="min-w-0 lg:col-start-1">
          <ReviewMargin slug={slug} notes={data} viewer={{ id: viewer.id, name: viewer.name }} canWrite={!!revision} />
        </div>
      </div>
    </>
  );
}
