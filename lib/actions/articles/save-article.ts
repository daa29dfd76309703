"use server";
import { actionViewer as viewer } from "@/lib/actions/form-action";
import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import { createArticle } from "@/lib/articles/create-article";
import { type EditorSnapshot, snapshotOf } from "@/lib/articles/editor-snapshot";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { scheduledMessage } from "@/lib/articles/schedule-text";
import { updateArticle } from "@/lib/articles/update-article";
import { isAppError } from "@/lib/errors";
import { formError } from "@/lib/http/form-state";

export type StudioResult =
  | { ok: true; message: string; article: EditorSnapshot }
  | { ok: false; message: string; errors?: Record<string, string>; conflict?: boolean };

export type ImpactResult = { ok: true; impact: AnnotationImpact } | Extract<StudioResult, { ok: false }>;

type Input = Record<string, unknown> & { slug?: string };

function failure(e: unknown): Extract<StudioResult, { ok: false }> {
  // A stale edit is the one conflict that is not about a field: the editor must reload.
  if (isAppError(e) && e.code === "conflict" && !e.fields) return { ok: false, message: e.message, conflict: true };
  const { message = "Something went wrong on our side. Please try again.", errors } = formError(e);
  return { ok: false, message, errors };
}

type SaveOptions = { slugFromTitle: boolean; intent: string; timeZone?: string };

function said({ status, publishAt }: EditorSnapshot, intent: string, timeZone?: string) {
  if (intent === "unpublish")
    return status === "draft" ? "Back to draft: readers do not see it. Its notes and comments are kept." : "Saved.";
  if (intent === "schedule") return publishAt ? scheduledMessage(new Date(publishAt), timeZone ?? null) : "Saved.";
  if (intent === "publish") return status === "published" ? "Published." : "Saved.";
  return "Saved.";
}

/** Creates the article (the first autosave of a new one, or publishing/scheduling it at once). */
export async function createArticleAction(input: Input, options: SaveOptions): Promise<StudioResult> {
  try {
    const me = await viewer();
    const created = await createArticle(me, input, { slugFromTitle: options.slugFromTitle });
    const article = snapshotOf(await getArticleForEditor(me, created.slug));
    return { ok: true, message: said(article, options.intent, options.timeZone), article };
  } catch (e) {
    return failure(e);
  }
}

/** Saves an existing article: a draft body, metadata, publish, schedule or unpublish. */
export async function updateArticleAction(slug: string, input: Input, options: SaveOptions): Promise<StudioResult> {
  try {
    const me = await viewer();
    const updated = await updateArticle(me, slug, input, { slugFromTitle: options.slugFromTitle });
    const article = snapshotOf(await getArticleForEditor(me, updated.article.slug));
    return { ok: true, message: said(article, options.intent, options.timeZone), article };
  } catch (e) {
    return failure(e);
  }
}

/** What publishing `input` would do to readers' notes; changes nothing. */
export async function previewImpactAction(slug: string, input: Input): Promise<ImpactResult> {
  try {
    const { impact } = await updateArticle(await viewer(), slug, input, { dryRun: true });
    return { ok: true, impact: impact ?? { kept: 0, moved: 0, orphaned: [], privateOrphaned: 0 } };
  } catch (e) {
    return failure(e);
  }
}
