import matter from "gray-matter";
import { z } from "zod";

// YAML reads an unquoted `2022-10-05` as a Date and `title: 1984` as a number; take both as text.
const asText = (value: unknown) => (typeof value === "number" ? String(value) : value);
const asIsoDate = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;

const text = z.preprocess(asText, z.string().trim().min(1, "must not be empty"));
const optionalText = z.preprocess(asText, z.string().trim().min(1, "must not be empty").optional());

// Front matter of an article source file (see shared/content/seed-article.md).
export const articleMetaSchema = z.object({
  title: text,
  slug: z.preprocess(
    asText,
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens"),
  ),
  author: text,
  affiliation: optionalText,
  credit: optionalText,
  publication: optionalText,
  published: z.preprocess(asIsoDate, z.iso.date("must be an ISO date (YYYY-MM-DD)")),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export type ArticleSource = { meta: ArticleMeta; body: string };

// Only YAML front matter: gray-matter would otherwise eval `---js` blocks.
const refuseEngine = () => {
  throw new Error("only YAML front matter is accepted");
};
const matterOptions = { engines: { js: refuseEngine, javascript: refuseEngine, coffee: refuseEngine } };

/** Splits an article source file into validated front matter and its Markdown body. */
export function parseArticleSource(source: string): ArticleSource {
  let data: Record<string, unknown>;
  let content: string;
  try {
    ({ data, content } = matter(source, matterOptions));
  } catch (error) {
    throw new Error(`Article front matter could not be read: ${(error as Error).message}`, { cause: error });
  }

  const result = articleMetaSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue.path[0] ?? "front matter");
    throw new Error(
      data[field] === undefined || data[field] === null
        ? `Article front matter is missing the field "${field}"`
        : `Article front matter field "${field}" is invalid: ${issue.message}`,
    );
  }

  return { meta: result.data, body: content.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd() };
}
