import { z } from "zod";

const name = z.string().trim().min(1, "Names cannot be empty.").max(60, "Names are at most 60 characters.");
const future = z.iso.datetime({ offset: true, message: "Give a date and time like 2027-01-31T09:00:00Z." });

export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,120}$/, "Use 1–120 lower-case letters, digits and hyphens.");

const fields = {
  title: z.string().trim().min(1, "Give the article a title.").max(200, "Keep the title under 200 characters."),
  body: z.string().max(200_000, "The body is limited to 200,000 characters."),
  slug: slugSchema.optional(),
  author: z.string().trim().min(1, "Name the author.").max(120).optional(),
  affiliation: z.string().trim().max(200).optional(),
  credit: z.string().trim().max(200).optional(),
  excerpt: z.string().trim().max(1000).optional(),
  categories: z.array(name).max(20).optional(),
  tags: z.array(name).max(50).optional(),
  commentsOpen: z.boolean().optional(),
  annotationsOpen: z.boolean().optional(),
  publishAt: future.nullable().optional(),
};

// Only these fields are read; anything else a client sends is ignored.
export const createArticleSchema = z.object({ ...fields, status: z.enum(["draft", "published"]).optional() });
export const updateArticleSchema = z.object({
  ...(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodType).optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  }),
  status: z.enum(["draft", "published"]).optional(),
  draft: z.boolean().optional(),
  baseRevision: z.number().int().min(0).optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

/** The board's decision on an article waiting for review (POST /api/articles/{slug}/review). */
export const reviewDecisionSchema = z.object({
  decision: z.enum(["approve", "changes"], "Decide “approve” or “changes”."),
  message: z.string().trim().max(5000, "Keep the message under 5,000 characters.").optional(),
  publishAt: future.nullable().optional(),
});
