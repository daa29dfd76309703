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

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function relative(date: Date, now: number) {
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return "just now";
}

// Exact time in the server HTML (cache-safe); the browser turns it into "5 minutes ago".
export function RelativeTime({ iso }: { iso: string }) {
  const date = new Date(iso);
  const [label, setLabel] = useState(formatUtc(date));
  useEffect(() => {
    const tick = () => setLabel(relative(date, Date.now()));
    tick();
    const t = setInterval(tick, 60_000);
    return () => clearInterval(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [iso]);
  return (
    <time dateTime={iso} title={formatUtc(date)}>
      {label}
    </time>
  );
}
