import { clock } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderArticle } from "./render-article";
import { slugify } from "./slugify";

type Tx = Prisma.TransactionClient;
type StoredRevision = { id: string; body: string; text: string; blockIds: string[]; createdById: string | null };

export { excerptOf } from "./excerpt";

/** A stored revision's blocks (its text has one block per line, in the order of its block ids). */
export const blocksOf = (r: { text: string; blockIds: string[] }) =>
  r.text
    .split("\n")
    .map((text, i) => ({ id: r.blockIds[i], text }))
    .filter((b) => b.id);

/** Connects categories/tags by name, creating unknown ones (slug from the name); `replacing` drops the others. */
export function taxonomy(names: string[] | undefined, { replacing = false } = {}) {
  if (!names) return undefined;
  const unique = [...new Map(names.map((n) => [slugify(n), n.trim()])).entries()];
  const connectOrCreate = unique.map(([slug, name]) => ({ where: { slug }, create: { slug, name } }));
  return replacing ? { set: [], connectOrCreate } : { connectOrCreate };
}

/** Writes a new revision row of `body` (block ids carried over from `previous`). */
export async function writeRevision(
  tx: Tx,
  args: {
    articleId: string;
    number: number;
    body: string;
    previous?: { text: string; blockIds: string[] } | null;
    createdById: string;
  },
) {
  const rendered = renderArticle(args.body, args.previous ? blocksOf(args.previous) : undefined);
  const revision = await tx.articleRevision.create({
    data: {
      articleId: args.articleId,
      number: args.number,
      body: args.body,
      html: rendered.html,
      text: rendered.text,
      blockIds: rendered.blocks.map((b) => b.id),
      wordCount: rendered.wordCount,
      createdById: args.createdById,
    },
  });
  return { revision, rendered };
}

/**
 * Keeps `body` as the article's unpublished draft. An editor's own pending draft is rewritten in
 * place (autosave would otherwise leave a revision per pause in typing); its number still moves to
 * `number`, so anyone who opened the older draft gets the stale-edit 409. Someone else's draft stays
 * in the history and a new revision is written.
 */
export async function saveDraftRevision(
  tx: Tx,
  args: {
    articleId: string;
    number: number;
    body: string;
    current: StoredRevision | null;
    draft: StoredRevision | null;
    editorId: string;
  },
) {
  const previous = args.draft ?? args.current;
  if (!args.draft || args.draft.createdById !== args.editorId) {
    return (
      await writeRevision(tx, {
        articleId: args.articleId,
        number: args.number,
        body: args.body,
        previous,
        createdById: args.editorId,
      })
    ).revision;
  }
  const rendered = renderArticle(args.body, previous ? blocksOf(previous) : undefined);
  return tx.articleRevision.update({
    where: { id: args.draft.id },
    data: {
      number: args.number,
      body: args.body,
      html: rendered.html,
      text: rendered.text,
      blockIds: rendered.blocks.map((b) => b.id),
      wordCount: rendered.wordCount,
      createdAt: clock.now(),
    },
  });
}
