import { reviewArticleAction, submitArticleAction, withdrawArticleAction } from "@/lib/actions/articles/desk-article";

const button = "rounded-md border px-3 py-1.5 text-sm font-medium";
const primary = `${button} border-zinc-900 bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900`;
const secondary = `${button} border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800`;

const notices: Record<string, string> = {
  submitted:
    "Submitted for review. The editorial board has been told; you can withdraw it to edit again while it waits.",
  withdrawn: "Withdrawn from review: it is your draft again.",
  changes: "Changes requested: the article is back in its author's drafts, and the author has been told.",
  approved: "Approved and published.",
  scheduled: "Approved: it will be published at its scheduled time.",
};

type Props = {
  slug: string;
  status: string;
  isAuthor: boolean;
  board: boolean;
  notice?: string | null;
  reviewHref?: string;
  openNotes: number;
  width?: string;
};

// The editorial desk in the studio: Submit for review / Withdraw for the author; for the board,
// on an article waiting for review, the decision with a message for the author.
export function DeskPanel({
  slug,
  status,
  isAuthor,
  board,
  notice,
  reviewHref,
  openNotes,
  width = "max-w-5xl",
}: Props) {
  const said = notice ? notices[notice] : null;
  return (
    <section
      aria-labelledby="desk-title"
      className={`mx-auto mt-6 ${width} rounded-lg border border-sky-200 bg-sky-50/60 p-4 dark:border-sky-900 dark:bg-sky-950/40`}
    >
      <h2 id="desk-title" className="text-base font-semibold">
        Editorial review
      </h2>
      {said ? (
        <p role="status" className="mt-1 text-sm text-green-800 dark:text-green-300">
          {said}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {status === "pending_review"
          ? "Waiting for the editorial board’s review."
          : status === "draft"
            ? board && !isAuthor
              ? "A draft."
              : "A draft: submit it when it is ready for the editorial board."
            : status === "published"
              ? "Published."
              : "Scheduled."}
        {openNotes ? ` ${openNotes} open review ${openNotes === 1 ? "note" : "notes"}.` : ""}
        {reviewHref ? (
          <>
            {" "}
            <a href={reviewHref} className="font-medium text-accent-700 hover:underline dark:text-accent-300">
              Read the draft with its review notes
            </a>
          </>
        ) : null}
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {isAuthor && status === "draft" ? (
          <form action={submitArticleAction}>
            <input type="hidden" name="slug" value={slug} />
            <button type="submit" className={primary}>
              Submit for review
            </button>
          </form>
        ) : null}
        {isAuthor && !board && status === "pending_review" ? (
          <form action={withdrawArticleAction}>
            <input type="hidden" name="slug" value={slug} />
            <button type="submit" className={secondary}>
              Withdraw from review
            </button>
          </form>
        ) : null}
        {board && status === "pending_review" ? (
          <form action={reviewArticleAction} className="w-full max-w-xl space-y-2">
            <input type="hidden" name="slug" value={slug} />
            <label htmlFor="desk-message" className="block text-sm font-medium">
              Message to the author
            </label>
            <textarea
              id="desk-message"
              name="message"
              rows={3}
              maxLength={5000}
              aria-describedby="desk-message-hint"
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <p id="desk-message-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
              Sent with the decision, by notification and mail. Approving publishes now, or at the article’s scheduled
              time.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="submit" name="decision" value="approve" className={primary}>
                Approve and publish
              </button>
              <button type="submit" name="decision" value="changes" className={secondary}>
                Request changes
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </section>
  );
}
