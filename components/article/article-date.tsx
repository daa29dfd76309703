import Link from "next/link";

const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** The month archive (`/yyyy/mm`, UTC like the archive itself) that holds `date`. */
export const monthArchivePath = (date: Date) =>
  `/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, "0")}`;

/**
 * A publication date; by default a link to its month archive (issue 18, item 10: a blog reader
 * expects the date to lead to the month's other articles). `archive={false}` for dates that are
 * not an article's publication (a comment's) or that must not navigate (the studio preview).
 */
export function ArticleDate({ date, archive = true }: { date: Date; archive?: boolean }) {
  const time = <time dateTime={date.toISOString()}>{format.format(date)}</time>;
  if (!archive) return time;
  return (
    <Link href={monthArchivePath(date)} className="hover:underline" title={`More from ${monthName.format(date)}`}>
      {time}
    </Link>
  );
}
