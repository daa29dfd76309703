import Link from "next/link";
import { FollowButton } from "@/components/following/follow-button";
import { PersonalSeedProvider } from "@/components/personal/personal-loader";
import type { Viewer } from "@/lib/auth/viewer";
import { countNodes } from "@/lib/comments/build-thread";
import { threadJson } from "@/lib/comments/comment-json";
import { type CommentSort, listThread } from "@/lib/comments/list-thread";
import { signInHref } from "@/lib/http/sign-in-href";
import type { ArticlePersonal } from "@/lib/personal/get-article-personal";
import { getSettings } from "@/lib/settings/get-settings";
import { CommentComposer } from "./comment-composer";
import { CommentFocus } from "./comment-focus";
import { CommentThreads } from "./comment-threads";
import { type CommentView, pageViews } from "./comment-view";
import { CommentCount } from "./session-count";
import { threadsSlot, totalSlot } from "./shared-slots";
import { ReplyFormSlot, ReportFormSlot, SessionCommentsSlot } from "./thread-parts";

const sorts: [CommentSort, string][] = [
  ["oldest", "Oldest"],
  ["newest", "Newest"],
  ["top", "Top"],
];

/** A per-request render of the page (without JavaScript): the reply or report form, or the page after a held post. */
export type PersonalRender = { viewer: Viewer | null; data: ArticlePersonal; replyTo?: string; report?: string };

// The discussion below an article. Without `personal` it is the same for every viewer (the page
// is cached and shared; what a reader may do comes from the personal layer in the browser); with
// it (the no-JavaScript reply page and the page after a held post), the viewer's own held
// comments and the reply form are rendered on the server.
export async function CommentsSection({
  slug,
  sort,
  page,
  personal,
  focus,
  focusAfter,
  shell,
}: {
  slug: string;
  sort: CommentSort;
  page: number;
  personal?: PersonalRender;
  focus?: string;
  focusAfter?: string;
  /** A shared page's shell (scripts/server.mjs fills in the count and the threads: shared-slots.ts). */
  shell?: boolean;
}) {
  const [{ threads, total, article, pageCount }, settings] = await Promise.all([
    listThread(personal?.viewer ?? null, slug, { sort, page, focus, focusAfter }),
    getSettings(),
  ]);
  const views = threadJson(threads) as CommentView[];
  const href = (p: number, s = sort) =>
    `/articles/${slug}?${new URLSearchParams({ ...(s !== "oldest" ? { sort: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}#comments`;
  const reported = personal?.report ? findView(views, personal.report) : undefined;
  const replyTo = personal?.replyTo
    ? { id: personal.replyTo, node: <ReplySlot slug={slug} parentId={personal.replyTo} personal={personal} /> }
    : reported && personal
      ? { id: reported.id, node: <ReportSlot slug={slug} comment={reported} personal={personal} /> }
      : undefined;
  const section = (
    <section
      id="comments"
      aria-labelledby="comments-title"
      className="mt-14 scroll-mt-8 border-t border-zinc-200 pt-8 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
          <h2 id="comments-title" className="text-2xl font-bold tracking-tight">
            Comments{" "}
            <span className="text-zinc-600 dark:text-zinc-400">
              {shell ? <CommentCount slot={totalSlot} /> : <CommentCount total={total} />}
            </span>
          </h2>
          <FollowButton slug={slug} />
        </div>
        {total > 1 ? (
          <nav aria-label="Sort comments" className="flex gap-1 text-sm">
            {sorts.map(([s, label]) => (
              <Link
                key={s}
                href={href(1, s)}
                aria-current={s === sort ? "true" : undefined}
                className={`rounded px-2 py-1 ${s === sort ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
              >
                {label}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <div className="mt-6">
        {article.commentsOpen ? (
          <CommentComposer slug={slug} />
        ) : (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">Comments are closed on this article.</p>
        )}
      </div>
      <CommentThreads
        eager={!!(focus || personal)}
        {...(shell
          ? { slot: threadsSlot({ pageCount, total, empty: views.length === 0 }) }
          : { views: pageViews(views) })}
        slug={slug}
        open={article.commentsOpen}
        linkHoldThreshold={settings.linkHoldThreshold}
        replyTo={replyTo}
      />
      {views.length ? null : (
        <p data-no-comments className="mt-8 text-sm text-zinc-600 dark:text-zinc-400">
          No comments yet. Start the discussion.
        </p>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Comment pages" className="mt-8 flex flex-wrap gap-2 text-sm">
          {Array.from({ length: pageCount }, (_, i) => i + 1).map((p) => (
            <Link
              key={p}
              href={href(p)}
              aria-current={p === page ? "page" : undefined}
              className={`rounded px-3 py-1 ${p === page ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "border border-zinc-300 dark:border-zinc-700"}`}
            >
              <span className="sr-only">Comments page </span>
              {p}
            </Link>
          ))}
        </nav>
      ) : null}
      <SessionCommentsSlot slug={slug} open={article.commentsOpen} linkHoldThreshold={settings.linkHoldThreshold} />
      <CommentFocus signature={`${total}:${countNodes(threads)}:${page}`} />
    </section>
  );
  return personal ? <PersonalSeedProvider data={personal.data}>{section}</PersonalSeedProvider> : section;
}

/** The no-JavaScript reply page's slot under the comment being answered. */
function ReplySlot({ slug, parentId, personal }: { slug: string; parentId: string; personal: PersonalRender }) {
  const { data } = personal;
  if (!data.viewer) {
    const back = `/articles/${slug}?replyTo=${parentId}#comment-${parentId}`;
    return (
      <p>
        <a href={signInHref(back)} className="font-medium text-accent-700 underline dark:text-accent-300">
          Sign in to reply
        </a>
      </p>
    );
  }
  if (data.ban)
    return (
      <p role="note" className="text-sm text-red-900 dark:text-red-200">
        {data.ban.notice}
      </p>
    );
  if (!data.canComment)
    return <p className="text-sm text-zinc-700 dark:text-zinc-300">Comments are closed on this article.</p>;
  return <ReplyFormSlot slug={slug} parentId={parentId} />;
}

function findView(views: CommentView[], id: string): CommentView | undefined {
  for (const v of views) {
    if (v.id === id) return v;
    const inner = v.replies ? findView(v.replies, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** The no-JavaScript report page's slot under the comment being reported (its form, or why not). */
function ReportSlot({ slug, comment, personal }: { slug: string; comment: CommentView; personal: PersonalRender }) {
  const { data } = personal;
  if (comment.status !== "approved") return null;
  if (!data.viewer) {
    const back = `/articles/${slug}?report=${comment.id}#comment-${comment.id}`;
    return (
      <p>
        <a href={signInHref(back)} className="font-medium text-accent-700 underline dark:text-accent-300">
          Sign in to report
        </a>
      </p>
    );
  }
  if (data.ban)
    return (
      <p role="note" className="text-sm text-red-900 dark:text-red-200">
        {data.ban.notice}
      </p>
    );
  if (comment.author.id === data.viewer.id)
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        You cannot report your own comment; edit or delete it instead.
      </p>
    );
  return <ReportFormSlot id={comment.id} authorName={comment.author.name} />;
}
