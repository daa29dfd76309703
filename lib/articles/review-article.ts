import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { reviewDecisionMail } from "@/lib/mail/messages";
import { queueMail } from "@/lib/mail/queue-mail";
import { recordAudit } from "@/lib/moderation/record-audit";
import { recordNotifications } from "@/lib/notifications/record-notification";
import { getSettings } from "@/lib/settings/get-settings";
import { reviewDecisionSchema } from "@/lib/validation/article";
import { parseInput } from "@/lib/validation/parse-input";
import { noSuchArticle } from "./article-access";
import { updateArticle } from "./update-article";

type Tx = Prisma.TransactionClient;
type Decided = { id: string; slug: string; title: string; ownerId: string | null };

/**
 * The board decides on an article waiting for review (editor+). `changes` returns it to the
 * author's drafts with the message; `approve` publishes the draft now — or schedules it, when a
 * `publishAt` is given or the article already carries a future one — through the same path as
 * publishing in the studio (readers' notes re-anchored), adding the publication's credit line
 * unless the article has its own. Either way, in the decision's transaction: the audit entry, the
 * author's `review` notification and the mail (lib/mail, queued). A second decision on an article
 * that is no longer waiting is a 409.
 */
export async function reviewArticle(viewer: Viewer | null, slug: string, raw: unknown) {
  const me = await requirePermission(viewer, "articles.review");
  const input = parseInput(reviewDecisionSchema, raw);
  const message = input.message ?? "";
  const now = clock.now();
  const found = await db.article.findUnique({ where: { slug }, select: { id: true, status: true, publishAt: true } });
  if (!found) throw noSuchArticle();
  if (found.status !== "pending_review")
    throw new AppError("conflict", `This article is not waiting for review (it is ${found.status.replace("_", " ")}).`);

  const tell = async (tx: Tx, a: Decided, published: "now" | Date | null) => {
    await recordAudit(tx, {
      actorId: me.id,
      action: `article.review.${input.decision}`,
      targetType: "article",
      targetId: a.id,
      before: { status: "pending_review" },
      after: { status: published === null ? "draft" : published === "now" ? "published" : "scheduled", slug: a.slug },
      reason: message || null,
    });
    if (!a.ownerId || a.ownerId === me.id) return;
    const owner = await tx.user.findUnique({
      where: { id: a.ownerId },
      select: { id: true, email: true, name: true, deletedAt: true },
    });
    if (!owner || owner.deletedAt) return;
    const url = input.decision === "approve" ? `/articles/${a.slug}` : `/studio/${a.slug}`;
    const excerpt = message || (input.decision === "approve" ? "Approved" : "Changes requested");
    await recordNotifications(tx, [
      {
        userId: owner.id,
        type: "review",
        url,
        actorId: me.id,
        excerpt,
        articleId: a.id,
        key: `review:${a.id}:${input.decision}:${now.getTime()}`,
      },
    ]);
    await queueMail(
      tx,
      reviewDecisionMail({
        to: owner,
        who: me.name,
        decision: input.decision,
        articleTitle: a.title,
        message,
        published,
        link: `${siteUrl()}${url}`,
      }),
    );
  };

  if (input.decision === "changes") {
    return db.$transaction(async (tx) => {
      const { count } = await tx.article.updateMany({
        where: { id: found.id, status: "pending_review" },
        data: { status: "draft", submittedAt: null },
      });
      if (!count) throw new AppError("conflict", "This article is no longer waiting for review.");
      const a = await tx.article.findUniqueOrThrow({
        where: { id: found.id },
        select: { id: true, slug: true, title: true, ownerId: true, status: true },
      });
      await tell(tx, a, null);
      return { slug: a.slug, status: a.status, decision: input.decision, publishedAt: null as Date | null };
    });
  }

  const publishAt = input.publishAt
    ? new Date(input.publishAt)
    : found.publishAt && found.publishAt > now
      ? found.publishAt
      : null;
  const { creditLine } = await getSettings();
  const result = await updateArticle(
    me,
    slug,
    publishAt ? { publishAt: publishAt.toISOString() } : { status: "published" },
    {},
    {
      expectStatus: "pending_review",
      within: async (tx, a) => {
        if (!a.credit.trim() && creditLine.trim())
          await tx.article.update({ where: { id: a.id }, data: { credit: creditLine.trim() } });
        await tx.article.update({ where: { id: a.id }, data: { submittedAt: null } });
        await tell(tx, a, publishAt ?? "now");
      },
    },
  );
  return {
    slug: result.article.slug,
    status: result.article.status,
    decision: input.decision,
    publishedAt: result.article.publishedAt,
  };
}
