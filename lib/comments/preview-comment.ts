import { AppError } from "@/lib/errors";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { countBodyLinks } from "@/lib/moderation/hold-reasons";
import { getSettings } from "@/lib/settings/get-settings";
import { editCommentSchema } from "@/lib/validation/comment";
import { parseInput } from "@/lib/validation/parse-input";

export type CommentPreview = { html: string; links: number; linkHoldThreshold: number };

/**
 * What a comment (or a note) body will look like once posted: rendered by the very function the
 * server stores it with (lib/markdown: the same Markdown subset, autolinks and sanitizer), with its
 * link count as the moderation link rule counts it. Changes nothing; signed-in readers only.
 */
export async function previewComment(viewer: { id: string } | null, input: unknown): Promise<CommentPreview> {
  if (!viewer) throw new AppError("unauthorized", "Sign in first.");
  const { body } = parseInput(editCommentSchema, input);
  const { linkHoldThreshold } = await getSettings();
  return { html: renderSafeMarkdown(body), links: countBodyLinks(body), linkHoldThreshold };
}
