import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { requireAltText } from "@/lib/media/require-alt-text";
import { publication } from "@/lib/site";
import { announceArticle } from "@/lib/subscribers/announce-article";
import { type CreateArticleInput, createArticleSchema } from "@/lib/validation/article";
import { parseInput } from "@/lib/validation/parse-input";
import { requireMayPublish } from "./article-access";
import { findFreeSlug } from "./find-free-slug";
import { excerptOf, taxonomy, writeRevision } from "./save-article";
import { slugify } from "./slugify";

// An editor (or a contributor: a draft only, CONTRACT.md "The editorial desk") creates an article: a draft (its body is the draft revision), published now, or
// scheduled (`publishAt` in the future: it appears then, with no request needed). A slug derived
// from the title (none given, or `slugFromTitle`: the studio shows the derived one) becomes the
// first free "-2", "-3"… when taken; a slug typed by hand is kept or refused (409).
export async function createArticle(viewer: Viewer | null, raw: unknown, { slugFromTitle = false } = {}) {
  const me = await requirePermission(viewer, "articles.create_draft");
  const input = parseInput(createArticleSchema, raw);
  requireMayPublish(me, input);
  const now = clock.now();
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  if (publishAt && publishAt <= now)
    throw new AppError("bad_request", "The schedule date must be in the future.", {
      publishAt: "Choose a time in the future.",
    });
  const wanted = input.slug ?? slugify(input.title);
  const derived = slugFromTitle || !input.slug;
  if (input.status === "published" || publishAt) requireAltText(input.body);
  for (let attempt = 1; ; attempt++) {
    try {
      const article = await insertArticle(me, input, { wanted, derived, publishAt, now });
      if (article.status !== "draft") await invalidateReaderPages();
      return article;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Another save took the free variant between our look and our insert: look again.
      if (derived && attempt < 3) continue;
      throw new AppError("conflict", `Another article already uses the address “${wanted}”.`, {
        slug: "Already taken.",
      });
    }
  }
}

type Where = { wanted: string; derived: boolean; publishAt: Date | null; now: Date };

function insertArticle(me: Viewer, input: CreateArticleInput, { wanted, derived, publishAt, now }: Where) {
  const publishing = input.status === "published" || !!publishAt;
  return db.$transaction(async (tx) => {
    const slug = derived ? await findFreeSlug(tx, wanted) : wanted;
    const taken = await tx.slugRedirect.findUnique({ where: { oldSlug: slug } });
    if (taken)
      throw new AppError("conflict", `The address “${slug}” is taken (an article used it before).`, {
        slug: "Already taken.",
      });
    const created = await tx.article.create({
      data: {
        slug,
        ownerId: me.id,
        title: input.title,
        authorName: input.author ?? me.name,
        affiliation: input.affiliation ?? "",
        credit: input.credit ?? "",
        publication: publication.name,
        excerpt: input.excerpt ?? "",
        status: publishAt ? "scheduled" : publishing ? "published" : "draft",
        publishedAt: publishing ? (publishAt ?? now) : null,
        publishAt,
        commentsOpen: input.commentsOpen ?? true,
        annotationsOpen: input.annotationsOpen ?? true,
        categories: taxonomy(input.categories),
        tags: taxonomy(input.tags),
      },
    });
    const { revision, rendered } = await writeRevision(tx, {
      articleId: created.id,
      number: 1,
      body: input.body,
      createdById: me.id,
    });
    // Published now (not scheduled): subscribers are mailed, by a job (lib/subscribers).
    if (publishing && !publishAt) await announceArticle(tx, created.id);
    return tx.article.update({
      where: { id: created.id },
      data: {
        ...(publishing
          ? { currentRevisionId: revision.id, searchText: rendered.text }
          : { draftRevisionId: revision.id }),
        ...(input.excerpt ? {} : { excerpt: excerptOf(rendered.blocks[0]?.text ?? "") }),
      },
      select: { id: true, slug: true, status: true, publishedAt: true, publishAt: true },
    });
  });
}
