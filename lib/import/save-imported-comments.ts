import crypto from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlannedComment } from "./plan-comments";

type Tx = Prisma.TransactionClient;
export type CommentCounts = { created: number; updated: number; unchanged: number; kept: number };
type Placed = { id: string; threadId: string; depth: number };

/**
 * Writes a post's comments inside the post's transaction: new ones in one statement (parents
 * first, so every reply knows its parent's id), changed ones one by one.
 *
 * Gloss edits win, field by field. A comment's text is the import's until someone edits or
 * deletes it in Gloss (`editedAt`, `deletedAt`); its status is the import's until a moderator acts
 * on it (every moderation action is in the append-only audit log) or its author deletes it. The
 * name and date are WordPress's alone and always follow the export. An imported comment's id is
 * derived from its import key, so one a moderator deleted for good (its id is in the audit log,
 * `destroyed`) is not brought back.
 */
export async function saveImportedComments(
  tx: Tx,
  articleId: string,
  planned: PlannedComment[],
  destroyed: ReadonlySet<string>,
): Promise<CommentCounts> {
  const counts: CommentCounts = { created: 0, updated: 0, unchanged: 0, kept: 0 };
  if (!planned.length) return counts;
  const existing = await tx.comment.findMany({
    where: { importKey: { in: planned.map((p) => p.importKey) } },
    select: {
      id: true,
      importKey: true,
      articleId: true,
      threadId: true,
      depth: true,
      authorName: true,
      body: true,
      status: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
    },
  });
  const byKey = new Map(existing.map((c) => [c.importKey!, c]));
  const moderated = await moderatedIds(
    tx,
    planned.flatMap((p) => {
      const c = byKey.get(p.importKey);
      return c && c.status !== p.status ? [c.id] : [];
    }),
  );

  const placed = new Map<string, Placed>();
  const rows: NewComment[] = [];
  for (const plan of planned) {
    const current = byKey.get(plan.importKey);
    if (current) {
      if (current.articleId === articleId) placed.set(plan.wpId, current);
      const data: Prisma.CommentUpdateInput = {};
      let refused = false;
      if (current.authorName !== plan.authorName) data.authorName = plan.authorName;
      if (current.createdAt.getTime() !== plan.createdAt.getTime()) data.createdAt = plan.createdAt;
      const isDeleted = current.status === "deleted" || current.deletedAt !== null;
      if (current.body !== plan.body) {
        if (isDeleted || current.editedAt) refused = true;
        else Object.assign(data, { body: plan.body, html: plan.html });
      }
      if (current.status !== plan.status) {
        if (isDeleted || moderated.has(current.id)) refused = true;
        else data.status = plan.status;
      }
      if (Object.keys(data).length) {
        await tx.comment.update({ where: { id: current.id }, data, select: { id: true } });
        counts.updated++;
      } else counts[refused ? "kept" : "unchanged"]++;
      continue;
    }
    if (!plan.createIfMissing) continue;
    const id = importedCommentId(plan.importKey);
    if (destroyed.has(id)) {
      counts.kept++;
      continue;
    }
    const parent = plan.parentWpId ? placed.get(plan.parentWpId) : undefined;
    placed.set(plan.wpId, { id, threadId: parent?.threadId ?? id, depth: parent ? parent.depth + 1 : 0 });
    rows.push({
      id,
      parentId: parent?.id ?? null,
      threadId: parent?.threadId ?? id,
      depth: parent ? parent.depth + 1 : 0,
      plan,
    });
  }
  if (rows.length) counts.created = await insertComments(tx, articleId, rows);
  return counts;
}

/** The id of an imported comment: the same for the same WordPress comment, in every import. */
export function importedCommentId(importKey: string): string {
  return `w${crypto.createHash("sha256").update(importKey).digest("hex").slice(0, 23)}`;
}

type NewComment = { id: string; parentId: string | null; threadId: string; depth: number; plan: PlannedComment };

const utc = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

// One statement for all of a post's new comments, whatever their number (parents are in the same
// statement as their replies: PostgreSQL checks the parent key at the end of the statement).
async function insertComments(tx: Tx, articleId: string, rows: NewComment[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "Comment" ("id", "articleId", "parentId", "threadId", "depth", "authorId", "authorName", "body", "html", "status", "holdReasons", "createdAt", "importKey")
    SELECT t.id, ${articleId}, t.parent_id, t.thread_id, t.depth, NULL, t.author_name, t.body, t.html, t.status::"ContributionStatus", '{}'::text[], t.created_at, t.import_key
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.parentId)}::text[], ${rows.map((r) => r.threadId)}::text[], ${rows.map((r) => r.depth)}::int[],
      ${rows.map((r) => r.plan.authorName)}::text[], ${rows.map((r) => r.plan.body)}::text[], ${rows.map((r) => r.plan.html)}::text[], ${rows.map((r) => r.plan.status)}::text[],
      ${rows.map((r) => utc(r.plan.createdAt))}::timestamp(3)[], ${rows.map((r) => r.plan.importKey)}::text[])
      AS t(id, parent_id, thread_id, depth, author_name, body, html, status, created_at, import_key)`;
}

/** The comments among `ids` that a moderator (or the report threshold) has acted on. */
async function moderatedIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const entries = await tx.auditEntry.findMany({
    where: { targetType: "comment", targetId: { in: ids } },
    select: { targetId: true },
    distinct: ["targetId"],
  });
  return new Set(entries.map((e) => e.targetId!));
}
