import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { requireContributor } from "@/lib/auth/can-contribute";
import { editRights } from "@/lib/auth/edit-rights";
import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { floodKey } from "@/lib/comments/create-comment";
import { decideInitialStatus } from "@/lib/comments/decide-initial-status";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireGroupWriter } from "@/lib/groups/find-membership";
import { emitLiveEvents, groupNoteChange } from "@/lib/live/emit-live-events";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { announceVisible, autoFollow } from "@/lib/notifications/announce-visible";
import { notifyReplies } from "@/lib/notifications/notify-reply";
import { claimInterval, releaseInterval } from "@/lib/rate-limit/claim-interval";
import { enforceRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { getSettings } from "@/lib/settings/get-settings";
import { annotationFields } from "./annotation-fields";
import { currentRevisionText } from "./current-text";
import { interpretAnnotation, targetsArticle } from "./interpret-annotation";
import { locateSelection } from "./locate-selection";
import { visibleAnnotations } from "./visibility";

// Creates a note, a private highlight or a reply. The server places the anchor on the current
// revision (adding the TextPositionSelector and extending the context until unique). Public notes
// and replies share the comments' flood clock and duplicate rule; private and group ones never wait
// or hold (a group's notes are moderated by its owner), and count towards the private notes' limit.
export async function createAnnotation(viewer: Viewer | null, slug: string, input: unknown) {
  const me = await requireContributor(viewer);
  const a = interpretAnnotation(input);
  const article = await findArticleForDiscussion(slug, { forWriting: true, kind: "annotations" });
  const settings = await getSettings();

  let parent: {
    id: string;
    threadId: string;
    audience: "public" | "private" | "group";
    groupId: string | null;
    authorId: string | null;
  } | null = null;
  let anchor: ReturnType<typeof describeAnchor> | null = null;
  let revisionId: string | null = null;
  if (a.parentId) {
    parent = await db.annotation.findFirst({
      where: {
        id: a.parentId,
        articleId: article.id,
        AND: [visibleAnnotations(me)],
        status: { in: ["approved", "pending"] },
      },
      select: { id: true, threadId: true, audience: true, groupId: true, authorId: true },
    });
    if (!parent)
      throw new AppError("not_found", "The note you are replying to does not exist on this article.", {
        target: "No such note on this article.",
      });
  } else if (a.page) {
    // A note on the whole article: the target is the article's own address, with no selector.
    if (!targetsArticle(a.source, article.slug))
      throw new AppError(
        "bad_request",
        "The target needs a TextQuoteSelector (the passage quoted exactly), or the article's address as its source for a note on the whole article.",
        { "target.selector": "A TextQuoteSelector is required (or the article as the source, for a page note)." },
      );
  } else {
    const current = await currentRevisionText(article.id);
    const { start, end } = locateSelection(current.text, a);
    anchor = describeAnchor(current.text, start, end, current.blocks);
    revisionId = current.revisionId;
  }
  const audience = parent ? parent.audience : (a.audience ?? "public");
  // A group note (and a reply in its thread) is written only by the group's current members.
  const groupId = audience === "group" ? await requireGroupWriter(me, parent ? parent.groupId : a.group) : null;
  const counts = audience === "public";

  if (counts && a.note) {
    const since = new Date(clock.now().getTime() - settings.duplicateWindowMs);
    const duplicate = await db.annotation.findFirst({
      where: {
        authorId: me.id,
        articleId: article.id,
        body: a.note,
        audience: "public",
        createdAt: { gte: since },
        status: { not: "deleted" },
      },
      select: { id: true },
    });
    if (duplicate) throw new AppError("conflict", "You already said that.", { body: "You already said that." });
  }
  // Private notes and highlights skip the flood interval, not every limit.
  if (!counts)
    await enforceRateLimit(
      `annotate-private:${me.id}`,
      settings.privateAnnotationLimit,
      "You are adding private notes too fast.",
    );
  const floods = counts && !roleCan(me.role, "comments.moderate");
  if (floods) {
    const wait = await claimInterval(floodKey(me.id), settings.floodIntervalMs);
    if (wait > 0)
      throw new AppError("rate_limited", `You are posting too fast. You can post again in ${wait} s.`, undefined, wait);
  }
  let created;
  try {
    const { status, reasons } = counts
      ? await decideInitialStatus(me, { body: a.note, articleId: article.id })
      : { status: "approved" as const, reasons: [] };
    const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
    // The note, what it announces and the author's automatic follow, together or not at all.
    created = await db.$transaction(async (tx) => {
      const row = await tx.annotation.create({
        data: {
          id,
          articleId: article.id,
          authorId: me.id,
          parentId: parent?.id ?? null,
          threadId: parent?.threadId ?? id,
          motivation: a.motivation,
          audience,
          groupId,
          body: a.note,
          html: a.note ? renderSafeMarkdown(a.note) : "",
          tags: a.tags,
          color: a.color ?? null,
          status,
          holdReasons: reasons,
          createdAt: clock.now(),
          ...(anchor
            ? {
                exact: anchor.quote.exact,
                prefix: anchor.quote.prefix,
                suffix: anchor.quote.suffix,
                start: anchor.position.start,
                end: anchor.position.end,
                blockId: anchor.blockId ?? null,
                anchorRevisionId: revisionId,
                state: "anchored" as const,
                originalExact: anchor.quote.exact,
              }
            : {}),
        },
        select: annotationFields,
      });
      if (status === "approved" && audience === "public") await announceVisible(tx, "annotation", [id]);
      if (audience === "public") await autoFollow(tx, me.id, article.id);
      return row;
    });
  } catch (e) {
    // Nothing was stored: the slot is given back.
    if (floods) await releaseInterval(floodKey(me.id));
    throw e;
  }
  if (created.status === "approved" && audience === "public")
    await Promise.all([
      invalidateArticlePages(article.slug),
      emitLiveEvents([{ kind: "annotation", action: "created", articleId: article.id, itemId: created.id }]),
    ]);
  if (created.status === "approved" && audience === "public" && parent) await notifyReplies("annotation", [created.id]);
  // A group note's event goes to its members' streams only.
  await emitLiveEvents(groupNoteChange("created", created));
  return {
    annotation: { ...created, ...editRights(me, created, settings.editWindowMs) },
    held: created.status !== "approved",
  };
}
