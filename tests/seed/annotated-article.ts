// Test and bench support: publishes an article and stores notes on it straight through Prisma —
// the data a spec or a benchmark needs but does not test. Used by the annotation specs (through
// tests/seed/bin/annotated-article.ts, a child process) and scripts/bench/bench-annotations-browser.mjs.
import crypto from "node:crypto";
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { renderArticle } from "@/lib/articles/render-article";
import { invalidateArticlePages } from "@/lib/cache/invalidate-pages";
import { db } from "@/lib/db";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { longArticleBody, randomAnchors } from "@/tests/anchoring/support/long-article";

export type SeedNote = {
  /** The author's email (an existing account). */
  author: string;
  exact?: string;
  note: string;
  audience?: "public" | "private";
  tags?: string[];
  /** Index of an earlier note this one replies to. */
  parent?: number;
  /** Stored as orphaned: its passage is no longer in the text. */
  orphaned?: boolean;
  /** A note on the whole article (no passage; `exact` is ignored). */
  page?: boolean;
};
export type SeedRequest = {
  /** The article's Markdown; default a short five-block article, or with `long` ~15,600 words (longArticleBody). */
  body?: string;
  long?: boolean;
  notes?: SeedNote[];
  /** `count` public notes by `author` on random passages of 1–25 words (randomAnchors). */
  bulk?: { author: string; count: number };
};
export type SeedResult = { slug: string; ids: string[]; text: string };

const defaultBody = [
  "The first paragraph is about the freedom of the seas and the law of the sea.",
  "A second paragraph quotes Albania’s answer 🌊 and then the tidal obligations of coastal states, which matter here.",
  "## A heading in between",
  "The third paragraph is about cyber-attacks and the attribution problem that follows every one of them.",
  "The fourth paragraph closes with state responsibility under international law.",
].join("\n\n");

async function createArticle(body: string) {
  const slug = `annotated-${Date.now()}-${crypto.randomBytes(4).toString("hex")}`;
  const source = `---\ntitle: "An annotated article"\nslug: ${slug}\nauthor: "E2E Author"\npublished: "2020-01-15"\n---\n\n${body}\n`;
  return (await importArticleSource(source)).slug;
}

/** A fresh published article (dated 2020-01-15) and its notes, approved, a few minutes old. */
export async function seedAnnotatedArticle(request: SeedRequest = {}): Promise<SeedResult> {
  const body = request.body ?? (request.long ? longArticleBody() : defaultBody);
  const slug = await createArticle(body);
  const article = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, currentRevisionId: true, currentRevision: { select: { text: true, blockIds: true } } },
  });
  const text = article.currentRevision!.text;
  // The stored revision's block ids (a new render of the body would draw new ones): notes name
  // the blocks of the page they are on, as the server's own anchoring does.
  const texts = text.split("\n");
  const blocks = article.currentRevision!.blockIds.map((id, i) => ({ id, text: texts[i] ?? "" }));
  const emails = [
    ...new Set(
      [...(request.notes ?? []).map((n) => n.author), ...(request.bulk ? [request.bulk.author] : [])].map((e) =>
        e.toLowerCase(),
      ),
    ),
  ];
  const users = new Map(
    (await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [
      u.email.toLowerCase(),
      u.id,
    ]),
  );
  // A few minutes old: older than anything a spec posts live, still inside the edit window.
  const start = Date.now() - 5 * 60_000;
  const ids: string[] = [];
  const threadOf: string[] = [];
  const rows = (request.notes ?? []).map((n, i) => {
    const authorId = users.get(n.author.toLowerCase());
    if (!authorId) throw new Error(`no user ${n.author}`);
    const id = `e2e${crypto.randomBytes(10).toString("hex")}`;
    const parentId = n.parent === undefined ? null : ids[n.parent];
    ids.push(id);
    threadOf.push(n.parent === undefined ? id : threadOf[n.parent]);
    const base = {
      id,
      articleId: article.id,
      authorId,
      parentId,
      threadId: threadOf[i],
      audience: n.audience ?? "public",
      body: n.note,
      html: renderSafeMarkdown(n.note),
      tags: n.tags ?? [],
      status: "approved" as const,
      createdAt: new Date(start + i * 1_000),
    };
    if (parentId) return { ...base, motivation: "replying" as const };
    if (n.page) return { ...base, motivation: "commenting" as const };
    const exact = n.exact ?? "";
    if (n.orphaned)
      return {
        ...base,
        motivation: "commenting" as const,
        exact,
        prefix: "",
        suffix: "",
        state: "orphaned" as const,
        originalExact: exact,
        anchorRevisionId: article.currentRevisionId,
      };
    const at = text.indexOf(exact);
    if (!exact || at === -1) throw new Error(`"${exact}" is not in the text`);
    const cp = (utf16: number) => Array.from(text.slice(0, utf16)).length;
    const anchor = describeAnchor(text, cp(at), cp(at + exact.length), blocks);
    return {
      ...base,
      motivation: "commenting" as const,
      exact: anchor.quote.exact,
      prefix: anchor.quote.prefix,
      suffix: anchor.quote.suffix,
      start: anchor.position.start,
      end: anchor.position.end,
      blockId: anchor.blockId ?? null,
      anchorRevisionId: article.currentRevisionId,
      state: "anchored" as const,
      originalExact: exact,
    };
  });
  if (request.bulk) {
    const authorId = users.get(request.bulk.author.toLowerCase());
    if (!authorId) throw new Error(`no user ${request.bulk.author}`);
    for (const anchor of randomAnchors({ ...renderArticle(body), blocks }, request.bulk.count)) {
      const id = `e2e${crypto.randomBytes(10).toString("hex")}`;
      const note = `Bulk note ${rows.length + 1}.`;
      rows.push({
        id,
        articleId: article.id,
        authorId,
        parentId: null,
        threadId: id,
        audience: "public",
        body: note,
        html: renderSafeMarkdown(note),
        tags: [],
        status: "approved",
        createdAt: new Date(start + rows.length),
        motivation: "commenting",
        exact: anchor.quote.exact,
        prefix: anchor.quote.prefix,
        suffix: anchor.quote.suffix,
        start: anchor.position.start,
        end: anchor.position.end,
        blockId: anchor.blockId ?? null,
        anchorRevisionId: article.currentRevisionId,
        state: "anchored",
        originalExact: anchor.quote.exact,
      });
    }
  }
  if (rows.length) await db.annotation.createMany({ data: rows });
  await invalidateArticlePages(slug);
  return { slug, ids, text };
}
