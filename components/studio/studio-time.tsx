import { formatUtc } from "@/lib/dates/format-utc";

/** A date and time in UTC (the server renders it; the same on every screen). */
export function StudioTime({ date }: { date: Date | string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  return <time dateTime={d.toISOString()}>{formatUtc(d)}</time>;
}
