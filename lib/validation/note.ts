import { z } from "zod";
import { AnnotationAudience } from "@/lib/generated/prisma/enums";
import { tagSchema } from "./annotation";

const audiences = Object.values(AnnotationAudience) as [string, ...string[]];
// A filter value goes into a query: no control characters or lone surrogates (PostgreSQL refuses them).
const plain = <S extends z.ZodString>(s: S) => s.refine((v) => !/[\p{Cc}\p{Cs}]/u.test(v), "No control characters.");
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const x = one(v);
  return typeof x === "string" && x.trim() === "" ? undefined : x;
};

/**
 * The filters of `/notes` and `GET /api/me/notes` (query strings: empty values mean "any").
 * `visibility` takes any audience a note may have (public, private, and whatever the schema adds,
 * e.g. group); `group` narrows to one group's notes once groups exist.
 */
export const myNotesQuerySchema = z.object({
  article: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,120}$/, "Not an article address.")
      .optional(),
  ),
  tag: z.preprocess(blankToUndefined, plain(tagSchema).optional()),
  visibility: z.preprocess(
    blankToUndefined,
    z.enum(audiences, { error: `Visibility is one of: ${audiences.join(", ")}.` }).optional(),
  ),
  group: z.preprocess(blankToUndefined, plain(z.string().min(1).max(64)).optional()),
  q: z.preprocess(blankToUndefined, z.string().max(1000, "Use at most 1,000 characters.").optional()),
  replies: z.preprocess(
    blankToUndefined,
    z.enum(["include", "exclude", "only"], { error: "Replies is include, exclude or only." }).default("include"),
  ),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(one, z.coerce.number().int().min(1).max(100).default(50)),
});
export type MyNotesQuery = z.infer<typeof myNotesQuerySchema>;

export const noteExportFormatSchema = z.preprocess(
  one,
  z.enum(["jsonld", "md", "csv"], { error: "Format is jsonld, md or csv." }).default("jsonld"),
);

/** Notes search (/search's Notes tab): text plus optional tag, author and article narrowing. */
export const noteSearchFiltersSchema = z.object({
  tag: z.preprocess(blankToUndefined, plain(tagSchema).optional()),
  author: z.preprocess(blankToUndefined, plain(z.string().min(1).max(64)).optional()),
  article: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,120}$/, "Not an article address.")
      .optional(),
  ),
});
export type NoteSearchFilters = z.infer<typeof noteSearchFiltersSchema>;
