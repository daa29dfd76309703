import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeskPanel } from "@/components/studio/desk-panel";
import { EditorClient } from "@/components/studio/editor-client";
import { StudioTime } from "@/components/studio/studio-time";
import { restoreArticleAction, trashArticleAction } from "@/lib/actions/articles/trash-article";
import { fieldsOf, snapshotOf } from "@/lib/articles/editor-snapshot";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { roleCan } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/require-page";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit article · Studio", robots: { index: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const buttonClass = "rounded-md border px-3 py-1.5 text-sm font-medium";

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await requirePage("articles.read_own", `/studio/${slug}`);
  const article = await getArticleForEditor(viewer, slug).catch((e: unknown) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  if (article.trashedAt) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <p className="text-sm font-semibold uppercase tracking-wider text-red-700 dark:text-red-400">In the trash</p>
        <h1 className="mt-2 font-serif text-2xl font-bold">{article.title}</h1>
        <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
          Moved to the trash <StudioTime date={article.trashedAt} />. Readers do not see it; its revisions, notes and
          comments are kept. Restore it to edit or publish it again.
        </p>
        <form action={restoreArticleAction} className="mt-4">
          <input type="hidden" name="slug" value={article.slug} />
          <button
            type="submit"
            className={`${buttonClass} border-zinc-900 bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900`}
          >
            Restore
          </button>
        </form>
      </div>
    );
  }
  const error = typeof query.error === "string" ? query.error.slice(0, 300) : null;
  const board = roleCan(viewer.role, "articles.write");
  const isAuthor = article.ownerId === viewer.id;
  // The editorial desk: shown to contributors, and to the board on a contributor's article.
  const desk = !board || (article.ownerId !== null && !isAuthor) || article.status === "pending_review";
  const openNotes = desk
    ? await db.reviewNote.count({ where: { articleId: article.id, parentId: null, deletedAt: null, resolvedAt: null } })
    : 0;
  // A contributor edits only a draft: waiting for review or published, the article is the board's.
  const locked = !board && article.status !== "draft";
  const deskPanel = desk ? (
    <div className="px-4 sm:px-6">
      <DeskPanel
        slug={article.slug}
        status={article.status}
        isAuthor={isAuthor}
        board={roleCan(viewer.role, "articles.review")}
        openNotes={openNotes}
        notice={typeof query.desk === "string" ? query.desk : null}
        reviewHref={`/studio/${article.slug}/review`}
      />
    </div>
  ) : null;
  // Keyed by slug: a client navigation to another article starts a fresh editor.
  return (
    <>
      {query.restored ? (
        <p role="status" className="mx-auto mt-6 max-w-5xl px-4 text-sm text-green-800 sm:px-6 dark:text-green-400">
          Restored from the trash, as a draft.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mx-auto mt-6 max-w-5xl px-4 text-sm text-red-700 sm:px-6 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {locked ? (
        <div className="mx-auto max-w-5xl px-4 pt-10 sm:px-6">
          <Link href="/studio" className="text-sm text-accent-700 hover:underline dark:text-accent-300">
            ← All articles
          </Link>
          <h1 className="mt-2 font-serif text-2xl font-bold">{article.title}</h1>
        </div>
      ) : null}
      {deskPanel}
      {locked ? null : (
        <EditorClient
          key={article.id}
          initial={{ fields: fieldsOf(article), article: snapshotOf(article) }}
          publication={article.publication}
          canPublish={board}
        />
      )}
      {board ? (
        <section aria-labelledby="trash-title" className="mx-auto max-w-5xl px-4 pb-10 sm:px-6">
          <h2 id="trash-title" className="border-t border-zinc-200 pt-6 text-base font-semibold dark:border-zinc-800">
            Trash
          </h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Hides the article from readers and keeps everything — revisions, notes, comments. You can restore it from
            the studio’s Trash.
          </p>
          <form action={trashArticleAction} className="mt-3">
            <input type="hidden" name="slug" value={article.slug} />
            <button
              type="submit"
              className={`${buttonClass} border-red-700 text-red-800 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950`}
            >
              Move to trash
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
