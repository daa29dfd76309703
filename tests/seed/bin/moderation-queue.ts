// Child process for the moderation specs (run by e2e/fixtures/run-seed.ts): a
// fresh published article and contributions already in a given state — held comments and notes
// with their reasons — stored straight through Prisma, for what a spec needs but does not test.
// Published long ago, so these articles never push the seed article off the home page.
// Usage: tsx tests/seed/bin/moderation-queue.ts '<json QueueSeedRequest>' → prints a JSON {slug, ids} line.
import crypto from "node:crypto";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { closeDb, db } from "@/lib/db";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";

// `parent`: index of an earlier comment this one replies to; `reports`: open reports on it.
type Item = {
  author: string;
  body: string;
  type?: "comment" | "annotation";
  status?: "pending" | "approved" | "spam" | "trash";
  reasons?: string[];
  parent?: number;
  reports?: { by: string; reason: "spam" | "harassment" | "off_topic" | "other"; note?: string }[];
};
const request = JSON.parse(process.argv[2] ?? "{}") as { items?: Item[] };
const quote = "second paragraph";

try {
  const slug = `moderation-${Date.now()}-${crypto.randomBytes(4).toString("hex")}`;
  const source = `---\ntitle: "A moderated discussion ${slug.slice(-8)}"\nslug: ${slug}\nauthor: "E2E Author"\npublished: "2019-03-01"\n---\n\nA short article for a moderation test.\n\nIts second paragraph is worth a note.\n`;
  await importArticleSource(source);
  const article = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, currentRevision: { select: { id: true, text: true, blockIds: true } } },
  });
  const rev = article.currentRevision!;
  const start = rev.text.indexOf(quote);
  const emails = [
    ...new Set(
      (request.items ?? [])
        .flatMap((i) => [i.author, ...(i.reports ?? []).map((r) => r.by)])
        .map((e) => e.toLowerCase()),
    ),
  ];
  const users = new Map(
    (await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [
      u.email,
      u.id,
    ]),
  );
  const t0 = Date.now() - 10 * 60_000;
  const ids: string[] = [];
  for (const [n, item] of (request.items ?? []).entries()) {
    const authorId = users.get(item.author.toLowerCase());
    if (!authorId) throw new Error(`no user ${item.author}`);
    const id = `e2e${crypto.randomBytes(10).toString("hex")}`;
    const parentId = item.parent === undefined ? null : ids[item.parent];
    const common = {
      id,
      articleId: article.id,
      threadId: parentId ?? id,
      authorId,
      body: item.body,
      html: renderSafeMarkdown(item.body),
      status: item.status ?? "pending",
      holdReasons: item.reasons ?? ["first_comment"],
      createdAt: new Date(t0 + n * 1_000),
    };
    if (item.type === "annotation") {
      await db.annotation.create({
        data: {
          ...common,
          motivation: "commenting",
          audience: "public",
          exact: quote,
          prefix: "Its ",
          suffix: " is worth",
          start,
          end: start + quote.length,
          blockId: rev.blockIds[1],
          anchorRevisionId: rev.id,
          originalExact: quote,
        },
      });
    } else {
      await db.comment.create({ data: { ...common, ...(parentId ? { parentId, depth: 1 } : {}) } });
    }
    for (const r of item.reports ?? []) {
      const reporterId = users.get(r.by.toLowerCase());
      if (!reporterId) throw new Error(`no user ${r.by}`);
      await db.report.create({
        data: {
          reporterId,
          reason: r.reason,
          note: r.note ?? null,
          ...(item.type === "annotation" ? { annotationId: id } : { commentId: id }),
        },
      });
    }
    ids.push(id);
  }
  await invalidateArticlePages(slug);
  console.log(JSON.stringify({ slug, ids }));
} finally {
  await closeDb();
}
