import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { AppError, validationError } from "@/lib/errors";
import { requireAltText } from "@/lib/media/require-alt-text";
import { Prisma } from "@/lib/generated/prisma/client";
import { requireRole, type Viewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { publication } from "@/lib/site";
import { createArticleSchema } from "@/lib/validation/article";
import { excerptOf, taxonomy, writeRevision } from "./save-article";
import { slugify } from "./slugify";

// An editor creates an article: a draft (its body is the draft revision), published now, or
// scheduled (`publishAt` in the future: it appears then, with no request needed).
export async function createArticle(viewer: Viewer | null, raw: unknown) {
  const me = requireRole(viewer, "editor");
  const parsed = createArticleSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const now = clock.now();
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  if (publishAt && publishAt <= now) throw new AppError("bad_request", "The schedule date must be in the future.", { publishAt: "Choose a time in the future." });
  const slug = input.slug ?? slugify(input.title);
  const publishing = input.status === "published" || !!publishAt;
  if (publishing) requireAltText(input.body);
  try {
    const article = await db.$transaction(async (tx) => {
      const taken = await tx.slugRedirect.findUnique({ where: { oldSlug: slug } });
      if (taken) throw new AppError("conflict", `The address “${slug}” is taken (an article used it before).`, { slug: "Already taken." });
      const created = await tx.article.create({
        data: {
          slug, title: input.title, authorName: input.author ?? me.name, affiliation: input.affiliation ?? "", credit: input.credit ?? "",
          publication: publication.name, excerpt: input.excerpt ?? "", status: publishAt ? "scheduled" : publishing ? "published" : "draft",
          publishedAt: publishing ? (publishAt ?? now) : null, publishAt, commentsOpen: input.commentsOpen ?? true, annotationsOpen: input.annotationsOpen ?? true,
          categories: taxonomy(input.categories), tags: taxonomy(input.tags),
        },
      });
      const { revision, rendered } = await writeRevision(tx, { articleId: created.id, number: 1, body: input.body, createdById: me.id });
      return tx.article.update({
        where: { id: created.id },
        data: {
          ...(publishing ? { currentRevisionId: revision.id, searchText: rendered.text } : { draftRevisionId: revision.id }),
          ...(input.excerpt ? {} : { excerpt: excerptOf(rendered.blocks[0]?.text ?? "") }),
        },
        select: { id: true, slug: true, status: true, publishedAt: true, publishAt: true },
      });
    });
    if (publishing) await invalidateReaderPages();
    return article;
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("conflict", `Another article already uses the address “${slug}”.`, { slug: "Already taken." });
    throw e;
  }
}
