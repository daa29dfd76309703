import { z } from "zod";

export const maxCommentLength = 10_000;

export const commentBodySchema = z
  .string("Write something first.")
  .trim()
  .min(1, "Write something first.")
  .max(maxCommentLength, `Keep it under ${maxCommentLength.toLocaleString("en")} characters.`)
  .refine((s) => !s.includes("\u0000"), "Remove the NUL character: it cannot be stored.");

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id.");

// Only the fields a client may set; anything else in the request (status, authorId…) is ignored.
export const createCommentSchema = z.object({ body: commentBodySchema, parentId: id.optional().nullable() });
export const editCommentSchema = z.object({ body: commentBodySchema });
export const commentSortSchema = z.enum(["oldest", "newest", "top"]).catch("oldest");
export const reportSchema = z.object({
  reason: z.enum(
    ["spam", "harassment", "off_topic", "other"],
    "Choose a reason: spam, harassment, off-topic or other.",
  ),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});
export const commentIdSchema = id;
