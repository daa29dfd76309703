// The one way the UI writes an exact time: "27 Nov 2026, 04:34 UTC" (pure; safe on server and client).
// The formatters are made on first use, not when the module loads: making an Intl formatter costs
// a phone ~15 ms (its locale data), and in the browser this module arrives with code that loads
// after hydration (the comment list's, the margin's), where that cost would fall in a task of its
// own before anything is formatted.
const formatter = (options: Intl.DateTimeFormatOptions) => {
  let made: Intl.DateTimeFormat | null = null;
  return () => (made ??= new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }));
};
const exact = formatter({ dateStyle: "medium", timeStyle: "short" });
// The audit log needs the second too: "27 Nov 2026, 04:34:59 UTC".
const toTheSecond = formatter({ dateStyle: "medium", timeStyle: "medium" });
const day = formatter({ dateStyle: "medium" });

export function formatUtc(date: Date | string, { seconds = false }: { seconds?: boolean } = {}): string {
  return `${(seconds ? toTheSecond : exact)().format(new Date(date))} UTC`;
}

/** The day alone, as `formatUtc` writes it: "27 Nov 2026". */
export function formatUtcDay(date: Date | string): string {
  return day().format(new Date(date));
}
