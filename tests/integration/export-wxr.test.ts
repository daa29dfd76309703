import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { deleteComment } from "@/lib/comments/delete-comment";
import { db } from "@/lib/db";
import { exportWxr } from "@/lib/export/export-wxr";
import { validateWxr } from "@/lib/import/validate-wxr";
import { seedBody } from "../seed/articles";
import { post } from "../seed/comments";
import { uniqueSlug } from "../seed/unique";
import { member } from "../seed/users";

// `gloss export:wxr`: every article, author, category, tag and approved comment (threaded) as a
// WordPress export. The round trip: export → `gloss import:wxr` into an empty Gloss → the same
// articles and comment threads.

const sourceUrl = process.env.DATABASE_URL!;
const targetName = `wxr_${crypto.randomBytes(5).toString("hex")}`;
const targetUrl = sourceUrl.replace(/\/[^/?]*(\?|$)/, `/${targetName}$1`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-wxr-"));
const file = path.join(dir, "export.xml");

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

// A WordPress export carries times to the second.
const toSecond = (d: Date | null) => (d ? new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString() : null);

/** An article as a reader sees it, with its visible comment threads as nested bodies. */
async function readable(url: string, slug: string) {
  return withClient(url, async (c) => {
    const a = (
      await c.query(
        `SELECT a.id, a.title, a.status, a."authorName", a."publishedAt", r.text,
        (SELECT array_agg(x.name ORDER BY x.name) FROM "Category" x JOIN "_ArticleToCategory" j ON j."B" = x.id WHERE j."A" = a.id) AS categories,
        (SELECT array_agg(x.name ORDER BY x.name) FROM "Tag" x JOIN "_ArticleToTag" j ON j."B" = x.id WHERE j."A" = a.id) AS tags
      FROM "Article" a LEFT JOIN "ArticleRevision" r ON r.id = coalesce(a."currentRevisionId", a."draftRevisionId") WHERE a.slug = $1`,
        [slug],
      )
    ).rows[0];
    if (!a) return null;
    const comments = (
      await c.query(
        `SELECT id, "parentId", body, coalesce("authorName", (SELECT name FROM "User" u WHERE u.id = "authorId")) AS author, "createdAt"
      FROM "Comment" WHERE "articleId" = $1 AND status = 'approved' ORDER BY "createdAt", id`,
        [a.id],
      )
    ).rows;
    const approved = new Set(comments.map((x) => x.id));
    const parentOf = new Map<string, string | null>(
      (await c.query(`SELECT id, "parentId" FROM "Comment" WHERE "articleId" = $1`, [a.id])).rows.map((x) => [
        x.id,
        x.parentId,
      ]),
    );
    const visibleParent = (id: string) => {
      let p = parentOf.get(id) ?? null;
      while (p && !approved.has(p)) p = parentOf.get(p) ?? null;
      return p;
    };
    const tree = (parent: string | null): unknown[] =>
      comments
        .filter((x) => visibleParent(x.id) === parent)
        .map((x) => ({ body: x.body, author: x.author, at: toSecond(x.createdAt), replies: tree(x.id) }));
    return {
      title: a.title,
      status: a.status,
      author: a.authorName,
      publishedAt: toSecond(a.publishedAt),
      text: a.text,
      categories: a.categories,
      tags: a.tags,
      comments: tree(null),
    };
  });
}

const slugs: string[] = [];

beforeAll(async () => {
  const editor = await member("editor");
  const reader = await member("commenter", { name: "Rea Der" });
  const other = await member("commenter", { name: "Oth Er" });
  const newcomer = await member("commenter", { trusted: false });
  const published = uniqueSlug("wxr");
  await createArticle(editor, {
    title: "Exported & <imported> again",
    slug: published,
    body: seedBody,
    status: "published",
    categories: ["Cyber Law"],
    tags: ["Albania", "Iran"],
  });
  const draft = uniqueSlug("wxr-draft");
  await createArticle(editor, {
    title: "A draft travels too",
    slug: draft,
    body: "A short draft with *emphasis* and a [link](https://example.org/).",
    status: "draft",
  });
  slugs.push(published, draft);

  const top = await post(
    reader,
    published,
    "The first thread, with **bold** text and a ]]> that must not end the CDATA.",
  );
  const reply = await post(other, published, "A reply.", top.id);
  await post(reader, published, "A reply to the reply.", reply.id);
  await post(other, published, "A second thread.");
  await post(newcomer, published, "Held: not exported.");
  // A removed comment with a reply: the reply hangs from the removed one's parent.
  const removed = await post(other, published, "Removed later.", top.id);
  await post(reader, published, "Below a removed comment.", removed.id);
  await deleteComment(other, removed.id);

  const out = fs.createWriteStream(file);
  await exportWxr(out);
  await new Promise((r) => out.end(r));
  await withClient(sourceUrl, (c) => c.query(`CREATE DATABASE ${targetName}`));
}, 120_000);

afterAll(async () => {
  await withClient(sourceUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`));
  fs.rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("export:wxr", () => {
  it("writes a WXR 1.2 file that the WordPress importer's reader accepts, with threaded approved comments", async () => {
    const xml = fs.readFileSync(file, "utf8");
    const channel = await validateWxr(file);
    expect(channel.version).toBe("1.2");
    expect(xml).toMatch(/<rss version="2.0"[^>]*xmlns:wp="http:\/\/wordpress.org\/export\/1.2\/"/);
    expect(xml).toContain("<title>Exported &amp;amp; &amp;lt;imported&amp;gt; again</title>"); // HTML, as WordPress stores titles
    expect(xml).toContain("]]]]><![CDATA[>");
    expect(xml).not.toContain("Held: not exported.");
    expect(xml).toContain(`<wp:category_nicename><![CDATA[cyber-law]]></wp:category_nicename>`);
    expect(xml).toMatch(/<wp:tag_slug><!\[CDATA\[albania\]\]><\/wp:tag_slug>/);
    expect(xml).toMatch(/<wp:comment_parent>[1-9]\d*<\/wp:comment_parent>/);
    // every comment_parent names a comment in the same file, or 0
    const ids = new Set([...xml.matchAll(/<wp:comment_id>(\d+)<\/wp:comment_id>/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/<wp:comment_parent>(\d+)<\/wp:comment_parent>/g))
      expect(m[1] === "0" || ids.has(m[1])).toBe(true);
    expect(ids.size).toBe((xml.match(/<wp:comment>/g) ?? []).length);
  });

  it("imports into an empty Gloss as the same articles and comment threads", { timeout: 240_000 }, async () => {
    const r = spawnSync(process.execPath, [path.join("scripts", "run.mjs"), "gloss", "--", "import:wxr", file], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: targetUrl },
      encoding: "utf8",
      timeout: 200_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Failed: 0\./);
    for (const slug of slugs) {
      const before = await readable(sourceUrl, slug);
      expect(before).not.toBeNull();
      expect(await readable(targetUrl, slug)).toEqual(before);
    }
    const source = await readable(sourceUrl, slugs[0]);
    expect(source!.comments).toHaveLength(2);
  });

  it("is the command line's export:wxr, to stdout without --out", { timeout: 120_000 }, async () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", "cli.ts"), "export:wxr"], {
      cwd: process.cwd(),
      env: process.env,
      encoding: "utf8",
      timeout: 100_000,
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`<?xml version="1.0" encoding="UTF-8" ?>`)).toBe(true);
    expect(r.stdout.trimEnd().endsWith("</rss>")).toBe(true);
    const out = path.join(dir, "cli.xml");
    const w = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "cli.ts"), "export:wxr", "--out", out],
      { cwd: process.cwd(), env: process.env, encoding: "utf8", timeout: 100_000 },
    );
    expect(w.status).toBe(0);
    expect(w.stdout.trim()).toMatch(
      /^Exported \d+ articles, \d+ approved comments, \d+ authors, \d+ categories and \d+ tags to .*cli\.xml\.$/,
    );
    expect(fs.readFileSync(out, "utf8")).toContain("<wp:wxr_version>1.2</wp:wxr_version>");
  });
});
