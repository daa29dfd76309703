"use client";
import Link from "next/link";

type Tab = { status: string; label: string; count: number; href: string };

// The queue's tabs are links (each tab is its own URL, so they work without JavaScript) with the
// tab roles; the arrow keys, Home and End move between them as in any tab list.
export function QueueTabs({ tabs, current }: { tabs: Tab[]; current: string }) {
  function onKeyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    const list = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>("[role=tab]")];
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    list[(to + list.length) % list.length].focus();
  }
  return (
    <div
      role="tablist"
      aria-label="Queue"
      onKeyDown={onKeyDown}
      className="flex overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
    >
      {tabs.map((t) => {
        const selected = t.status === current;
        return (
          <Link
            key={t.status}
            href={t.href}
            role="tab"
            id={`tab-${t.status}`}
            aria-selected={selected}
            aria-controls={selected ? "queue-panel" : undefined}
            className={`-mb-px flex flex-auto shrink-0 items-center justify-center gap-1 border-b-2 px-1.5 py-2 text-[0.8125rem] font-medium sm:flex-none sm:gap-1.5 sm:px-3 sm:text-sm ${selected ? "border-zinc-900 text-zinc-900 dark:border-zinc-100 dark:text-zinc-100" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"}`}
          >
            {t.label}{" "}
            <span
              className={`rounded-full px-1.5 py-0.5 text-xs tabular-nums sm:px-2 ${t.status === "pending" && t.count ? "bg-amber-700 text-white dark:bg-amber-300 dark:text-zinc-950" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
            >
              <span className="sr-only">(</span>
              {t.count.toLocaleString("en")}
              <span className="sr-only">)</span>
            </span>
          </Link>
        );
      })}
    </div>
  );
}
