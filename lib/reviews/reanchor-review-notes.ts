import { reanchor } from "@/lib/anchoring/reanchor";
import { storedAnchorInput, storedAnchorRow } from "@/lib/anchoring/stored-anchor-input";
import type { AnchorBlock } from "@/lib/anchoring/types";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "reviewNote" | "$executeRaw">;

export type ReviewImpact = { kept: number; moved: number; orphaned: number };

/**
 * Moves an article's review notes from the latest draft text to the newly saved one, with the same
 * anchoring core as readers' notes on publishing (lib/anchoring/reanchor): a passage that moved or
 * was reworded is followed, one that is gone (or cannot be placed with confidence) is orphaned —
 * never put on a wrong passage. An orphaned note keeps its quote; a later draft that brings the
 * passage back finds it again by quote. One UPDATE for all notes.
 */
export async function reanchorReviewNotes(
  tx: Tx,
  args: { articleId: string; fromText: string; toText: string; toRevisionId: string | null; toBlocks: AnchorBlock[] },
): Promise<ReviewImpact> {
  const notes = await tx.reviewNote.findMany({
    where: { articleId: args.articleId, parentId: null, exact: { not: null } },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, blockId: true, state: true },
    orderBy: { id: "asc" },
  });
  const impact: ReviewImpact = { kept: 0, moved: 0, orphaned: 0 };
  if (!notes.length || args.fromText === args.toText) return impact;
  const result = reanchor(args.fromText, args.toText, notes.map(storedAnchorInput), { newBlocks: args.toBlocks });
  const rows = notes.map((n, i) => {
    const r = result.anchors[i];
    if (r.state === "orphaned") {
      impact.orphaned++;
      return storedAnchorRow(n, r);
    }
    if (r.change === "kept" && n.state === "anchored") impact.kept++;
    else impact.moved++;
    return storedAnchorRow(n, r);
  });
  await tx.$executeRaw`
    UPDATE "ReviewNote" AS a SET
      "state" = v.state::"AnchorState", "exact" = v.exact, "prefix" = v.prefix, "suffix" = v.suffix,
      "start" = v.start, "end" = v."end", "blockId" = v.block_id, "anchorRevisionId" = ${args.toRevisionId}, "version" = a."version" + 1
    FROM (SELECT * FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.state)}::text[], ${rows.map((r) => r.exact)}::text[],
      ${rows.map((r) => r.prefix)}::text[], ${rows.map((r) => r.suffix)}::text[], ${rows.map((r) => r.start)}::int[], ${rows.map((r) => r.end)}::int[],
      ${rows.map((r) => r.blockId)}::text[]) AS t(id, state, exact, prefix, suffix, start, "end", block_id)) AS v
    WHERE a."id" = v.id`;
  return impact;
}
