#!/usr/bin/env node
// The editorial desk's speed budget (issue 16): a contributor's draft save of a 15,000-word article
// that carries 500 review notes re-anchors every note on the new draft text — < 300 ms. Measures the
// re-anchoring itself (lib/reviews/reanchor-review-notes, as the save runs it, in a transaction),
// and prints the whole draft save (rendering the Markdown and writing the revision included) beside
// it. Runs on a throw-away database of the test PostgreSQL, through the real domain functions.
//
//   npx tsx scripts/bench/bench-desk.mjs [--runs 5] [--no-fail]
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { anchoredRows, benchAccount, benchDatabase, cpuMs, median, msSince as ms, pointDomainAt } from "./bench-db.mjs";
// The domain modules are marked `server-only`: plain Node resolves it to nothing (imported below, after this hook).
import "../lib/outside-next.mjs";

const { values: opts } = parseArgs({
  options: { runs: { type: "string", default: "5" }, "no-fail": { type: "boolean", default: false } },
});
const runs = Math.max(1, Number(opts.runs) || 5);
const budgetMs = 300;
const NOTES = 500;

const { dbName, url, cleanup, onCleanup } = await benchDatabase("desk");
pointDomainAt(url);

const { db, closeDb } = await import("../../lib/db.ts");
onCleanup(closeDb);
const { createUser } = await import("../../lib/users/create-user.ts");
const { createArticle } = await import("../../lib/articles/create-article.ts");
const { updateArticle } = await import("../../lib/articles/update-article.ts");
const { renderArticle } = await import("../../lib/articles/render-article.ts");
const { blocksOf } = await import("../../lib/articles/save-article.ts");
const { reanchorReviewNotes } = await import("../../lib/reviews/reanchor-review-notes.ts");
const { longArticleBody, randomAnchors } = await import("../../tests/anchoring/support/long-article.ts");

/** A draft rewrite: a new opening paragraph, and in one paragraph of 20 a word changed and a sentence added. */
function revise(body, run) {
  const paragraphs = body
    .split("\n\n")
    .map((p, i) =>
      i % 20 !== (3 + run) % 20 || p.startsWith("#")
        ? p
        : `${p.replace(" the ", " this ")} The author added this sentence in draft ${run + 2}.`,
    );
  return [`An opening the author wrote for draft ${run + 2}.`, ...paragraphs].join("\n\n");
}

try {
  const suffix = crypto.randomBytes(4).toString("hex");
  const account = (role) => benchAccount(createUser, role, suffix);
  const author = await account("contributor");
  const editor = await account("editor");
  const body = longArticleBody();
  const { slug } = await createArticle(author, {
    title: "A long draft under review",
    slug: `bench-desk-${suffix}`,
    body,
  });
  const article = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, draftRevision: { select: { id: true, text: true, blockIds: true, wordCount: true } } },
  });
  const draft = article.draftRevision;
  await db.reviewNote.createMany({
    data: anchoredRows(randomAnchors({ text: draft.text, blocks: blocksOf(draft) }, NOTES), {
      articleId: article.id,
      authorId: editor.id,
      revisionId: draft.id,
      label: "Review note",
    }),
  });
  console.log(
    `Desk benchmark: ${draft.wordCount.toLocaleString("en")}-word draft, ${NOTES} review notes, ${runs} runs (database ${dbName})\n`,
  );

  // One untimed re-anchoring first (rolled back): a server answering authors is warm.
  {
    const from = draft,
      to = renderArticle(revise(body, 99), blocksOf(draft));
    await db
      .$transaction(
        async (tx) => {
          await reanchorReviewNotes(tx, {
            articleId: article.id,
            fromText: from.text,
            toText: to.text,
            toRevisionId: null,
            toBlocks: to.blocks,
          });
          throw Object.assign(new Error("rollback"), { rollback: true });
        },
        { timeout: 60_000 },
      )
      .catch((e) => {
        if (!e.rollback) throw e;
      });
  }
  const reanchorTimes = [],
    saveTimes = [];
  let current = body;
  for (let run = 0; run < runs; run++) {
    const next = revise(body, run);
    // The re-anchoring step alone, on the texts this save goes between (rolled back: the save below does it for real).
    const from = (
      await db.article.findUniqueOrThrow({
        where: { slug },
        select: { draftRevision: { select: { text: true, blockIds: true } } },
      })
    ).draftRevision;
    const to = renderArticle(next, blocksOf(from));
    let t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    let impact;
    await db
      .$transaction(
        async (tx) => {
          impact = await reanchorReviewNotes(tx, {
            articleId: article.id,
            fromText: from.text,
            toText: to.text,
            toRevisionId: null,
            toBlocks: to.blocks,
          });
          throw Object.assign(new Error("rollback"), { rollback: true });
        },
        { timeout: 60_000 },
      )
      .catch((e) => {
        if (!e.rollback) throw e;
      });
    reanchorTimes.push(ms(t0));
    const reanchorCpu = cpuMs(process.cpuUsage(c0));
    t0 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    await updateArticle(author, slug, { body: next });
    saveTimes.push(ms(t0));
    const saveCpu = cpuMs(process.cpuUsage(c1));
    current = next;
    console.log(
      `  run ${run + 1}: re-anchor ${reanchorTimes[run].toFixed(0).padStart(5)} ms (Node CPU ${reanchorCpu.toFixed(0)} ms)   whole draft save ${saveTimes[run].toFixed(0).padStart(5)} ms (Node CPU ${saveCpu.toFixed(0)} ms)   notes: ${impact.kept} kept, ${impact.moved} moved, ${impact.orphaned} orphaned`,
    );
  }
  const state = await db.reviewNote.groupBy({ by: ["state"], where: { articleId: article.id }, _count: true });
  console.log(
    `\n  after ${runs} saves: ${state.map((s) => `${s._count} ${s.state}`).join(", ")}; draft ${current.length.toLocaleString("en")} characters`,
  );
  const value = median(reanchorTimes);
  console.log(
    `  re-anchoring ${NOTES} review notes on a draft save (median)   ${value.toFixed(0).padStart(6)} ms   budget < ${budgetMs} ms   ${value < budgetMs ? "ok" : "OVER BUDGET"}`,
  );
  console.log(
    `  whole draft save (median, no budget)                        ${median(saveTimes).toFixed(0).padStart(6)} ms`,
  );
  await cleanup();
  process.exit(value >= budgetMs && !opts["no-fail"] ? 1 : 0);
} catch (e) {
  console.error(e);
  await cleanup();
  process.exit(1);
}
