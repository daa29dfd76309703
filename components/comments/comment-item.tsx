import type { CSSProperties, ReactNode } from "react";
import { avatarColour, initialsOf } from "@/components/ui/avatar";
import { HeldBadge } from "@/components/ui/held-badge";
import { CommentActions } from "./comment-actions";
import type { CommentView } from "./comment-view";
import { threadSize, threadsKey } from "./inert-cut";
import { MoreReplies } from "./more-replies";
import { PermalinkTime } from "./relative-time";

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
  /** The server HTML's cut (components/comments/inert-cut.ts): the comments after it go into <noscript>. */
  cut?: Map<string, number> | null;
};

type Context = Omit<Props, "comment" | "as">;

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
  const image = c.author.image;
  // A thread of the list keeps room for itself until it is laid out (inert-cut.ts, globals.css).
  const size = Outer === "li" && !c.parentId ? threadSize(c, ctx.cut) : null;
  return (
    <Outer style={size ? ({ "--thread-rem": size.rem, "--thread-chars": size.chars } as CSSProperties) : undefined}>
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
            {/* As few elements as the header can be (issue 22's DOM size): the initials are drawn by CSS
                (globals.css, .comment-header[data-initials]), the name is the header's own bold text. */}
            <header
              className="comment-header flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-semibold"
              data-initials={image ? undefined : initialsOf(c.author.name)}
              style={image ? undefined : ({ "--initials-bg": avatarColour(c.author.name) } as CSSProperties)}
            >
              {image ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={image} alt="" width={28} height={28} className="size-7 rounded-full object-cover" />
              ) : null}
              {c.author.name}
              <PermalinkTime
                href={`/articles/${ctx.slug}/comments/${c.id}`}
                iso={c.createdAt}
                what="comment"
                className="font-normal text-zinc-600 hover:underline dark:text-zinc-400"
              />
              {c.editedAt ? <span className="font-normal text-zinc-600 dark:text-zinc-400">· edited</span> : null}
              {/* A held comment is only ever shown to its author: they are told why. */}
              {c.status === "pending" ? (
                <span className="contents font-normal">
                  <HeldBadge reasons={c.reasons ?? []} linkHoldThreshold={ctx.linkHoldThreshold} explain />
                </span>
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
          <CommentItems
            views={c.replies ?? []}
            listKey={c.id}
            {...ctx}
            more={
              // Replies this page load left out (lib/comments/bound-thread.ts): fetched on demand.
              c.moreReplies ? (
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
              ) : null
            }
          />
        </ol>
      ) : null}
    </Outer>
  );
}

/**
 * The items of one list (the threads, or a comment's replies), then `more` (its "Show N more
 * replies"). Where the server HTML's cut runs through the list, what follows it goes into a
 * <noscript>: markup for a reader without JavaScript, text for the others until the list wakes.
 */
export function CommentItems({
  views,
  listKey = threadsKey,
  more = null,
  ...ctx
}: Context & { views: CommentView[]; listKey?: string; more?: ReactNode }) {
  const item = (r: CommentView) => <CommentItem key={r.id} comment={r} {...ctx} />;
  const at = ctx.cut?.get(listKey);
  if (at === undefined)
    return (
      <>
        {views.map(item)}
        {more}
      </>
    );
  const later = views.slice(at);
  return (
    <>
      {views.slice(0, at).map(item)}
      {later.length || more ? (
        <noscript>
          {later.map(item)}
          {more}
        </noscript>
      ) : null}
    </>
  );
}
