const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A date and time in UTC (the server renders it; the same on every screen). */
export function StudioTime({ date }: { date: Date | string }) {
  const d = typeof date === "string" ? new Date(date) : date;
  return <time dateTime={d.toISOString()}>{format.format(d)} UTC</time>;
}
