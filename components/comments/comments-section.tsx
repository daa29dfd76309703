import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import { banNotice, viewerBan } from "@/lib/auth/can-contribute";
import { clock } from "@/lib/clock";
import { countNodes } from "@/lib/comments/build-thread";
import { listThread, type CommentSort } from "@/lib/comments/list-thread";
import { getSettings } from "@/lib/settings/get-settings";
import { CommentFocus } from "./comment-focus";
import { CommentForm } from "./comment-form";
import { CommentItem } from "./comment-item";
import { signInHref } from "@/lib/http/sign-in-href";


const sorts: [CommentSort, string][] = [["oldest", "Oldest"], ["newest", "Newest"], ["top", "Top"]];

// The discussion below an article: server-rendered (readable and postable without JavaScript).
export async function CommentsSection({ slug, viewer, sort, page, replyTo, focus, focusAfter }: { slug: string; viewer: Viewer | null; sort: CommentSort; page: number; replyTo?: string; focus?: string; focusAfter?: string }) {
  // Only signed-in renders have a viewer (and so a ban): anonymous pages, cached whole, never do.
  const [{ threads, total, liked, article, pageCount }, settings, ban] = await Promise.all([
    listThread(viewer, slug, { sort, page, focus, focusAfter }),
    getSettings(),
    viewerBan(viewer),
  ]);
  // A banned reader keeps reading; the notice stands where they would write.
  const banned = ban ? banNotice(ban) : null;
  const canWrite = article.commentsOpen && !banned;
  const href = (p: number, s = sort) => `/articles/${slug}?${new URLSearchParams({ ...(s !== "oldest" ? { sort: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}#comments`;
  const now = clock.now().getTime();
  return (
    <section id="comments" aria-labelledby="comments-title" className="mt-14 scroll-mt-8 border-t border-zinc-200 pt-8 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="comments-title" className="text-2xl font-bold tracking-tight">Comments <span className="text-zinc-600 dark:text-zinc-400">({total})</span></h2>
        {total > 1 ? (
          <nav aria-label="Sort comments" className="flex gap-1 text-sm">
            {sorts.map(([s, label]) => (
              <Link key={s} href={href(1, s)} aria-current={s === sort ? "true" : undefined} className={`rounded px-2 py-1 ${s === sort ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}>{label}</Link>
            ))}
          </nav>
        ) : null}
      </div>
      <div className="mt-6">
        {!article.commentsOpen ? <p className="text-sm text-zinc-700 dark:text-zinc-300">Comments are closed on this article.</p>
          : banned ? <p role="note" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">{banned}</p>
          : viewer ? <CommentForm slug={slug} label="Comment" submitLabel="Post comment" />
          : <p><Link href={signInHref(`/articles/${slug}#comments`)} className="font-medium text-accent-700 underline dark:text-accent-300">Sign in to comment</Link></p>}
      </div>
      {threads.length ? (
        <ol className="mt-8 divide-y divide-zinc-100 dark:divide-zinc-900" aria-label="Comment threads">
          {threads.map((c) => <CommentItem key={c.id} comment={c} slug={slug} viewer={viewer} canWrite={canWrite} banned={!!banned} liked={liked} replyTo={replyTo} editWindowMs={settings.editWindowMs} linkHoldThreshold={settings.linkHoldThreshold} now={now} />)}
        </ol>
      ) : <p className="mt-8 text-sm text-zinc-600 dark:text-zinc-400">No comments yet. Start the discussion.</p>}
      {pageCount > 1 ? (
        <nav aria-label="Comment pages" className="mt-8 flex flex-wrap gap-2 text-sm">
          {Array.from({ length: pageCount }, (_, i) => i + 1).map((p) => (
            <Link key={p} href={href(p)} aria-current={p === page ? "page" : undefined} className={`rounded px-3 py-1 ${p === page ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "border border-zinc-300 dark:border-zinc-700"}`}>
              <span className="sr-only">Comments page </span>{p}
            </Link>
          ))}
        </nav>
      ) : null}
      <CommentFocus signature={`${total}:${countNodes(threads)}:${page}`} />
    </section>
  );
}
