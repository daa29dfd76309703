import crypto from "node:crypto";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { interpretAnnotation } from "@/lib/annotations/interpret-annotation";
import { locateSelection } from "@/lib/annotations/locate-selection";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { findReviewArticle } from "./find-review-article";
import { reviewNoteFields } from "./review-note-json";

/** A reply's target may name the review note it answers (`…/api/reviews/<slug>/<id>`): read it as a reply. */
export function asReviewInput(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  const t = Array.isArray(r.target) ? r.target[0] : r.target;
  const ref =
    typeof t === "string"
      ? t
      : t && typeof t === "object" && !("selector" in t)
        ? (t as { id?: unknown }).id
        : undefined;
  return typeof ref === "string" && /\/api\/reviews\//.test(ref) ? { ...r, motivation: "replying" } : r;
}

/**
 * Writes a review note on the article's latest draft text (editors and up, and the article's own
 * author), or a reply to one. Parsed and anchored exactly as readers' notes are (W3C selectors, the
 * TextPositionSelector added, context extended until unique). No moderation: the desk is private.
 */
export async function createReviewNote(viewer: Viewer | null, slug: string, raw: unknown) {
  const me = await requirePermission(viewer, "reviews.comment").catch(() => {
    throw new AppError("not_found", "No review notes here.");
  });
  await findReviewArticle(me, slug);
  const a = interpretAnnotation(asReviewInput(raw));
  if (a.motivation === "highlighting")
    throw new AppError("bad_request", "Write a note first.", { body: "Write a note first." });
  // Review notes are about passages: the desk has no page notes.
  if (a.page)
    throw new AppError("bad_request", "The target needs a TextQuoteSelector (the passage quoted exactly).", {
      "target.selector": "A TextQuoteSelector is required.",
    });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "slug" = ${slug} FOR UPDATE`;
    const article = await findReviewArticle(me, slug);
    const id = crypto.randomUUID().replace(/-/g, "").slice(0, 24);
    const base = {
      id,
      articleId: article.id,
      authorId: me.id,
      body: a.note,
      html: renderSafeMarkdown(a.note),
      createdAt: clock.now(),
    };
    if (a.parentId) {
      const parent = await tx.reviewNote.findFirst({
        where: { id: a.parentId, articleId: article.id, deletedAt: null },
        select: { id: true, threadId: true },
      });
      if (!parent)
        throw new AppError("not_found", "The review note you are replying to does not exist on this article.", {
          target: "No such review note on this article.",
        });
      return tx.reviewNote.create({
        data: { ...base, parentId: parent.id, threadId: parent.threadId },
        select: reviewNoteFields,
      });
    }
    if (!article.latest) throw new AppError("rule_violation", "This article has no text to comment on yet.");
    const { start, end } = locateSelection(article.latest.text, a);
    const anchor = describeAnchor(article.latest.text, start, end, article.latest.blocks);
    return tx.reviewNote.create({
      data: {
        ...base,
        threadId: id,
        exact: anchor.quote.exact,
        prefix: anchor.quote.prefix,
        suffix: anchor.quote.suffix,
        start: anchor.position.start,
        end: anchor.position.end,
        blockId: anchor.blockId ?? null,
        anchorRevisionId: article.latest.revisionId,
        state: "anchored",
        originalExact: anchor.quote.exact,
      },
      select: reviewNoteFields,
    });
  });
}
