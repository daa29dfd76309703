"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createArticle } from "@/lib/articles/create-article";
import { getArticleForEditor } from "@/lib/articles/get-article-for-editor";
import { restoreRevision } from "@/lib/articles/restore-revision";
import { updateArticle } from "@/lib/articles/update-article";
import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";
import { getViewer } from "@/lib/auth/get-viewer";
import { isAppError } from "@/lib/errors";
import { formError } from "@/lib/http/form-state";
import { snapshotOf, type EditorSnapshot } from "./snapshot";

export type StudioResult =
  | { ok: true; message: string; article: EditorSnapshot }
  | { ok: false; message: string; errors?: Record<string, string>; conflict?: boolean };

export type ImpactResult = { ok: true; impact: AnnotationImpact } | Extract<StudioResult, { ok: false }>;

type Input = Record<string, unknown> & { slug?: string };

const viewer = async () => getViewer(await headers());

function failure(e: unknown): Extract<StudioResult, { ok: false }> {
  // A stale edit is the one conflict that is not about a field: the editor must reload.
  if (isAppError(e) && e.code === "conflict" && !e.fields) return { ok: false, message: e.message, conflict: true };
  const { message = "Something went wrong on our side. Please try again.", errors } = formError(e);
  return { ok: false, message, errors };
}

const isSlugClash = (e: unknown) => isAppError(e) && e.code === "conflict" && !!e.fields?.slug;

/**
 * Saves with the slug the editor gave, or — when it is derived from the title and taken — the
 * first free "-2", "-3"… as WordPress does. A slug typed by hand is never changed.
 */
async function withFreeSlug<T>(input: Input, derived: boolean, save: (input: Input) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    const slug = n === 1 || !input.slug ? input.slug : `${input.slug.slice(0, 115)}-${n}`;
    try {
      return await save({ ...input, slug });
    } catch (e) {
      if (!derived || !isSlugClash(e) || n >= 20) throw e;
    }
  }
}

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function said({ status, publishAt }: EditorSnapshot, intent: string) {
  if (intent === "unpublish") return status === "draft" ? "Back to draft: readers do not see it. Its notes and comments are kept." : "Saved.";
  if (intent === "schedule") return publishAt ? `Scheduled: it goes live on ${utc.format(new Date(publishAt))} UTC.` : "Saved.";
  if (intent === "publish") return status === "published" ? "Published." : "Saved.";
  return "Saved.";
}

/** Creates the article (the first autosave of a new one, or publishing/scheduling it at once). */
export async function createArticleAction(input: Input, options: { slugFromTitle: boolean; intent: string }): Promise<StudioResult> {
  try {
    const me = await viewer();
    const created = await withFreeSlug(input, options.slugFromTitle, (data) => createArticle(me, data));
    const article = snapshotOf(await getArticleForEditor(me, created.slug));
    return { ok: true, message: said(article, options.intent), article };
  } catch (e) {
    return failure(e);
  }
}

/** Saves an existing article: a draft body, metadata, publish, schedule or unpublish. */
export async function updateArticleAction(slug: string, input: Input, options: { slugFromTitle: boolean; intent: string }): Promise<StudioResult> {
  try {
    const me = await viewer();
    const updated = await withFreeSlug(input, options.slugFromTitle && input.slug !== slug, (data) => updateArticle(me, slug, data));
    const article = snapshotOf(await getArticleForEditor(me, updated.article.slug));
    return { ok: true, message: said(article, options.intent), article };
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

/** The revisions page's "Restore revision N" (after its impact was shown): publishes it again as a new revision. */
export async function restoreRevisionAction(form: FormData) {
  const slug = String(form.get("slug") ?? "");
  const number = Number(form.get("number"));
  const base = Number(form.get("baseRevision"));
  let outcome: string;
  try {
    const { revision } = await restoreRevision(await viewer(), slug, number, { baseRevision: Number.isInteger(base) ? base : undefined });
    outcome = `restored=${number}&as=${revision}`;
  } catch (e) {
    outcome = `error=${encodeURIComponent(failure(e).message)}`;
  }
  redirect(`/studio/${slug}/revisions?${outcome}`);
}
