import { db } from "@/lib/db";

/** Ids of comments a moderator deleted for good (the audit log keeps them): an import does not bring them back. */
export async function listDestroyedComments(): Promise<Set<string>> {
  const entries = await db.auditEntry.findMany({
    where: { targetType: "comment", action: "delete_permanently" },
    select: { targetId: true },
  });
  return new Set(entries.flatMap((e) => (e.targetId ? [e.targetId] : [])));
}
