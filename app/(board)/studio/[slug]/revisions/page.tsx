import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { RestoreConfirm } from "@/components/studio/restore-confirm";
import { RevisionList } from "@/components/studio/revision-list";
import { WordDiff } from "@/components/studio/word-diff";
import { diffRevisions } from "@/lib/articles/diff-revisions";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { listRevisions } from "@/lib/articles/list-revisions";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { requirePage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Revisions · Studio", robots: { index: false } };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const orNotFound = (e: unknown): never => {
  if (isAppError(e) && e.code === "not_found") notFound();
  throw e;
};

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const viewer = await requirePage("articles.read_own", `/studio/${slug}/revisions`);
  const { article, revisions } = await listRevisions(viewer, slug).catch(orNotFound);
  if (article.slug !== slug) redirect(`/studio/${article.slug}/revisions`);
  const query = await searchParams;
  const number = (key: string) => {
    const n = Number(query[key]);
    return Number.isInteger(n) && revisions.some((r) => r.number === n) ? n : undefined;
  };
  const newest = revisions[0]?.number ?? 0;
  const to = number("to") ?? newest;
  const from = number("from") ?? revisions.find((r) => r.number < to)?.number ?? to;
  const restoring = number("restore");
  const [diff, editor, restore] = await Promise.all([
    diffRevisions(viewer, slug, from, to),
    getArticleForEditor(viewer, slug),
    restoring ? restoreRevision(viewer, slug, restoring, { dryRun: true }) : null,
  ]);
  const restored = typeof query.restored === "string" ? query.restored : null;
  const error = typeof query.error === "string" ? query.error.slice(0, 500) : null;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p>
        <Link href={`/studio/${slug}`} className="text-sm text-accent-700 hover:underline dark:text-accent-300">
          ← Back to the editor
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">Revisions</h1>
      <p className="mt-1 font-serif text-lg text-zinc-700 dark:text-zinc-300">{article.title}</p>
      {restored ? (
        <p
          role="status"
          className="mt-4 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          Revision {restored} restored as revision {String(query.as ?? "")}.
        </p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className="mt-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      {restoring && restore ? (
        <RestoreConfirm
          slug={slug}
          number={restoring}
          headRevision={editor.headRevision}
          published={editor.status === "published"}
          impact={restore.impact ?? { kept: 0, moved: 0, orphaned: [], privateOrphaned: 0 }}
          cancelHref={`/studio/${slug}/revisions?from=${from}&to=${to}`}
        />
      ) : null}
      <RevisionList slug={slug} revisions={revisions} from={from} to={to} />
      {revisions.length > 1 ? (
        <WordDiff parts={diff.parts} from={from} to={to} />
      ) : (
        <p className="mt-8 text-sm text-zinc-600 dark:text-zinc-400">
          There is one revision so far: publishing a changed body adds the next.
        </p>
      )}
    </div>
  );
}
