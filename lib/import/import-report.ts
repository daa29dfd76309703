import type { SkippedComments } from "./plan-comments";
import type { SkippedPostKind } from "./plan-post";

type Counts = { created: number; updated: number; unchanged: number; kept: number };

/**
 * What an import did. `kept`: changed in the export but edited or moderated in Gloss since, so
 * Gloss's version stayed. `drafts`: how many of the articles are drafts. Skipped comments are
 * those of imported posts.
 */
export type ImportReport = {
  site: string;
  version: string;
  articles: Counts;
  drafts: number;
  comments: Counts;
  skipped: Record<SkippedPostKind, number> & SkippedComments;
  failed: { post: string; reason: string }[];
  /** The imported articles (at most `listedArticles`, in file order), each with its new address. */
  imported: {
    title: string;
    path: string;
    outcome: "created" | "updated" | "unchanged" | "kept";
    status: "draft" | "scheduled" | "published";
  }[];
  /** How many imported articles `imported` leaves out. */
  notListed: number;
  /** Images (attachments and posts' <img>s) brought into Gloss media, and those left where they were. */
  images: { imported: number; notImported: { src: string; post: string; reason: string }[] };
};

/** The summary links this many imported articles; the rest are counted. */
export const listedArticles = 200;

export function emptyReport(site: string, version: string): ImportReport {
  return {
    site,
    version,
    articles: { created: 0, updated: 0, unchanged: 0, kept: 0 },
    drafts: 0,
    comments: { created: 0, updated: 0, unchanged: 0, kept: 0 },
    skipped: { pages: 0, attachments: 0, otherPosts: 0, spam: 0, pingbacks: 0, trackbacks: 0, otherComments: 0 },
    failed: [],
    imported: [],
    notListed: 0,
    images: { imported: 0, notImported: [] },
  };
}

const counts = (c: Counts) =>
  `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.kept ? `, ${c.kept} kept as edited in Gloss` : ""}`;

/** The report as a few lines of text (the command line's answer). */
export function formatReport(report: ImportReport): string {
  const s = report.skipped;
  const lines = [
    `Imported ${report.site} (WXR ${report.version}).`,
    `Articles: ${counts(report.articles)}; drafts among them: ${report.drafts}.`,
    `Comments: ${counts(report.comments)}.`,
    `Skipped posts: pages ${s.pages}, attachments ${s.attachments}, other ${s.otherPosts}. Skipped comments: spam ${s.spam}, pingbacks ${s.pingbacks}, trackbacks ${s.trackbacks}, other ${s.otherComments}.`,
    `Images: ${report.images.imported} imported, ${report.images.notImported.length} not imported.`,
    ...report.images.notImported
      .slice(0, listedArticles)
      .map((i) => `  image not imported: ${i.src} in ${i.post} (${i.reason})`),
    `Failed: ${report.failed.length}.`,
    ...report.failed.map((f) => `  ${f.post}: ${f.reason}`),
    ...(report.imported.length
      ? [
          "Articles:",
          ...report.imported.map(
            (a) => `  ${a.path}  ${a.title} (${a.outcome}${a.status === "published" ? "" : `, ${a.status}`})`,
          ),
        ]
      : []),
    ...(report.notListed ? [`  … and ${report.notListed} more.`] : []),
  ];
  return lines.join("\n");
}
