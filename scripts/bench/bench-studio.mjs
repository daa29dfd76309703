#!/usr/bin/env node
// The studio's speed budget (issue #6): publishing a revision of a 15,000-word article that carries
// 1,000 annotations — revision written and every note re-anchored, in one transaction — in < 2 s,
// and its dry run (the annotation impact the editor sees first) in < 1 s; then (issue 20) the same
// publish with 10,000 notes on the article in < 2 s. Runs on a throw-away
// database of the test PostgreSQL, through the real domain function (updateArticle).
//
//   npx tsx scripts/bench/bench-studio.mjs [--runs 3] [--no-fail]
//
// Prints each run and the medians; exits 1 when a median is over its budget (unless --no-fail).
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { anchoredRows, benchAccount, benchDatabase, cpuMs, median, msSince as ms, pointDomainAt } from "./bench-db.mjs";

const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "3" }, "no-fail": { type: "boolean", default: false } },
});
const runs = Math.max(1, Number(opts.runs) || 3);
const budgets = { publishMs: 2000, dryRunMs: 1000, publishLargeMs: 2000 };
const NOTES = 1000;
// Issue 20: the same publish with 10,000 notes on the article, < 2 s.
const NOTES_LARGE = 10_000;
// The figures before issue 20, printed beside this run's: 1,000 notes from the README's last
// full run; 10,000 notes measured with this script on the code before issue 20 (cab8e69), on the
// same machine under a load average of about 20 on 2 cores (9.8 s; unloaded it would be far less).
// The 10,000-note figure is now the run before issue 20's speed work (110965a) on a quiet machine
// (load < 1): 1,040 ms, Node CPU 0.94–1.15 s, of which re-anchoring ~0.7 s.
const PREVIOUS = { dryRun: 148, publish: 223, publishLarge: 1040 };

// ---- a throw-away database, dropped however the script ends ----
const { dbName, url, cleanup, onCleanup } = await benchDatabase("studio");
pointDomainAt(url);

// The domain modules read DATABASE_URL on first use: import them only now.
const { db, closeDb } = await import("../../lib/db.ts");
onCleanup(closeDb);
const { createUser } = await import("../../lib/users/create-user.ts");
const { createArticle } = await import("../../lib/articles/create-article.ts");
const { updateArticle } = await import("../../lib/articles/update-article.ts");
const { longArticleBody, randomAnchors, seededRandom } = await import("../../tests/anchoring/support/long-article.ts");
const { reanchor } = await import("../../lib/anchoring/reanchor.ts");
const { storedAnchorInput } = await import("../../lib/anchoring/stored-anchor-input.ts");

/** A revision an editor might publish: a new opening paragraph, and in one paragraph of 20 a word changed and a sentence added. */
function revise(body, run) {
  const paragraphs = body
    .split("\n\n")
    .map((p, i) =>
      i % 20 !== (3 + run) % 20 || p.startsWith("#")
        ? p
        : `${p.replace(" the ", " this ")} An editor added this sentence in revision ${run + 2}.`,
    );
  return [`An introduction the editors wrote for revision ${run + 2}.`, ...paragraphs].join("\n\n");
}

try {
  const suffix = crypto.randomBytes(4).toString("hex");
  const account = (role) => benchAccount(createUser, role, suffix);
  const editor = await account("editor");
  const readerUser = await account("commenter");

  const body = longArticleBody();
  const { slug } = await createArticle(editor, {
    title: "A long article for the studio benchmark",
    slug: `bench-studio-${suffix}`,
    body,
    status: "published",
  });
  const article = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, currentRevision: { select: { id: true, text: true, blockIds: true, wordCount: true } } },
  });
  const revision = article.currentRevision;
  const blocks = revision.text.split("\n").map((text, i) => ({ id: revision.blockIds[i], text }));
  // 1,000 notes on random passages (1–25 words), stored as the annotation API stores them.
  const storeNotes = (anchors, revisionId, first) =>
    db.annotation.createMany({
      data: anchoredRows(anchors, { articleId: article.id, authorId: readerUser.id, revisionId, label: "Note", first }),
    });
  await storeNotes(randomAnchors({ text: revision.text, blocks }, NOTES), revision.id, 0);
  console.log(
    `Studio benchmark: ${revision.wordCount.toLocaleString("en")}-word article, ${NOTES.toLocaleString("en")} notes, ${runs} runs (database ${dbName})\n`,
  );

  // One untimed dry run first: a server answering editors is warm.
  await updateArticle(editor, slug, { body: revise(body, 0) }, { dryRun: true });

  const times = { dryRun: [], publish: [] };
  for (let run = 0; run < runs; run++) {
    const next = revise(body, run);
    let t0 = process.hrtime.bigint();
    const preview = await updateArticle(editor, slug, { body: next }, { dryRun: true });
    times.dryRun.push(ms(t0));
    t0 = process.hrtime.bigint();
    const published = await updateArticle(editor, slug, { body: next });
    times.publish.push(ms(t0));
    const { kept, moved, orphaned } = published.impact;
    const same = JSON.stringify(preview.impact) === JSON.stringify(published.impact);
    console.log(
      `  run ${run + 1}: dry run ${times.dryRun[run].toFixed(0).padStart(5)} ms   publish revision ${published.revision} ${times.publish[run].toFixed(0).padStart(5)} ms   notes: ${kept} kept, ${moved} moved, ${orphaned.length} orphaned${same ? "" : "   (dry run predicted differently!)"}`,
    );
  }

  // 10,000 notes: 9,000 more on the current revision, then the same publishes.
  const current = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { currentRevision: { select: { id: true, text: true, blockIds: true, number: true } } },
  });
  const currentBlocks = current.currentRevision.text
    .split("\n")
    .map((text, i) => ({ id: current.currentRevision.blockIds[i], text }));
  await storeNotes(
    randomAnchors({ text: current.currentRevision.text, blocks: currentBlocks }, NOTES_LARGE - NOTES, seededRandom(7)),
    current.currentRevision.id,
    NOTES,
  );
  const anchoredNotes = await db.annotation.count({ where: { article: { slug }, state: "anchored" } });
  console.log(`\n  ${NOTES_LARGE.toLocaleString("en")} notes (${anchoredNotes.toLocaleString("en")} anchored):`);
  times.publishLarge = [];
  // The notes and text as the publish finds them, to time its re-anchoring alone afterwards.
  const notesNow = () =>
    db.annotation.findMany({
      where: { article: { slug }, parentId: null, exact: { not: null } },
      select: { exact: true, prefix: true, suffix: true, start: true, end: true, blockId: true, state: true },
      orderBy: { id: "asc" },
    });
  const revisionNow = async () => {
    const { currentRevision } = await db.article.findUniqueOrThrow({
      where: { slug },
      select: { currentRevision: { select: { text: true, blockIds: true } } },
    });
    return {
      text: currentRevision.text,
      blocks: currentRevision.text.split("\n").map((text, i) => ({ id: currentRevision.blockIds[i], text })),
    };
  };
  times.reanchorCpu = [];
  for (let run = 0; run < runs; run++) {
    const next = revise(body, runs + run);
    const [notesBefore, before] = [await notesNow(), await revisionNow()];
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const published = await updateArticle(editor, slug, { body: next });
    times.publishLarge.push(ms(t0));
    // This process's CPU time (re-anchoring and the queries' client side; PostgreSQL's not
    // included): on a busy machine the wall time is mostly waiting for a core.
    const cpu = process.cpuUsage(cpu0);
    // The re-anchoring of that publish alone (the pure computation, reanchor()), again.
    const after = await revisionNow();
    const cpu1 = process.cpuUsage();
    reanchor(before.text, after.text, notesBefore.map(storedAnchorInput), { newBlocks: after.blocks });
    times.reanchorCpu.push(cpuMs(process.cpuUsage(cpu1)));
    const { kept, moved, orphaned } = published.impact;
    console.log(
      `  run ${run + 1}: publish revision ${published.revision} ${times.publishLarge[run].toFixed(0).padStart(5)} ms (Node CPU ${cpuMs(cpu).toFixed(0)} ms, of which re-anchoring ~${times.reanchorCpu[run].toFixed(0)} ms)   notes: ${kept} kept, ${moved} moved, ${orphaned.length} orphaned`,
    );
  }

  const rows = [
    ["dry run (annotation impact)", median(times.dryRun), budgets.dryRunMs, PREVIOUS.dryRun],
    ["publish a revision (re-anchoring included)", median(times.publish), budgets.publishMs, PREVIOUS.publish],
    [
      `publish with ${NOTES_LARGE.toLocaleString("en")} notes`,
      median(times.publishLarge),
      budgets.publishLargeMs,
      PREVIOUS.publishLarge,
    ],
  ];
  console.log("\n  median of " + runs + " runs");
  for (const [name, value, budget, previous] of rows)
    console.log(
      `  ${name.padEnd(44)} ${value.toFixed(0).padStart(6)} ms   (previous ${previous} ms)   budget < ${budget} ms   ${value < budget ? "ok" : "OVER BUDGET"}`,
    );
  const over = rows.some(([, value, budget]) => value >= budget);
  await cleanup();
  process.exit(over && !opts["no-fail"] ? 1 : 0);
} catch (e) {
  console.error(e);
  await cleanup();
  process.exit(1);
}
