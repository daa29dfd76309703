import type { Prisma } from "@/lib/generated/prisma/client";
import { renderArticle } from "./render-article";
import { slugify } from "./slugify";

type Tx = Prisma.TransactionClient;

export function excerptOf(firstBlock: string, words = 45) {
  const list = firstBlock.split(" ");
  return list.length > words ? `${list.slice(0, words).join(" ")}…` : firstBlock;
}

/** Connects categories/tags by name, creating unknown ones (slug from the name). */
export function taxonomy(names: string[] | undefined) {
  if (!names) return undefined;
  const unique = [...new Map(names.map((n) => [slugify(n), n.trim()])).entries()];
  return { set: [], connectOrCreate: unique.map(([slug, name]) => ({ where: { slug }, create: { slug, name } })) };
}

/** Writes a new revision row of `body` (block ids carried over from `previous`). */
export async function writeRevision(tx: Tx, args: { articleId: string; number: number; body: string; previous?: { text: string; blockIds: string[] } | null; createdById: string }) {
  const prevBlocks = args.previous ? args.previous.text.split("\n").map((text, i) => ({ id: args.previous!.blockIds[i], text })).filter((b) => b.id) : undefined;
  const rendered = renderArticle(args.body, prevBlocks);
  const revision = await tx.articleRevision.create({
    data: { articleId: args.articleId, number: args.number, body: args.body, html: rendered.html, text: rendered.text, blockIds: rendered.blocks.map((b) => b.id), wordCount: rendered.wordCount, createdById: args.createdById },
  });
  return { revision, rendered };
}
