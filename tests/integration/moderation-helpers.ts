import crypto from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { defaultSettings, setSetting, type Settings } from "@/lib/settings/get-settings";
import { createTestUser } from "./helpers";

// Shared by the moderation*.test.ts files: articles, contributions and settings, set up through
// the domain functions (so the rules run) or straight through Prisma where a test needs a state.

export const unique = (label: string) => `${label}-${crypto.randomBytes(5).toString("hex")}`;

const articleText = ["The first paragraph names the river and the bridge.", "A second paragraph has a passage worth quoting here."];

/** A published article with one current revision (two paragraphs), inserted through Prisma. */
export async function insertArticle(options: { publishedAt?: Date } = {}) {
  const slug = unique("moderation");
  const article = await db.article.create({
    data: {
      slug, title: `Title of ${slug}`, authorName: "Test Author", status: "published", publishedAt: options.publishedAt ?? new Date("2001-01-01T00:00:00Z"),
      revisions: { create: { number: 1, body: articleText.join("\n\n"), html: articleText.map((t, i) => `<p data-block-id="b00000${i + 1}">${t}</p>`).join(""), text: articleText.join("\n"), blockIds: ["b000001", "b000002"], wordCount: 19 } },
    },
    select: { id: true, revisions: { select: { id: true } } },
  });
  await db.article.update({ where: { id: article.id }, data: { currentRevisionId: article.revisions[0].id } });
  return { id: article.id, slug };
}

/** Posts a comment through the domain function after moving the clock past the flood interval. */
export async function post(viewer: Viewer | null, slug: string, body: string, parentId?: string) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  return (await createComment(viewer, slug, { body, parentId })).comment;
}

/** Posts a public margin note on "passage worth quoting" (or a private one). */
export async function annotate(viewer: Viewer | null, slug: string, note: string, audience: "public" | "private" = "public") {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  const { annotation } = await createAnnotation(viewer, slug, {
    motivation: "commenting", bodyValue: note, audience,
    target: { source: `http://localhost/articles/${slug}`, selector: { type: "TextQuoteSelector", exact: "passage worth quoting" } },
  });
  return annotation;
}

/** Runs `fn` with settings changed, then puts each setting back as it was (tests share one database). */
export async function withSettings<T>(values: Partial<Settings>, fn: () => Promise<T>): Promise<T> {
  const keys = Object.keys(values) as (keyof Settings)[];
  const before = await db.setting.findMany({ where: { key: { in: keys } } });
  try {
    for (const k of keys) await setSetting(k, values[k] as Settings[typeof k]);
    return await fn();
  } finally {
    for (const k of keys) {
      const old = before.find((b) => b.key === k);
      if (old) await db.setting.update({ where: { key: k }, data: { value: old.value as object } });
      else await db.setting.deleteMany({ where: { key: k } });
    }
  }
}

/** A board member or reader (trusted unless asked otherwise). */
export async function member(role: Role = "commenter", options: { trusted?: boolean; name?: string } = {}) {
  return (await createTestUser({ role, label: role, trusted: options.trusted, name: options.name })).viewer;
}

/**
 * A reader in good standing, whose reports count towards hiding (finding 5): trusted (an approved
 * contribution) and with an account older than a day.
 */
export async function established(role: Role = "commenter") {
  const viewer = await member(role, { trusted: true });
  await db.user.update({ where: { id: viewer.id }, data: { createdAt: new Date(clock.now().getTime() - 2 * 86_400_000) } });
  return viewer;
}

/** A comment stored straight in a given state (for actions that do not care how it got there). */
export async function storedComment(articleId: string, authorId: string, status: "pending" | "approved" | "spam" | "trash" | "deleted" = "pending", holdReasons: string[] = []) {
  const id = crypto.randomBytes(12).toString("hex");
  await db.comment.create({ data: { id, articleId, threadId: id, authorId, body: `Stored ${id}`, html: `<p>Stored ${id}</p>`, status, holdReasons, createdAt: clock.now() } });
  return id;
}

/** The audit entries about one target, oldest first. */
export const auditOf = (targetId: string) => db.auditEntry.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
