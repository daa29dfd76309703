import { reanchorAnnotations } from "@/lib/annotations/reanchor-annotations";
import { findFreeSlug } from "@/lib/articles/find-free-slug";
import { renderArticle } from "@/lib/articles/render-article";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findImportedArticle, type ImportedArticle } from "./find-imported-article";
import { insertImportedArticle } from "./insert-imported-article";
import type { PlannedArticle, Term } from "./plan-post";

type Tx = Prisma.TransactionClient;
export type ArticleOutcome = "created" | "updated" | "unchanged" | "kept";

const revisionFields = { id: true, number: true, body: true, text: true, blockIds: true, createdAt: true } as const;
type Revision = { id: string; number: number; body: string; text: string; blockIds: string[]; createdAt: Date };

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameTerms = (slugs: string[], terms: Term[]) =>
  [...slugs].sort().join("\n") ===
  terms
    .map((t) => t.slug)
    .sort()
    .join("\n");
const connectTerms = (terms: Term[]) => ({
  set: [],
  connectOrCreate: terms.map((t) => ({ where: { slug: t.slug }, create: t })),
});
const blocksOf = (r: Revision) =>
  r.text
    .split("\n")
    .map((text, i) => ({ id: r.blockIds[i], text }))
    .filter((b) => b.id);

/**
 * Creates or updates the article of one imported post, inside the post's transaction.
 *
 * Gloss edits win: the import marks every article it writes by setting `updatedAt` to the
 * `createdAt` of the revision it wrote (revisions are never updated, and the import's own have no
 * `createdById`). An article whose head revision was written by a person, or whose row changed
 * after the import's last write (any edit in the studio or the API moves `updatedAt`), is left as
 * it is: `kept`. Otherwise what differs from the export is updated, a new body as a new revision
 * (notes re-anchored, block ids carried over).
 */
export async function saveImportedArticle(
  tx: Tx,
  plan: PlannedArticle,
  stamp: Date,
): Promise<{ id: string; outcome: ArticleOutcome }> {
  const existing = await findImportedArticle(tx, plan.importKey);
  if (!existing) {
    const slug = await findFreeSlug(tx, plan.slug);
    return { id: await insertImportedArticle(tx, plan, slug, stamp), outcome: "created" };
  }
  const head = existing.head;
  const bodyChanged = head?.body !== plan.body;
  const promotesDraft = plan.status !== "draft" && !bodyChanged && existing.hasDraftRevision;
  if (!bodyChanged && !promotesDraft && sameFields(existing, plan)) return { id: existing.id, outcome: "unchanged" };
  const editedInGloss = !head || head.createdById !== null || existing.updatedAt.getTime() !== head.createdAt.getTime();
  if (editedInGloss) return { id: existing.id, outcome: "kept" };
  await updateArticle(tx, existing.id, plan, stamp, bodyChanged);
  return { id: existing.id, outcome: "updated" };
}

function sameFields(a: ImportedArticle, plan: PlannedArticle): boolean {
  return (
    a.title === plan.title &&
    a.authorName === plan.authorName &&
    a.excerpt === plan.excerpt &&
    a.status === plan.status &&
    sameTime(a.publishedAt, plan.publishedAt) &&
    sameTime(a.publishAt, plan.publishAt) &&
    sameTerms(a.categories, plan.categories) &&
    sameTerms(a.tags, plan.tags)
  );
}

async function updateArticle(tx: Tx, articleId: string, plan: PlannedArticle, stamp: Date, bodyChanged: boolean) {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { currentRevision: { select: revisionFields }, draftRevision: { select: revisionFields } },
  });
  const head = (article.draftRevision ?? article.currentRevision)!;
  const isPublic = plan.status !== "draft";
  const data: Prisma.ArticleUpdateInput = {
    title: plan.title,
    authorName: plan.authorName,
    excerpt: plan.excerpt,
    status: plan.status,
    publishedAt: plan.publishedAt,
    publishAt: plan.publishAt,
    categories: connectTerms(plan.categories),
    tags: connectTerms(plan.tags),
  };
  let newHead: Revision = head;
  let becomesCurrent: Revision | null = null;
  if (bodyChanged) {
    const last = await tx.articleRevision.aggregate({ where: { articleId }, _max: { number: true } });
    const rendered = renderArticle(plan.body, blocksOf(head));
    newHead = await tx.articleRevision.create({
      data: {
        articleId,
        number: (last._max.number ?? 0) + 1,
        body: plan.body,
        html: rendered.html,
        text: rendered.text,
        blockIds: rendered.blocks.map((b) => b.id),
        wordCount: rendered.wordCount,
        createdAt: stamp,
      },
      select: revisionFields,
    });
    if (isPublic) becomesCurrent = newHead;
    else data.draftRevision = { connect: { id: newHead.id } };
  } else if (isPublic && article.draftRevision) becomesCurrent = article.draftRevision;

  if (becomesCurrent) {
    data.currentRevision = { connect: { id: becomesCurrent.id } };
    data.draftRevision = { disconnect: true };
    data.searchText = becomesCurrent.text;
    const previous = article.currentRevision;
    if (previous && previous.id !== becomesCurrent.id) {
      await reanchorAnnotations(tx, {
        articleId,
        fromText: previous.text,
        toText: becomesCurrent.text,
        toRevisionId: becomesCurrent.id,
        toBlocks: blocksOf(becomesCurrent),
      });
    }
  }
  data.updatedAt = newHead.createdAt;
  await tx.article.update({ where: { id: articleId }, data, select: { id: true } });
}
