// The one way the UI writes an exact time: "27 Nov 2026, 04:34 UTC" (pure; safe on server and client).
const exact = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
// The audit log needs the second too: "27 Nov 2026, 04:34:59 UTC".
const toTheSecond = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatUtc(date: Date | string, { seconds = false }: { seconds?: boolean } = {}): string {
  return `${(seconds ? toTheSecond : exact).format(new Date(date))} UTC`;
}

/** The day alone, as `formatUtc` writes it: "27 Nov 2026". */
export function formatUtcDay(date: Date | string): string {
  return day.format(new Date(date));
}
