import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type LiveKind = "comment" | "annotation";
export type LiveAction = "created" | "updated" | "removed";
/** One public change to an article's discussion (ids only: a client fetches what it may see). */
export type LiveChange = { articleId: string; kind: LiveKind; action: LiveAction; itemId: string };

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
        INSERT INTO "LiveEvent" ("articleId", "kind", "action", "itemId", "createdAt")
        SELECT *, now() AT TIME ZONE 'UTC' FROM unnest(${changes.map((c) => c.articleId)}::text[], ${changes.map((c) => c.kind)}::text[], ${changes.map((c) => c.action)}::text[], ${changes.map((c) => c.itemId)}::text[])
        RETURNING "id", "articleId", "kind", "action", "itemId"
      )
      SELECT pg_notify(${liveChannel}, json_build_object('n', "id"::text, 'a', "articleId", 'k', "kind", 'x', "action", 'i', "itemId")::text) FROM e`;
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
  db.$executeRaw`DELETE FROM "LiveEvent" WHERE "createdAt" < ${before}`.catch((e) => console.error("[live] prune failed", e instanceof Error ? e.message : e));
}

/** Whether a comment or note with this status (and audience) is visible to every reader. */
export const isPublic = (status: string, audience: string = "public") => status === "approved" && audience === "public";

/** The event for an item whose public visibility may have changed (none when it was and stays hidden). */
export function visibilityChange(kind: LiveKind, articleId: string, itemId: string, before: boolean, after: boolean): LiveChange[] {
  if (before === after) return before ? [{ kind, articleId, itemId, action: "updated" }] : [];
  return [{ kind, articleId, itemId, action: after ? "created" : "removed" }];
}
