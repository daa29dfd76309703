import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { HeldBadge } from "@/components/ui/held-badge";
import { CommentActions } from "./comment-actions";
import type { CommentView } from "./comment-view";
import { MoreReplies } from "./more-replies";
import { RelativeTime } from "./relative-time";

type Props = {
  comment: CommentView;
  slug: string;
  /** The article takes comments (the same for every viewer; who may reply is the personal layer's). */
  open: boolean;
  linkHoldThreshold: number;
  /** The no-JavaScript reply page: what stands under the comment being answered (its form, or a sign-in link). */
  replyTo?: { id: string; node: ReactNode };
  /** "div" when the list item is already there (a comment added in the browser is drawn into one). */
  as?: "li" | "div";
};

/** The replies list's label (also used to find it when a reply is added in the browser). */
export const repliesLabel = (c: Pick<CommentView, "status" | "author">) =>
  `Replies to ${c.status === "deleted" ? "a deleted comment" : c.author.name}`;
export const repliesListClass = (depth: number) =>
  depth < 4 ? "ml-3 border-l-2 border-zinc-200 pl-3 sm:ml-5 sm:pl-4 dark:border-zinc-800" : "";

// One comment and its replies. Pure (props in, markup out): the server renders the shared page with
// it, and the browser renders comments from the JSON API with it. Nothing here depends on who
// is reading; the controls a reader may use come from the personal layer (CommentActions).
export function CommentItem({ comment: c, as: Outer = "li", ...ctx }: Props) {
  const deleted = c.status === "deleted";
  const live = !deleted && c.status === "approved";
  const posted = new Date(c.createdAt);
  return (
    <Outer>
      <article
        id={`comment-${c.id}`}
        tabIndex={-1}
        aria-label={deleted ? "Deleted comment" : `Comment by ${c.author.name}`}
        className="scroll-mt-24 rounded-md py-3 outline-offset-4 target:bg-yellow-50 dark:target:bg-yellow-950/40"
      >
        {deleted ? (
          <p className="text-sm italic text-zinc-600 dark:text-zinc-400">This comment was deleted.</p>
        ) : (
          <>
            <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <Avatar name={c.author.name} image={c.author.image} size={28} />
              <span className="font-semibold">{c.author.name}</span>
              <a
                href={`/articles/${ctx.slug}/comments/${c.id}`}
                className="text-zinc-600 hover:underline dark:text-zinc-400"
                aria-label={`Link to this comment, posted ${posted.toUTCString()}`}
              >
                <RelativeTime iso={c.createdAt} />
              </a>
              {c.editedAt ? <span className="text-zinc-600 dark:text-zinc-400">· edited</span> : null}
              {/* A held comment is only ever shown to its author: they are told why. */}
              {c.status === "pending" ? (
                <HeldBadge reasons={c.reasons ?? []} linkHoldThreshold={ctx.linkHoldThreshold} explain />
              ) : null}
            </header>
            <div
              className="comment-body prose prose-zinc mt-1 max-w-none text-[0.975rem] dark:prose-invert prose-p:my-2"
              dangerouslySetInnerHTML={{ __html: c.html ?? "" }}
            />
            <CommentActions
              slug={ctx.slug}
              id={c.id}
              authorName={c.author.name}
              authorId={c.author.id}
              live={live}
              open={ctx.open}
              likeCount={c.likes}
            />
            {ctx.replyTo?.id === c.id ? <div className="mt-3">{ctx.replyTo.node}</div> : null}
          </>
        )}
      </article>
      {c.replies?.length || c.moreReplies ? (
        <ol className={repliesListClass(c.depth ?? 0)} aria-label={repliesLabel(c)}>
          {c.replies?.map((r) => (
            <CommentItem key={r.id} comment={r} {...ctx} />
          ))}
          {/* Replies this page load left out (lib/comments/bound-thread.ts): fetched on demand. */}
          {c.moreReplies ? (
            <MoreReplies
              slug={ctx.slug}
              parentId={c.id}
              to={deleted ? "a deleted comment" : c.author.name}
              count={c.moreReplies.count}
              cursor={c.moreReplies.cursor}
              first={!c.replies?.length}
              open={ctx.open}
              linkHoldThreshold={ctx.linkHoldThreshold}
            />
          ) : null}
        </ol>
      ) : null}
    </Outer>
  );
}
