import { formatUtc } from "@/lib/dates/format-utc";

/** A time zone name the runtime knows (the editor's browser sends it), or null. */
export function knownTimeZone(zone: unknown): string | null {
  if (typeof zone !== "string" || !zone || zone.length > 64) return null;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

const formatIn = (zone: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone });

/**
 * "Scheduled: it goes live on 15 Jan 2030, 10:00 (Asia/Kolkata), that is 15 Jan 2030, 04:30 UTC."
 * A schedule typed in the editor's time zone is confirmed in that zone and in UTC (issue 18,
 * item 15); without a zone (or in UTC), in UTC alone.
 */
export function scheduledMessage(publishAt: Date, zone: string | null): string {
  const utc = formatUtc(publishAt);
  const known = knownTimeZone(zone);
  if (!known || known === "UTC" || known === "Etc/UTC") return `Scheduled: it goes live on ${utc}.`;
  return `Scheduled: it goes live on ${formatIn(known).format(publishAt)} (${known}), that is ${utc}.`;
}
