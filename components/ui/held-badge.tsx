import { explainHold } from "@/lib/moderation/explain-hold";

// "awaiting moderation", and for the author, why (the stored hold reasons in plain words).
export function HeldBadge({
  reasons,
  linkHoldThreshold,
  explain,
}: {
  reasons: readonly string[];
  linkHoldThreshold: number;
  explain: boolean;
}) {
  return (
    <>
      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
        awaiting moderation
      </span>
      {explain ? (
        <span className="basis-full text-xs text-amber-900 dark:text-amber-200" data-hold-reason>
          {explainHold(reasons, linkHoldThreshold).join(" ")}
        </span>
      ) : null}
    </>
  );
}
