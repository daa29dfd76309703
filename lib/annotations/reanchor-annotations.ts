import { reanchor } from "@/lib/anchoring/reanchor";
import { storedAnchorInput, storedAnchorRow } from "@/lib/anchoring/stored-anchor-input";
import type { AnchorBlock } from "@/lib/anchoring/types";
import { clock } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "annotation" | "annotationRevision" | "$executeRaw">;

/**
 * `orphaned` lists public notes only: a private note is its author's alone, so the editor sees it
 * only as a number (`privateOrphaned`), never its quote or id. `kept` and `moved` count both.
 */
export type AnnotationImpact = {
  kept: number;
  moved: number;
  orphaned: { id: string; quote: string }[];
  privateOrphaned: number;
};

/**
 * Moves every anchored note of an article from one revision's text to the next (the server's side
 * of re-anchoring): a diff maps what the edit left alone, the quote and its context find the rest,
 * and a note that cannot be placed with confidence is orphaned — never deleted, never misplaced.
 * With `dryRun` nothing is written: the studio shows the impact before publishing.
 */
export async function reanchorAnnotations(
  tx: Tx,
  args: {
    articleId: string;
    fromText: string;
    toText: string;
    toRevisionId: string | null;
    toBlocks: AnchorBlock[];
    dryRun?: boolean;
  },
): Promise<AnnotationImpact> {
  const notes = await tx.annotation.findMany({
    where: { articleId: args.articleId, parentId: null, exact: { not: null } },
    select: {
      id: true,
      exact: true,
      prefix: true,
      suffix: true,
      start: true,
      end: true,
      blockId: true,
      anchorRevisionId: true,
      state: true,
      originalExact: true,
      status: true,
      audience: true,
    },
    orderBy: { id: "asc" },
  });
  if (!notes.length) return { kept: 0, moved: 0, orphaned: [], privateOrphaned: 0 };
  const result = reanchor(args.fromText, args.toText, notes.map(storedAnchorInput), { newBlocks: args.toBlocks });

  const impact: AnnotationImpact = { kept: 0, moved: 0, orphaned: [], privateOrphaned: 0 };
  // Notes removed by their author or by moderation move too, but are no one's concern: not counted.
  const counts = (n: (typeof notes)[number]) => n.status === "approved" || n.status === "pending";
  const rows = notes.map((n, i) => {
    const r = result.anchors[i];
    if (r.state === "orphaned") {
      if (counts(n)) {
        if (n.audience !== "public") impact.privateOrphaned++;
        else impact.orphaned.push({ id: n.id, quote: n.originalExact ?? n.exact! });
      }
      return storedAnchorRow(n, r);
    }
    if (counts(n)) {
      if (r.change === "kept" && n.state === "anchored") impact.kept++;
      else impact.moved++;
    }
    return storedAnchorRow(n, r);
  });
  if (args.dryRun) return impact;

  // A note followed to its passage's new wording keeps its old selectors in its history, as a
  // re-attach does. One whose passage only shifted needs none, nor an orphaned one: it keeps its
  // selectors (only its state changes).
  const changed = notes.filter((n, i) => rows[i].state === "anchored" && rows[i].exact !== n.exact);
  if (changed.length) {
    const now = clock.now();
    // Their text and tags only (not all notes'): the history row records the note as it was.
    const texts = new Map(
      (
        await tx.annotation.findMany({
          where: { id: { in: changed.map((n) => n.id) } },
          select: { id: true, body: true, tags: true },
        })
      ).map((n) => [n.id, n]),
    );
    await tx.annotationRevision.createMany({
      data: changed.map((n) => ({
        annotationId: n.id,
        body: texts.get(n.id)?.body ?? "",
        tags: texts.get(n.id)?.tags ?? [],
        editedById: null,
        createdAt: now,
        anchor: {
          exact: n.exact,
          prefix: n.prefix,
          suffix: n.suffix,
          start: n.start,
          end: n.end,
          blockId: n.blockId,
          anchorRevisionId: n.anchorRevisionId,
          state: n.state,
          originalExact: n.originalExact,
          reason: "revision",
        },
      })),
    });
  }

  // Only the notes whose anchor changed are written (at 10,000 notes most only shift, and many
  // not even that): a note whose selectors, position, block and state are all the same describes
  // the new revision as exactly as the old one, so it keeps its anchorRevisionId (the revision
  // its selectors were last described on) and its version (an edit in flight is not refused).
  const same = (n: (typeof notes)[number], r: (typeof rows)[number]) =>
    n.state === r.state &&
    n.exact === r.exact &&
    (n.prefix ?? "") === r.prefix &&
    (n.suffix ?? "") === r.suffix &&
    n.start === r.start &&
    n.end === r.end &&
    n.blockId === r.blockId;
  // Most of them only shifted: their selectors are as stored, so only their position, block and
  // state are sent (no text: ~5,000 quotes and contexts less per publish at 10,000 notes); the
  // others are sent whole. One statement each
  // (UPDATE … FROM unnest(…)).
  const reworded = (r: (typeof rows)[number], i: number) =>
    notes[i].exact !== r.exact || (notes[i].prefix ?? "") !== r.prefix || (notes[i].suffix ?? "") !== r.suffix;
  const whole = rows.filter((r, i) => !same(notes[i], r) && reworded(r, i));
  const shifted = rows.filter((r, i) => !same(notes[i], r) && !reworded(r, i));
  if (shifted.length)
    await tx.$executeRaw`
    UPDATE "Annotation" AS a SET
      "state" = v.state::"AnchorState", "start" = v.start, "end" = v."end", "blockId" = v.block_id,
      "anchorRevisionId" = ${args.toRevisionId}, "version" = a."version" + 1
    FROM (SELECT * FROM unnest(${shifted.map((r) => r.id)}::text[], ${shifted.map((r) => r.state)}::text[],
      ${shifted.map((r) => r.start)}::int[], ${shifted.map((r) => r.end)}::int[], ${shifted.map((r) => r.blockId)}::text[])
      AS t(id, state, start, "end", block_id)) AS v
    WHERE a."id" = v.id`;
  if (whole.length)
    await tx.$executeRaw`
    UPDATE "Annotation" AS a SET
      "state" = v.state::"AnchorState", "exact" = v.exact, "prefix" = v.prefix, "suffix" = v.suffix,
      "start" = v.start, "end" = v."end", "blockId" = v.block_id, "anchorRevisionId" = ${args.toRevisionId}, "version" = a."version" + 1
    FROM (SELECT * FROM unnest(${whole.map((r) => r.id)}::text[], ${whole.map((r) => r.state)}::text[], ${whole.map((r) => r.exact)}::text[],
      ${whole.map((r) => r.prefix)}::text[], ${whole.map((r) => r.suffix)}::text[], ${whole.map((r) => r.start)}::int[], ${whole.map((r) => r.end)}::int[],
      ${whole.map((r) => r.blockId)}::text[]) AS t(id, state, exact, prefix, suffix, start, "end", block_id)) AS v
    WHERE a."id" = v.id`;
  return impact;
}
