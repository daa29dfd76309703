// WordPress writes "2024-03-01 09:30:00" (post_date_gmt: UTC; post_date: the site's local time,
// zone unknown) and RFC 822 in <pubDate>. Drafts carry "0000-00-00 00:00:00", meaning "no date".
const mysqlDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?/;

/** A WordPress date column read as UTC, or null when it is empty, zero or impossible (2023-02-30). */
export function parseWpDate(value: string): Date | null {
  const m = mysqlDate.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date : null;
}

/** An RFC 822 date (<pubDate>), or null. WordPress writes a "-0001" year for undated drafts. */
export function parseRssDate(value: string): Date | null {
  if (!value.trim() || /-0001/.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) || time < 0 ? null : new Date(time);
}

/** The first date that parses: GMT column, then RSS date, then local column (taken as UTC). */
export function firstDate(gmt: string, rss: string, local: string): Date | null {
  return parseWpDate(gmt) ?? parseRssDate(rss) ?? parseWpDate(local);
}
