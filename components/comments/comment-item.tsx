import { Avatar } from "@/components/ui/avatar";
import { HeldBadge } from "@/components/ui/held-badge";
import type { Viewer } from "@/lib/auth/viewer";
import { commentAuthor } from "@/lib/comments/comment-json";
import { CommentActions } from "./comment-actions";
import { CommentForm } from "./comment-form";
import { MoreReplies } from "./more-replies";
import { RelativeTime } from "./relative-time";
import type { ThreadComment } from "@/lib/comments/list-thread";

type Props = { comment: ThreadComment; slug: string; viewer: Viewer | null; canWrite: boolean; banned: boolean; liked: Set<string>; replyTo?: string; editWindowMs: number; linkHoldThreshold: number; now: number };

export function CommentItem({ comment: c, ...ctx }: Props) {
  const author = commentAuthor(c);
  const deleted = c.status === "deleted";
  const mine = !!ctx.viewer && c.author?.id === ctx.viewer.id;
  const live = !deleted && c.status === "approved";
  // The Markdown source goes to the page only where the reader may edit it (it is sent again in
  // the page's React payload: with thousands of comments, that doubled a signed-in page).
  const editable = c.canEdit;
  return (
    <li>
      <article id={`comment-${c.id}`} tabIndex={-1} aria-label={deleted ? "Deleted comment" : `Comment by ${author.name}`}
        className="scroll-mt-24 rounded-md py-3 outline-offset-4 target:bg-yellow-50 dark:target:bg-yellow-950/40">
        {deleted ? (
          <p className="text-sm italic text-zinc-600 dark:text-zinc-400">This comment was deleted.</p>
        ) : (
          <>
            <header className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <Avatar name={author.name} image={author.image} size={28} />
              <span className="font-semibold">{author.name}</span>
              <a href={`/articles/${ctx.slug}/comments/${c.id}`} className="text-zinc-600 hover:underline dark:text-zinc-400" aria-label={`Link to this comment, posted ${c.createdAt.toUTCString()}`}>
                <RelativeTime iso={c.createdAt.toISOString()} />
              </a>
              {c.editedAt ? <span className="text-zinc-600 dark:text-zinc-400">· edited</span> : null}
              {c.status === "pending" ? <HeldBadge reasons={c.holdReasons} linkHoldThreshold={ctx.linkHoldThreshold} explain={mine} /> : null}
            </header>
            <div className="prose prose-zinc mt-1 max-w-none text-[0.975rem] dark:prose-invert prose-p:my-2" dangerouslySetInnerHTML={{ __html: c.html }} />
            {/* A banned reader gets what an anonymous one does: the count, no controls. */}
            {ctx.viewer && !ctx.banned ? (
              <CommentActions slug={ctx.slug} id={c.id} body={editable ? c.body : ""} authorName={author.name}
                canReply={ctx.canWrite && live} canLike={live && !mine} canReport={live && !mine}
                canEdit={editable} canDelete={mine}
                liked={ctx.liked.has(c.id)} likeCount={c.likeCount} />
            ) : c.likeCount ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400"><span aria-hidden="true">♥</span> {c.likeCount} {c.likeCount === 1 ? "like" : "likes"}</p> : null}
            {ctx.replyTo === c.id && ctx.viewer && ctx.canWrite ? (
              <div className="mt-3"><CommentForm slug={ctx.slug} parentId={c.id} label="Reply" submitLabel="Post reply" /></div>
            ) : null}
          </>
        )}
      </article>
      {c.replies.length || c.more ? (
        <ol className={c.displayDepth < 4 ? "ml-3 border-l-2 border-zinc-200 pl-3 sm:ml-5 sm:pl-4 dark:border-zinc-800" : ""} aria-label={`Replies to ${deleted ? "a deleted comment" : author.name}`}>
          {c.replies.map((r) => <CommentItem key={r.id} comment={r} {...ctx} />)}
          {c.more ? (
            <MoreReplies slug={ctx.slug} parentId={c.id} to={deleted ? "a deleted comment" : author.name} count={c.more.count} cursor={c.more.cursor} first={!c.replies.length}
              viewerId={ctx.viewer?.id ?? null} canWrite={ctx.canWrite} banned={ctx.banned} editWindowMs={ctx.editWindowMs} linkHoldThreshold={ctx.linkHoldThreshold} now={ctx.now} />
          ) : null}
        </ol>
      ) : null}
    </li>
  );
}
