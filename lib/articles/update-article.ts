import { type AnnotationImpact, reanchorAnnotations } from "@/lib/annotations/reanchor-annotations";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { requireAltText } from "@/lib/media/require-alt-text";
import { reanchorReviewNotes } from "@/lib/reviews/reanchor-review-notes";
import { announceArticle } from "@/lib/subscribers/announce-article";
import { type UpdateArticleInput, updateArticleSchema } from "@/lib/validation/article";
import { parseInput } from "@/lib/validation/parse-input";
import { requireMayPublish, requireWritable } from "./article-access";
import { findFreeSlug } from "./find-free-slug";
import { renderArticle } from "./render-article";
import { blocksOf, excerptOf, saveDraftRevision, taxonomy, writeRevision } from "./save-article";

type Tx = Prisma.TransactionClient;

/**
 * For the desk's decisions (lib/articles/review-article.ts), which publish through this same path:
 * `expectStatus` is checked inside the transaction (a second decision finds the article moved on),
 * and `within` runs in the transaction after the update (audit, notification, mail).
 */
export type UpdateHooks = {
  expectStatus?: ArticleStatus;
  within?: (
    tx: Tx,
    article: { id: string; slug: string; title: string; ownerId: string | null; status: ArticleStatus; credit: string },
  ) => Promise<void>;
};

const revisionFields = { id: true, number: true, body: true, text: true, blockIds: true, createdById: true } as const;

/**
 * Edits an article (editor+; a contributor their own draft, never publishing — lib/articles/article-access.ts). A body change on a published article publishes a new revision and
 * re-anchors its notes in the same transaction — unless `draft: true`, which keeps it as the
 * unpublished draft revision. `baseRevision` guards against overwriting someone else's save (409);
 * `dryRun` returns what the edit would do to readers' notes and changes nothing. An empty excerpt
 * is the first paragraph of the newest body.
 */
export async function updateArticle(
  viewer: Viewer | null,
  slug: string,
  raw: unknown,
  { dryRun = false, slugFromTitle = false } = {},
  hooks: UpdateHooks = {},
) {
  const me = await requirePermission(viewer, "articles.create_draft");
  const input = parseInput(updateArticleSchema, raw);
  requireMayPublish(me, input);
  const now = clock.now();

  try {
    const result = await db.$transaction(
      async (tx) => {
        // Locked: a review note written meanwhile is anchored either before this save (and re-anchored
        // by it) or after it (on the new text), never on a text that is already gone.
        if (!dryRun) await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "slug" = ${slug} FOR UPDATE`;
        const article = await tx.article.findUnique({
          where: { slug },
          select: {
            id: true,
            slug: true,
            title: true,
            status: true,
            ownerId: true,
            credit: true,
            excerpt: true,
            publishedAt: true,
            publishAt: true,
            trashedAt: true,
            currentRevision: { select: revisionFields },
            draftRevision: { select: revisionFields },
          },
        });
        requireWritable(me, article);
        if (!article) throw new AppError("not_found", "No article has that address.");
        if (hooks.expectStatus && article.status !== hooks.expectStatus)
          throw new AppError(
            "conflict",
            `This article is no longer waiting for review (it is ${article.status.replace("_", " ")}).`,
          );
        if (article.trashedAt)
          throw new AppError(
            "rule_violation",
            "This article is in the trash: restore it before editing or publishing it.",
          );
        const { currentRevision: current, draftRevision: draft } = article;
        const head = Math.max(current?.number ?? 0, draft?.number ?? 0);
        if (input.baseRevision !== undefined && input.baseRevision !== head)
          throw new AppError(
            "conflict",
            `Someone else saved this article (revision ${head}) after you opened revision ${input.baseRevision}. Reload to see their changes; nothing was overwritten.`,
          );

        const publishAt = input.publishAt ? new Date(input.publishAt) : null;
        if (publishAt && publishAt <= now)
          throw new AppError("bad_request", "The schedule date must be in the future.", {
            publishAt: "Choose a time in the future.",
          });
        if (publishAt && article.status === "published")
          throw new AppError("rule_violation", "This article is already published; unpublish it first to schedule it.");
        const plan = planBody(input, article.status, publishAt, current, draft);
        if (plan.publishes !== undefined) requireAltText(plan.publishes);
        else if (publishAt || (input.status === "published" && article.status !== "published"))
          requireAltText(current?.body);

        if (dryRun) {
          let impact: AnnotationImpact | null = null;
          if (plan.publishes !== undefined && current) {
            const rendered = renderArticle(plan.publishes, blocksOf(current));
            impact = await reanchorAnnotations(tx, {
              articleId: article.id,
              fromText: current.text,
              toText: rendered.text,
              toRevisionId: null,
              toBlocks: rendered.blocks,
              dryRun: true,
            });
          }
          const { id, status, publishedAt, publishAt: scheduledAt } = article;
          return {
            article: { id, slug: article.slug, status, publishedAt, publishAt: scheduledAt },
            impact: impact ?? { kept: 0, moved: 0, orphaned: [], privateOrphaned: 0 },
            revision: head,
            dryRun: true,
            readersAffected: false,
          };
        }

        const data = metadataChanges(input);
        // A slug that follows the title (`slugFromTitle`) takes the first free variant; one typed by hand must be free.
        if (input.slug && input.slug !== article.slug && slugFromTitle)
          input.slug = await findFreeSlug(tx, input.slug, { articleId: article.id });
        if (input.slug && input.slug !== article.slug) {
          const taken = await tx.article.findUnique({ where: { slug: input.slug }, select: { id: true } });
          const clash = await tx.slugRedirect.findUnique({ where: { oldSlug: input.slug } });
          if (taken || (clash && clash.articleId !== article.id)) throw slugTaken(input.slug);
          if (clash) await tx.slugRedirect.delete({ where: { oldSlug: input.slug } });
          // Only an address readers may have seen keeps redirecting (not every slug a draft had).
          if (article.publishedAt && article.publishedAt <= now)
            await tx.slugRedirect.create({ data: { oldSlug: article.slug, articleId: article.id } });
          data.slug = input.slug;
        }

        let impact: AnnotationImpact | null = null;
        let revisionNumber = head;
        // Review notes sit on the latest text (the draft, else the published one) and follow it.
        const latestBefore = draft ?? current;
        let latestAfter: { id: string; text: string; blockIds: string[] } | null = latestBefore;
        let newestText = (current ?? draft)?.text;
        if (plan.publishes !== undefined) {
          // The pending draft, when that is what gets published, becomes current as it is.
          const promoted = draft && draft.body === plan.publishes ? draft : null;
          const revision =
            promoted ??
            (
              await writeRevision(tx, {
                articleId: article.id,
                number: head + 1,
                body: plan.publishes,
                previous: current,
                createdById: me.id,
              })
            ).revision;
          const toText = revision.text;
          if (current)
            impact = await reanchorAnnotations(tx, {
              articleId: article.id,
              fromText: current.text,
              toText,
              toRevisionId: revision.id,
              toBlocks: blocksOf(revision),
            });
          data.currentRevision = { connect: { id: revision.id } };
          if (draft) data.draftRevision = { disconnect: true };
          data.searchText = toText;
          revisionNumber = revision.number;
          newestText = toText;
          latestAfter = revision;
        } else if (plan.drafts !== undefined) {
          const revision = await saveDraftRevision(tx, {
            articleId: article.id,
            number: head + 1,
            body: plan.drafts,
            current,
            draft,
            editorId: me.id,
          });
          data.draftRevision = { connect: { id: revision.id } };
          revisionNumber = revision.number;
          latestAfter = revision;
          // Until it is first published, the draft is the text the excerpt comes from.
          if (!current) newestText = revision.text;
        } else if (plan.dropsDraft && draft) {
          data.draftRevision = { disconnect: true };
          latestAfter = current;
        }
        if (latestBefore && latestAfter && latestBefore.text !== latestAfter.text)
          await reanchorReviewNotes(tx, {
            articleId: article.id,
            fromText: latestBefore.text,
            toText: latestAfter.text,
            toRevisionId: latestAfter.id,
            toBlocks: blocksOf(latestAfter),
          });

        // "Left empty, the first paragraph is used" (the studio sends its empty field on every save).
        if (!(input.excerpt ?? article.excerpt) && newestText !== undefined) {
          const derived = excerptOf(newestText.split("\n")[0] ?? "");
          if (derived !== article.excerpt) data.excerpt = derived;
          else delete data.excerpt;
        }

        if (publishAt) {
          if (!current && plan.publishes === undefined)
            throw new AppError("rule_violation", "The article has no body to schedule yet.");
          Object.assign(data, { status: "scheduled", publishAt, publishedAt: publishAt });
        } else if (input.status === "draft") {
          Object.assign(data, { status: "draft", publishAt: null });
        } else if (input.status === "published" && article.status !== "published") {
          if (!current && plan.publishes === undefined)
            throw new AppError("rule_violation", "Write the article's body before publishing it.");
          // Republishing keeps the date readers saw first; a scheduled (future) date becomes now.
          const firstShown =
            article.status !== "scheduled" && article.publishedAt && article.publishedAt <= now
              ? article.publishedAt
              : now;
          Object.assign(data, { status: "published", publishedAt: firstShown, publishAt: null });
        }
        const updated = await tx.article.update({
          where: { id: article.id },
          data,
          select: {
            id: true,
            slug: true,
            title: true,
            ownerId: true,
            credit: true,
            status: true,
            publishedAt: true,
            publishAt: true,
          },
        });
        // First published: subscribers are mailed by a job (never again for this article).
        if (updated.status === "published" && article.status !== "published") await announceArticle(tx, article.id);
        if (hooks.within) await hooks.within(tx, updated);
        // A draft save changes nothing readers see: their cached pages stay.
        const readersAffected = Object.keys(data).some((key) => key !== "draftRevision");
        return { article: updated, impact, revision: revisionNumber, dryRun: false, readersAffected };
      },
      { timeout: 60_000 },
    );

    if (result.readersAffected) await invalidateReaderPages();
    return { article: result.article, impact: result.impact, revision: result.revision, dryRun: result.dryRun };
  } catch (e) {
    if (isUniqueViolation(e) && input.slug) throw slugTaken(input.slug);
    throw e;
  }
}

const slugTaken = (slug: string) =>
  new AppError("conflict", `The address “${slug}” is taken.`, { slug: "Already taken." });

type Revision = { body: string } | null;

/**
 * What the edit does to the body: `publishes` the body that becomes current (a new body, or the
 * pending draft when publishing it), `drafts` the body kept as the draft revision, or `dropsDraft`
 * when the draft went back to the published text. A scheduled article's edits go out at its time.
 */
function planBody(
  input: UpdateArticleInput,
  status: string,
  publishAt: Date | null,
  current: Revision,
  draft: Revision,
) {
  const publishing =
    !input.draft &&
    input.status !== "draft" &&
    (input.status === "published" || !!publishAt || status === "published" || status === "scheduled");
  const proposed = input.body ?? (publishing ? draft?.body : undefined);
  if (proposed === undefined) return {};
  if (proposed === current?.body) return { dropsDraft: true };
  if (publishing) return { publishes: proposed };
  return proposed === (draft ?? current)?.body ? {} : { drafts: proposed };
}

function metadataChanges(input: UpdateArticleInput): Prisma.ArticleUpdateInput {
  const data: Prisma.ArticleUpdateInput = {};
  if (input.title !== undefined) data.title = input.title;
  if (input.author !== undefined) data.authorName = input.author;
  if (input.affiliation !== undefined) data.affiliation = input.affiliation;
  if (input.credit !== undefined) data.credit = input.credit;
  if (input.excerpt !== undefined) data.excerpt = input.excerpt;
  if (input.commentsOpen !== undefined) data.commentsOpen = input.commentsOpen;
  if (input.annotationsOpen !== undefined) data.annotationsOpen = input.annotationsOpen;
  if (input.categories) data.categories = taxonomy(input.categories, { replacing: true });
  if (input.tags) data.tags = taxonomy(input.tags, { replacing: true });
  return data;
}
