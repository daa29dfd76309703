"use client";
import { useEffect, useRef } from "react";
import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import { ActionButton } from "./editor-inputs";
import { describeImpact, describePrivateOrphaned } from "./impact-text";

// What publishing this body does to readers' notes, shown before the editor confirms.
export function ImpactPanel({
  impact,
  busy,
  onConfirm,
  onCancel,
}: {
  impact: AnnotationImpact;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="impact-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <h2 id="impact-title" ref={heading} tabIndex={-1} className="text-base font-semibold">
        Readers’ notes on this revision
      </h2>
      <p className="mt-1 text-sm" data-testid="impact-summary">
        {describeImpact(impact)}.
      </p>
      {impact.orphaned.length ? (
        <>
          <p className="mt-3 text-sm">
            The passages of these notes are gone. Readers will find them under “Orphaned”, with the text they were
            written on:
          </p>
          <ul className="mt-2 max-h-64 space-y-2 overflow-y-auto" aria-label="Notes that will be orphaned">
            {impact.orphaned.map((o) => (
              <li key={o.id}>
                <blockquote className="border-l-4 border-amber-400 bg-white/60 px-3 py-1.5 font-serif text-sm italic dark:bg-zinc-900/60">
                  “{o.quote}”
                </blockquote>
              </li>
            ))}
          </ul>
        </>
      ) : impact.privateOrphaned ? null : (
        <p className="mt-1 text-sm">No note loses its passage.</p>
      )}
      {describePrivateOrphaned(impact) ? (
        <p className="mt-3 text-sm" data-testid="impact-private">
          {describePrivateOrphaned(impact)}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <ActionButton variant="primary" busy={busy} onClick={onConfirm}>
          Publish revision
        </ActionButton>
        <ActionButton onClick={onCancel} disabled={busy}>
          Keep editing
        </ActionButton>
      </div>
    </section>
  );
}
