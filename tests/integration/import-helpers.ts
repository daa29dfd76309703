import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { db } from "@/lib/db";

// Shared by the import*.test.ts files: the hand-written exports in tests/fixtures/wxr, copied per
// test under a site address no other test uses (import keys are per site, so tests never meet).
export const fixtureDir = path.resolve(process.cwd(), "tests/fixtures/wxr");
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-import-test-"));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

export const fixture = (name: string) => fs.readFileSync(path.join(fixtureDir, name), "utf8");

/** Writes `text` to a temp file and returns its path. */
export function exportFile(text: string): string {
  const file = path.join(tempDir, `${crypto.randomBytes(6).toString("hex")}.xml`);
  fs.writeFileSync(file, text);
  return file;
}

/** The 1.2 fixture under a new site address; `edit` changes the text before it is written. */
export function blogExport(edit: (text: string) => string = (t) => t) {
  const site = `https://blog-${crypto.randomBytes(5).toString("hex")}.example.com`;
  const text = fixture("blog-1.2.xml").replaceAll("https://oldlaw.example.com", site);
  return { site, file: exportFile(edit(text)), text };
}

/** Rows in the tables an import writes. */
export async function rowCounts() {
  const [articles, revisions, comments, categories, tags] = await Promise.all([
    db.article.count(),
    db.articleRevision.count(),
    db.comment.count(),
    db.category.count(),
    db.tag.count(),
  ]);
  return { articles, revisions, comments, categories, tags };
}

export async function commentsOf(site: string) {
  const rows = await db.comment.findMany({
    where: { importKey: { startsWith: `${site}#` } },
    select: {
      id: true,
      importKey: true,
      parentId: true,
      threadId: true,
      depth: true,
      authorId: true,
      authorName: true,
      body: true,
      html: true,
      status: true,
      createdAt: true,
      articleId: true,
    },
  });
  return new Map(rows.map((r) => [r.importKey!.slice(site.length + "#comment-".length), r]));
}

export async function articleOf(site: string, postId: number) {
  return db.article.findUniqueOrThrow({
    where: { importKey: `${site}#post-${postId}` },
    include: {
      currentRevision: true,
      draftRevision: true,
      categories: { select: { slug: true, name: true }, orderBy: { slug: "asc" } },
      tags: { select: { slug: true, name: true }, orderBy: { slug: "asc" } },
    },
  });
}
