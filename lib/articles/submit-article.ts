import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/moderation/record-audit";
import { noSuchArticle, requireReadable } from "./article-access";

// The desk's author-side transitions (CONTRACT.md "The editorial desk"), each in the audit log:
// draft → pending_review (submit) and back (withdraw, to edit again). The author submits their own
// article; an editor may submit or withdraw any draft on someone's behalf.

async function lockArticle(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], me: Viewer, slug: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Article" WHERE "slug" = ${slug} FOR UPDATE`;
  if (!row) throw noSuchArticle();
  const article = await tx.article.findUniqueOrThrow({
    where: { id: row.id },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      ownerId: true,
      trashedAt: true,
      draftRevisionId: true,
      currentRevisionId: true,
    },
  });
  requireReadable(me, article);
  if (article.trashedAt) throw new AppError("rule_violation", "This article is in the trash: restore it first.");
  return article;
}

export async function submitArticle(viewer: Viewer | null, slug: string) {
  const me = await requirePermission(viewer, "articles.submit");
  return db.$transaction(async (tx) => {
    const article = await lockArticle(tx, me, slug);
    if (article.status === "pending_review") return { slug: article.slug, status: article.status };
    if (article.status !== "draft")
      throw new AppError("rule_violation", "Only a draft can be submitted for review; this article is already out.");
    if (!article.draftRevisionId && !article.currentRevisionId)
      throw new AppError("rule_violation", "Write the article before submitting it.");
    const updated = await tx.article.update({
      where: { id: article.id },
      data: { status: "pending_review", submittedAt: clock.now() },
      select: { slug: true, status: true, submittedAt: true },
    });
    await recordAudit(tx, {
      actorId: me.id,
      action: "article.submit",
      targetType: "article",
      targetId: article.id,
      before: { status: article.status },
      after: { status: updated.status, slug: article.slug },
    });
    return updated;
  });
}

export async function withdrawArticle(viewer: Viewer | null, slug: string) {
  const me = await requirePermission(viewer, "articles.submit");
  return db.$transaction(async (tx) => {
    const article = await lockArticle(tx, me, slug);
    if (article.status === "draft") return { slug: article.slug, status: article.status };
    if (article.status !== "pending_review")
      throw new AppError("rule_violation", "Only an article waiting for review can be withdrawn.");
    const updated = await tx.article.update({
      where: { id: article.id },
      data: { status: "draft", submittedAt: null },
      select: { slug: true, status: true },
    });
    await recordAudit(tx, {
      actorId: me.id,
      action: "article.withdraw",
      targetType: "article",
      targetId: article.id,
      before: { status: article.status },
      after: { status: updated.status, slug: article.slug },
    });
    return updated;
  });
}
