"use client";
import { useEffect, useState } from "react";
import { formatUtc } from "@/lib/dates/format-utc";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];

// Made on first use (lib/dates/format-utc.ts says why).
let rtf: Intl.RelativeTimeFormat | null = null;

function relative(date: Date, now: number) {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size)
      return (rtf ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" })).format(Math.round(seconds / size), unit);
  return "just now";
}

// Exact time in the server HTML (cache-safe); the browser turns it into "5 minutes ago".
function useRelativeLabel(iso: string) {
  const [label, setLabel] = useState(() => formatUtc(new Date(iso)));
  useEffect(() => {
    const date = new Date(iso);
    const tick = () => setLabel(relative(date, Date.now()));
    tick();
    const t = setInterval(tick, 60_000);
    return () => clearInterval(t);
  }, [iso]);
  return label;
}

export function RelativeTime({ iso }: { iso: string }) {
  const label = useRelativeLabel(iso);
  return (
    <time dateTime={iso} title={formatUtc(new Date(iso))}>
      {label}
    </time>
  );
}

/**
 * A comment's or a note's permalink, shown as the time it was posted. Its accessible name starts
 * with the time as shown, then says what it is: a name that left the visible time out (it was
 * "Link to this comment, posted <date>") failed WCAG 2.5.3, label in name — a speech-input user
 * says what they see. An attribute, not hidden text: no element more per comment (issue 22).
 */
export function PermalinkTime(p: { href: string; iso: string; what: "comment" | "note"; className: string }) {
  const label = useRelativeLabel(p.iso);
  return (
    <a href={p.href} className={p.className} aria-label={`${label}, link to this ${p.what}`}>
      <time dateTime={p.iso} title={formatUtc(new Date(p.iso))}>
        {label}
      </time>
    </a>
  );
}
