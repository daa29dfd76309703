import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { type ImageOutcome, imageSources } from "./image-sources";
import { createImageImporter } from "./import-images";
import { importPost } from "./import-post";
import { emptyReport, type ImportReport, listedArticles } from "./import-report";
import { listDestroyedComments } from "./list-destroyed-comments";
import { planComments } from "./plan-comments";
import { planPost } from "./plan-post";
import { readWxrItems } from "./read-wxr-items";
import { validateWxr } from "./validate-wxr";
import type { WxrItem } from "./wxr-item";

/** Who runs an import: an admin (upload page), or whoever runs the command line on the server. */
export type ImportActor = Viewer | null | "command-line";

/**
 * Imports a WordPress export (WXR 1.1/1.2) from a file: posts become articles, with their
 * categories, tags and threaded comments. Pass 1 validates the whole file and writes nothing (a
 * malformed, non-WXR or DTD-carrying file is refused with a one-line AppError); pass 2 streams it
 * again and writes one transaction per post. Re-running it changes nothing; a changed export
 * updates what changed, except what was edited or moderated in Gloss since. Images (attachments,
 * posts' <img>s) become Gloss media when their files are under `mediaDir`; otherwise a post keeps a
 * link to where the image was, and the report lists it as not imported.
 */
export async function importWxr(
  actor: ImportActor,
  file: string,
  { mediaDir = null }: { mediaDir?: string | null } = {},
): Promise<ImportReport> {
  if (actor !== "command-line") await requirePermission(actor, "imports.run");
  const channel = await validateWxr(file);
  const report = emptyReport(channel.siteUrl, channel.version);
  const now = clock.now();
  const destroyed = await listDestroyedComments();
  const importer = createImageImporter(mediaDir);
  const counted = new Set<string>();
  const tally = (post: string, outcomes: ReadonlyMap<string, ImageOutcome>) => {
    for (const [src, outcome] of outcomes) {
      if (counted.has(src)) continue;
      counted.add(src);
      if ("url" in outcome) report.images.imported++;
      else report.images.notImported.push({ src, post, reason: outcome.notImported });
    }
  };

  let failuresInARow = 0;
  await readWxrItems(file, async (item) => {
    try {
      // An attachment's file becomes Gloss media (its post is skipped); a post's <img>s too, before it is planned.
      const type = item.postType || "post";
      if (type === "attachment" && item.attachmentUrl)
        tally(labelOf(item), new Map([[item.attachmentUrl, await importer.image(item.attachmentUrl)]]));
      const images = type === "post" ? await importer.images(imageSources(item.content)) : undefined;
      const plan = planPost(item, channel, now, images);
      if (images) tally(labelOf(item), images);
      if ("skip" in plan) {
        report.skipped[plan.skip]++;
        return;
      }
      const { planned, skipped } = planComments(item.comments, channel.siteUrl, plan.article.publishedAt ?? now);
      const outcome = await importPost(plan.article, planned, destroyed);
      report.articles[outcome.article]++;
      if (report.imported.length < listedArticles)
        report.imported.push({
          title: plan.article.title,
          path: `/articles/${outcome.slug}`,
          outcome: outcome.article,
          status: plan.article.status,
        });
      else report.notListed++;
      if (plan.article.status === "draft") report.drafts++;
      for (const key of ["created", "updated", "unchanged", "kept"] as const)
        report.comments[key] += outcome.comments[key];
      for (const key of ["spam", "pingbacks", "trackbacks", "otherComments"] as const)
        report.skipped[key] += skipped[key];
      failuresInARow = 0;
    } catch (e) {
      if (isAppError(e)) {
        report.failed.push({ post: labelOf(item), reason: e.message });
        return;
      }
      console.error(`[import] ${labelOf(item)} failed`, e);
      // A lost database (or a bug that fails every post) stops the import instead of failing each post.
      if (isConnectionError(e) || ++failuresInARow >= maxFailuresInARow) {
        const done =
          report.articles.created + report.articles.updated + report.articles.unchanged + report.articles.kept;
        throw new AppError(
          "internal",
          `the import stopped at ${labelOf(item)} (${isConnectionError(e) ? "the database cannot be reached" : "posts keep failing; see the server log"}); ${done} posts before it were imported`,
        );
      }
      report.failed.push({ post: labelOf(item), reason: "it could not be written (see the server log)" });
    }
  });

  if (report.articles.created + report.articles.updated + report.comments.created + report.comments.updated > 0)
    await invalidateReaderPages();
  return report;
}

const maxFailuresInARow = 5;

const isConnectionError = (e: unknown) =>
  e instanceof Prisma.PrismaClientInitializationError ||
  (e instanceof Prisma.PrismaClientKnownRequestError && /^P1/.test(e.code));

function labelOf(item: WxrItem): string {
  const title = item.title.replace(/\s+/g, " ").trim();
  return `${title ? `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”` : "(no title)"} (post ${item.postId || "without id"})`;
}
