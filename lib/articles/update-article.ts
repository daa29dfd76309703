import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireRole, type Viewer } from "@/lib/auth/viewer";
import { reanchorAnnotations, type AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { updateArticleSchema } from "@/lib/validation/article";
import { renderArticle } from "./render-article";
import { taxonomy, writeRevision } from "./save-article";

const revisionFields = { id: true, number: true, body: true, text: true, blockIds: true } as const;
const blocksOf = (r: { text: string; blockIds: string[] }) => r.text.split("\n").map((text, i) => ({ id: r.blockIds[i], text }));

/**
 * Edits an article (editor+). A body change on a published article publishes a new revision and
 * re-anchors its notes in the same transaction — unless `draft: true`, which keeps it as the
 * unpublished draft revision. `baseRevision` guards against overwriting someone else's save (409);
 * `dryRun` returns what the edit would do to readers' notes and changes nothing.
 */
export async function updateArticle(viewer: Viewer | null, slug: string, raw: unknown, { dryRun = false } = {}) {
  const me = requireRole(viewer, "editor");
  const parsed = updateArticleSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const now = clock.now();

  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { slug },
      select: { id: true, slug: true, status: true, publishedAt: true, currentRevision: { select: revisionFields }, draftRevision: { select: revisionFields } },
    });
    if (!article) throw new AppError("not_found", "No article has that address.");
    const head = Math.max(article.currentRevision?.number ?? 0, article.draftRevision?.number ?? 0);
    if (input.baseRevision !== undefined && input.baseRevision !== head)
      throw new AppError("conflict", `Someone else saved this article (revision ${head}) after you opened revision ${input.baseRevision}. Reload to see their changes; nothing was overwritten.`);

    const wantsPublished = input.status === "published" || (article.status === "published" && input.status !== "draft");
    const publishAt = input.publishAt ? new Date(input.publishAt) : null;
    if (publishAt && publishAt <= now) throw new AppError("bad_request", "The schedule date must be in the future.", { publishAt: "Choose a time in the future." });
    if (publishAt && article.status === "published") throw new AppError("rule_violation", "This article is already published; unpublish it first to schedule it.");
    // The body that would become current: a new body, or the pending draft when publishing it.
    const pendingDraft = input.body === undefined && !input.draft && (wantsPublished || publishAt) && article.draftRevision ? article.draftRevision.body : undefined;
    const newBody = input.body ?? pendingDraft;
    const headBody = (article.draftRevision ?? article.currentRevision)?.body;
    const bodyChanges = newBody !== undefined && (newBody !== article.currentRevision?.body || (!!pendingDraft && newBody !== headBody));
    const publishesBody = bodyChanges && !input.draft && (wantsPublished || !!publishAt);
    let impact: AnnotationImpact | null = null;

    if (dryRun) {
      if (publishesBody && article.currentRevision) {
        const rendered = renderArticle(newBody!, blocksOf(article.currentRevision));
        impact = await reanchorAnnotations(tx, { articleId: article.id, fromText: article.currentRevision.text, toText: rendered.text, toRevisionId: null, toBlocks: rendered.blocks, dryRun: true });
      }
      return { article, impact: impact ?? { kept: 0, moved: 0, orphaned: [] }, revision: head, dryRun: true };
    }

    const data: Prisma.ArticleUpdateInput = {};
    if (input.title !== undefined) data.title = input.title;
    if (input.author !== undefined) data.authorName = input.author;
    if (input.affiliation !== undefined) data.affiliation = input.affiliation;
    if (input.credit !== undefined) data.credit = input.credit;
    if (input.excerpt !== undefined) data.excerpt = input.excerpt;
    if (input.commentsOpen !== undefined) data.commentsOpen = input.commentsOpen;
    if (input.annotationsOpen !== undefined) data.annotationsOpen = input.annotationsOpen;
    if (input.categories) data.categories = taxonomy(input.categories);
    if (input.tags) data.tags = taxonomy(input.tags);
    if (input.slug && input.slug !== article.slug) {
      const clash = await tx.slugRedirect.findUnique({ where: { oldSlug: input.slug } });
      if (clash && clash.articleId !== article.id) throw new AppError("conflict", `The address “${input.slug}” is taken.`, { slug: "Already taken." });
      if (clash) await tx.slugRedirect.delete({ where: { oldSlug: input.slug } });
      await tx.slugRedirect.create({ data: { oldSlug: article.slug, articleId: article.id } });
      data.slug = input.slug;
    }

    let revisionNumber = head;
    if (bodyChanges && publishesBody) {
      const { revision, rendered } = await writeRevision(tx, { articleId: article.id, number: head + 1, body: newBody!, previous: article.currentRevision, createdById: me.id });
      if (article.currentRevision) impact = await reanchorAnnotations(tx, { articleId: article.id, fromText: article.currentRevision.text, toText: rendered.text, toRevisionId: revision.id, toBlocks: rendered.blocks });
      data.currentRevision = { connect: { id: revision.id } };
      data.draftRevision = { disconnect: true };
      data.searchText = rendered.text;
      revisionNumber = revision.number;
    } else if (input.body !== undefined && input.body !== headBody) {
      // Kept as the draft revision: readers keep seeing the current one.
      const { revision } = await writeRevision(tx, { articleId: article.id, number: head + 1, body: input.body, previous: article.draftRevision ?? article.currentRevision, createdById: me.id });
      data.draftRevision = { connect: { id: revision.id } };
      revisionNumber = revision.number;
    } else if (pendingDraft !== undefined && !bodyChanges && article.draftRevision) {
      data.draftRevision = { disconnect: true };
    }

    if (publishAt) { data.status = "scheduled"; data.publishAt = publishAt; data.publishedAt = publishAt; if (!article.currentRevision && !publishesBody) throw new AppError("rule_violation", "The article has no body to schedule yet."); }
    else if (input.status === "draft") data.status = "draft";
    else if (wantsPublished && article.status !== "published") {
      if (!article.currentRevision && !publishesBody) throw new AppError("rule_violation", "Write the article's body before publishing it.");
      data.status = "published"; data.publishedAt = article.publishedAt ?? now; data.publishAt = null;
    }
    const updated = await tx.article.update({ where: { id: article.id }, data, select: { id: true, slug: true, status: true, publishedAt: true, publishAt: true } });
    return { article: updated, impact, revision: revisionNumber, dryRun: false };
  }, { timeout: 60_000 });

  if (!result.dryRun) await invalidateReaderPages();
  return result;
}
