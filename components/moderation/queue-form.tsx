"use client";
import { useActionState, useEffect, useRef } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { moderateQueueAction } from "@/lib/actions/moderation/moderate-queue";

const labels: Record<string, string> = { approve: "Approve", spam: "Spam", trash: "Trash", restore: "Restore" };
const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

// The form around the queue: the items' buttons and the bulk toolbar submit it (a plain POST
// without JavaScript). With JavaScript: "Select all", a selection count and the keyboard
// shortcuts — j/k move between items, a/s/t act on the focused one, x ticks it.
export function QueueForm({ bulkActions, children }: { bulkActions: string[]; children: React.ReactNode }) {
  const [state, action, pending] = useActionState(moderateQueueAction, {});
  const form = useRef<HTMLFormElement>(null);
  const all = useRef<HTMLInputElement>(null);
  const lastIndex = useRef<number | null>(null);
  const count = useRef<HTMLSpanElement>(null);

  const items = () => [...(form.current?.querySelectorAll<HTMLElement>("[data-queue-item]") ?? [])];
  const boxes = () => [...(form.current?.querySelectorAll<HTMLInputElement>("input[data-select-item]") ?? [])];
  // The selection lives in the DOM (plain checkboxes, so it also posts without JavaScript).
  const recount = () => {
    const b = boxes();
    const n = b.filter((x) => x.checked).length;
    if (count.current) count.current.textContent = b.length ? `${n} of ${b.length} selected` : "";
    if (all.current) {
      all.current.checked = n > 0 && n === b.length;
      all.current.indeterminate = n > 0 && n < b.length;
    }
  };

  // After an action the list is re-rendered: count again, and put focus back where it was.
  useEffect(() => {
    recount();
    const i = lastIndex.current;
    if (i === null) return;
    lastIndex.current = null;
    const list = items();
    (list[Math.min(i, list.length - 1)] ?? document.getElementById("queue-empty"))?.focus();
  }, [state, children]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || !form.current) return;
      const list = items();
      if (!list.length) return;
      const current = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-queue-item]") ?? null;
      const at = current ? list.indexOf(current) : -1;
      const key = e.key.toLowerCase();
      if (key === "j" || key === "k") {
        e.preventDefault();
        const next = key === "j" ? Math.min(at + 1, list.length - 1) : Math.max(at - 1, 0);
        list[next].focus();
        list[next].scrollIntoView({ block: "nearest" });
      } else if (current && key === "x") {
        e.preventDefault();
        current.querySelector<HTMLInputElement>("input[data-select-item]")?.click();
      } else if (current && (key === "a" || key === "s" || key === "t")) {
        const button = current.querySelector<HTMLButtonElement>(`button[data-shortcut="${key}"]`);
        if (!button || pending) return;
        e.preventDefault();
        lastIndex.current = at;
        form.current.requestSubmit(button);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [pending]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const item = submitter?.closest<HTMLElement>("[data-queue-item]");
    if (item) lastIndex.current = items().indexOf(item);
  }

  return (
    <form ref={form} action={action} onSubmit={onSubmit} onChange={recount} aria-busy={pending} className="space-y-3">
      {/* Sticky from sm up; on a phone, where it wraps to two rows, it stays in place above the
          list instead of covering the item being read. */}
      {bulkActions.length ? (
        <div
          role="group"
          aria-label="Bulk actions"
          data-bulk-bar
          className="z-10 flex flex-wrap items-center gap-1.5 rounded-lg border border-zinc-200 bg-white/95 p-1.5 shadow-sm backdrop-blur sm:sticky sm:top-0 sm:gap-2 sm:p-2 dark:border-zinc-800 dark:bg-zinc-950/95"
        >
          <label className="flex items-center gap-2 px-1 text-sm font-medium">
            <input
              ref={all}
              type="checkbox"
              className="size-4 accent-zinc-900 dark:accent-zinc-100"
              onChange={(e) => {
                for (const b of boxes()) b.checked = e.currentTarget.checked;
                recount();
              }}
            />
            Select all
          </label>
          <span ref={count} aria-live="polite" className="text-xs text-zinc-600 sm:min-w-20 dark:text-zinc-400" />
          {bulkActions.map((a) => (
            <button
              key={a}
              type="submit"
              name="op"
              value={`${a}:selected`}
              disabled={pending}
              className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 disabled:opacity-60 sm:px-3 sm:py-1.5 sm:text-sm dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {/* "Spam selected" to every reader; on a phone the word "selected" is only heard. */}
              {labels[a]}
              <span className="sr-only sm:not-sr-only"> selected</span>
            </button>
          ))}
          <div className="flex min-w-0 items-center gap-2 text-xs sm:ml-auto sm:text-sm">
            <label htmlFor="queue-reason" className="shrink-0 text-zinc-600 dark:text-zinc-400">
              Note for the log
            </label>
            <input
              id="queue-reason"
              name="reason"
              maxLength={500}
              placeholder="optional"
              className="w-32 min-w-0 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm sm:w-40 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </div>
        </div>
      ) : null}
      <FormStatus message={state.message} tone={state.ok ? "success" : "error"} />
      {children}
    </form>
  );
}
