import Link from "next/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { restoreRevisionAction } from "@/lib/actions/articles/restore-revision";
import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import { describeImpact, describePrivateOrphaned } from "./impact-text";

type Props = {
  slug: string;
  number: number;
  headRevision: number;
  published: boolean;
  impact: AnnotationImpact;
  cancelHref: string;
};

// Restoring publishes an old body again: the editor sees what it does to readers' notes first.
export function RestoreConfirm({ slug, number, headRevision, published, impact, cancelHref }: Props) {
  return (
    <section
      id="restore"
      aria-labelledby="restore-title"
      className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h2 id="restore-title" className="text-base font-semibold">
        Restore revision {number}?
      </h2>
      <p className="mt-1 text-sm">
        {published
          ? "Its text is published again as a new revision; every revision stays in this list."
          : "Its text becomes the article’s draft, as a new revision."}
      </p>
      {published ? (
        <>
          <p className="mt-2 text-sm" data-testid="impact-summary">
            Readers’ notes: {describeImpact(impact)}.
          </p>
          {impact.orphaned.length ? (
            <ul className="mt-2 max-h-48 space-y-2 overflow-y-auto" aria-label="Notes that will be orphaned">
              {impact.orphaned.map((o) => (
                <li key={o.id}>
                  <blockquote className="border-l-4 border-amber-400 bg-white/60 px-3 py-1.5 font-serif text-sm italic dark:bg-zinc-900/60">
                    “{o.quote}”
                  </blockquote>
                </li>
              ))}
            </ul>
          ) : null}
          {describePrivateOrphaned(impact) ? (
            <p className="mt-2 text-sm" data-testid="impact-private">
              {describePrivateOrphaned(impact)}
            </p>
          ) : null}
        </>
      ) : null}
      <form action={restoreRevisionAction} className="mt-4 flex flex-wrap items-center gap-3">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="number" value={number} />
        <input type="hidden" name="baseRevision" value={headRevision} />
        <SubmitButton>Restore revision {number}</SubmitButton>
        <Link href={cancelHref} className="text-sm font-medium hover:underline">
          Cancel
        </Link>
      </form>
    </section>
  );
}
