import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { defaultSettings } from "@/lib/settings/get-settings";

export type LiveKind = "comment" | "annotation";
export type LiveAction = "created" | "updated" | "removed";
/** One public change to an article's discussion (ids only: a client fetches what it may see). */
export type LiveChange = {
  articleId: string;
  kind: LiveKind;
  action: LiveAction;
  itemId: string;
  groupId?: string | null;
};

/**
 * Where a new reply hangs, as the page nests it (lib/comments/bound-thread.ts): the ids of the
 * comments it is drawn under, nearest first, up to its thread's top-level comment (null for a
 * top-level comment). Below the page's last level replies are listed flat under the comment of the
 * level above, so ancestors deeper than that level are left out. The page uses it to count a reply
 * that arrives in a branch it shows only in part in that branch's "N more replies" (issue 22),
 * instead of announcing it as a new comment out of context. Computed in SQL from the item id
 * (`item`: a column or parameter holding it), with the commentMaxDepth setting read in the same
 * statement (no extra round trip for a post).
 */
export function displayParentsSql(item: Prisma.Sql) {
  const maxDepth = Prisma.sql`coalesce((SELECT (s.value#>>'{}')::int FROM "Setting" s WHERE s.key = 'commentMaxDepth'), ${defaultSettings.commentMaxDepth})`;
  const flatUnder = Prisma.sql`greatest(greatest(${maxDepth}, 1) - 2, 0)`;
  return Prisma.sql`(WITH RECURSIVE up AS (
      SELECT p.id, p."parentId", p.depth, 1 AS n FROM "Comment" c JOIN "Comment" p ON p.id = c."parentId" WHERE c.id = ${item}
      UNION ALL
      SELECT p.id, p."parentId", p.depth, up.n + 1 FROM up JOIN "Comment" p ON p.id = up."parentId" WHERE up.n < 64
    ) SELECT json_agg(up.id ORDER BY up.n) FROM up WHERE up.depth <= ${flatUnder})`;
}

export const liveChannel = "gloss_live";
/** How long a reconnecting stream can replay what it missed (CONTRACT.md: 5 minutes). */
export const replayWindowMs = 5 * 60_000;
const pruneEveryMs = 60_000;
let lastPrune = 0;

type Runner = Pick<Prisma.TransactionClient, "$executeRaw">;

/**
 * Records the changes in the LiveEvent log and NOTIFYs `gloss_live` for each, in one statement.
 * Inside a transaction (`tx`), PostgreSQL delivers the notifications at commit and drops them on
 * rollback, and an error aborts the caller's transaction. Without one (right after a change that
 * is already stored) a failure is logged, never thrown: what the user wrote is kept and the
 * request still succeeds; the page shows the change on its next load.
 */
export async function emitLiveEvents(changes: LiveChange[], tx?: Runner) {
  if (!changes.length) return;
  const run = async (r: Runner) => {
    await r.$executeRaw`
      WITH e AS (
        INSERT INTO "LiveEvent" ("articleId", "kind", "action", "itemId", "groupId", "createdAt")
        SELECT *, now() AT TIME ZONE 'UTC' FROM unnest(${changes.map((c) => c.articleId)}::text[], ${changes.map((c) => c.kind)}::text[], ${changes.map((c) => c.action)}::text[], ${changes.map((c) => c.itemId)}::text[], ${changes.map((c) => c.groupId ?? null)}::text[])
        RETURNING "id", "articleId", "kind", "action", "itemId", "groupId"
      )
      SELECT pg_notify(${liveChannel}, json_build_object('n', "id"::text, 'a', "articleId", 'k', "kind", 'x', "action", 'i', "itemId", 'g', "groupId",
        'p', CASE WHEN e."kind" = 'comment' AND e."action" = 'created' THEN ${displayParentsSql(Prisma.sql`e."itemId"`)} END)::text) FROM e`;
  };
  if (tx) await run(tx);
  else await run(db).catch((e) => console.error("[live] could not emit", e instanceof Error ? e.message : e));
  prune();
}

/** Drops log rows older than twice the replay window, at most once a minute per process. */
function prune() {
  const now = Date.now();
  if (now - lastPrune < pruneEveryMs) return;
  lastPrune = now;
  const before = new Date(now - 2 * replayWindowMs);
  db.$executeRaw`DELETE FROM "LiveEvent" WHERE "createdAt" < ${before}`.catch((e) =>
    console.error("[live] prune failed", e instanceof Error ? e.message : e),
  );
}

/** The event of a group note (issue 19): only its group's members' streams carry it (lib/live/open-live-stream.ts). */
export function groupNoteChange(
  action: LiveAction,
  note: { articleId: string; id: string; groupId: string | null; status: string; audience: string },
): LiveChange[] {
  if (note.audience !== "group" || !note.groupId) return [];
  if (action !== "removed" && note.status !== "approved") return [];
  return [{ kind: "annotation", action, articleId: note.articleId, itemId: note.id, groupId: note.groupId }];
}

/** Whether a comment or note with this status (and audience) is visible to every reader. */
export const isPublic = (status: string, audience: string = "public") => status === "approved" && audience === "public";

/** The event for an item whose public visibility may have changed (none when it was and stays hidden). */
export function visibilityChange(
  kind: LiveKind,
  articleId: string,
  itemId: string,
  before: boolean,
  after: boolean,
): LiveChange[] {
  if (before === after) return before ? [{ kind, articleId, itemId, action: "updated" }] : [];
  return [{ kind, articleId, itemId, action: after ? "created" : "removed" }];
}
