// The one way the UI writes an exact time: "27 Nov 2026, 04:34 UTC" (pure; safe on server and client).
const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatUtc(date: Date | string): string {
  return `${exact.format(new Date(date))} UTC`;
}
