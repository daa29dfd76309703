#!/usr/bin/env node
// Anchoring measurements for `npm run bench`: the revisions corpus (../shared/corpora/revisions,
// 434 quotes) scored for Gloss — reanchor (diff, then quote) and resolveAnchor alone — and for
// the Hypothesis baseline; the score distribution behind the thresholds; and the time to resolve
// 1,000 anchors on a 15,000-word article in Node. Exits 1 if Gloss misplaces any quote.
//
// Scoring (the corpus README): `near` is the text where the quote must land in the new text (it
// occurs there exactly once). An `anchored` quote must be placed exactly on it; an `orphaned` one
// nowhere; an edited (`anchored_or_orphaned`) one nowhere or overlapping `near` by at least half
// of the shorter range. Anything else is misplaced.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));
const load = (file) => tsImport(pathToUrl(path.join(root, file)), import.meta.url);
const pathToUrl = (file) => new URL(`file://${file}`).href;

const { loadCorpus, defaultCorpusDir } = await load("tests/anchoring/corpus/load-corpus.ts");
const { scoreCorpus, glossReanchor, glossResolve, hypothesisBaseline } = await load(
  "tests/anchoring/corpus/score-corpus.ts",
);
const { scoreDistribution, summarize } = await load("tests/anchoring/corpus/score-distribution.ts");
const thresholds = await load("lib/anchoring/thresholds.ts");
const { createResolver } = await load("lib/anchoring/resolve-anchor.ts");
const { reanchor } = await load("lib/anchoring/reanchor.ts");
const { hypothesisMatchQuote } = await load("tests/anchoring/hypothesis-match-quote.ts");
const { renderArticle } = await load("lib/articles/render-article.ts");
const { longArticleBody, randomAnchors, reviseLongArticle, seededRandom } = await load(
  "tests/anchoring/support/long-article.ts",
);
const { generateRewordings, scoreRewordings } = await load("tests/anchoring/support/score-rewordings.ts");
const { seed } = await load("tests/anchoring/support/seed-article.ts");

// Figures of the previous run, printed beside this run's: the last session's (3f1db79). Before
// issue 20 (cab8e69) they were 14 of 17, 1,382 of 1,600 (86.4%) and 196 traps placed. The
// generator's reworded-twice traps changed since (a word inserted next to itself is no rewording;
// seed 2026 drew none of those, so its cases are the same).
const PREVIOUS = { editedPlaced: 15, editedTotal: 17, rewordingsFollowed: "1,526 of 1,600 (95.4%)", trapsMisplaced: 0 };

const corpusDir = process.env.GLOSS_CORPUS_DIR ?? defaultCorpusDir(root);
const pairs = loadCorpus(corpusDir);
const quoteCount = pairs.reduce((sum, pair) => sum + pair.quotes.length, 0);
console.log(`Anchoring corpus: ${pairs.length} revision pairs, ${quoteCount} quotes (${corpusDir})\n`);

// Engines run twice; the second (warm) run is timed, as a server would be warm.
const engines = [
  ["Gloss reanchor (diff + quote)", glossReanchor],
  ["Gloss resolveAnchor alone", glossResolve],
  ["Hypothesis matchQuote baseline", hypothesisBaseline],
];
const columns = [
  "misplaced",
  "wrongly orphaned",
  "kept",
  "moved",
  "orphaned (right)",
  "edited: placed",
  "edited: orphaned",
  "ms",
];
const rows = engines.map(([name, engine]) => {
  scoreCorpus(pairs, engine);
  const score = scoreCorpus(pairs, engine);
  return { name, score };
});
printTable(
  ["engine", ...columns],
  rows.map(({ name, score }) => [
    name,
    score.misplaced,
    score["wrongly-orphaned"],
    score.kept,
    score.moved,
    score.orphaned,
    score["edited-placed"],
    score["edited-orphaned"],
    score.milliseconds.toFixed(0),
  ]),
);
for (const { name, score } of rows) {
  for (const miss of score.misplacements) {
    console.log(
      `  ${name} misplaced ${miss.file} ${miss.id} (must ${miss.must}): at ${JSON.stringify(miss.placed)}, near ${JSON.stringify(miss.near)}`,
    );
  }
}

console.log("\nCandidate scores on the corpus (every exact occurrence and approximate region of every quote):");
const distribution = scoreDistribution(pairs, thresholds.MIN_SCORE);
console.log(`  right place           ${summarize(distribution.right)}`);
console.log(`  wrong place           ${summarize(distribution.wrong)}`);
console.log(`  margin of right best  ${summarize(distribution.margins)}`);
console.log(`  quote similarity, approximate right  ${summarize(distribution.rightFuzzySimilarity)}`);
console.log(`  quote similarity, approximate wrong  ${summarize(distribution.wrongFuzzySimilarity)}`);
console.log(`  context similarity next to wrong     ${summarize(distribution.wrongContextSimilarity)}`);
console.log(`  right places scoring < 0.7: ${distribution.closeCalls.join("; ")}`);
const names = [
  "MIN_SCORE",
  "MIN_MARGIN",
  "QUOTE_FLOOR",
  "CONTEXT_FLOOR",
  "ALIGNED_BONUS",
  "DISTINCT_LENGTH",
  "UNKNOWN_DISTINCT_LENGTH",
];
console.log(
  `  thresholds (lib/anchoring/thresholds.ts): ${names.map((name) => `${name} ${thresholds[name]}`).join(", ")}`,
);

// 1,000 anchors on a 15,000-word article.
const body = longArticleBody();
const article = renderArticle(body);
const anchors = randomAnchors(article, 1000);
const shifted = reviseLongArticle(body, article, null);
const revision = reviseLongArticle(body, article);
console.log(
  `\n1,000 anchors on a ${article.wordCount.toLocaleString("en")}-word article (${article.text.length.toLocaleString("en")} characters), Node ${process.version}:`,
);
const timings = [
  ["describe 1,000 anchors (context until unique)", () => randomAnchors(article, 1000)],
  ["Gloss resolve, same revision (positions hold)", () => createResolver(article.text).resolveAll(anchors)],
  ["Gloss resolve, a paragraph added first (all shifted)", () => createResolver(shifted.text).resolveAll(anchors)],
  ["Gloss resolve, shifted and 5% of paragraphs edited", () => createResolver(revision.text).resolveAll(anchors)],
  [
    "Gloss reanchor to that revision (diff, then quote)",
    () => reanchor(article.text, revision.text, anchors, { newBlocks: revision.blocks }),
  ],
  ["Hypothesis, a paragraph added first (all shifted)", () => hypothesisAnchorAll(shifted.text, anchors)],
  ["Hypothesis, shifted and 5% of paragraphs edited", () => hypothesisAnchorAll(revision.text, anchors)],
];
for (const [label, run] of timings) {
  const { median, result } = time(run);
  const states = Array.isArray(result) ? summarizeStates(result) : result.summary ? JSON.stringify(result.summary) : "";
  console.log(`  ${label.padEnd(54)} ${median.toFixed(1).padStart(7)} ms  ${states}`);
}

// Edited passages (issue 20): the corpus's anchored_or_orphaned quotes, and generated rewordings.
const reanchorScore = rows[0].score;
const editedTotal = reanchorScore["edited-placed"] + reanchorScore["edited-orphaned"];
const editedPass =
  reanchorScore["edited-placed"] >= 16 && reanchorScore.misplaced === 0 && reanchorScore["wrongly-orphaned"] === 0;
console.log(
  `\nEdited passages followed (corpus): ${reanchorScore["edited-placed"]} of ${editedTotal} (previous ${PREVIOUS.editedPlaced} of ${PREVIOUS.editedTotal}), misplaced ${reanchorScore.misplaced}, wrongly orphaned ${reanchorScore["wrongly-orphaned"]} — budget ≥ 16, 0, 0: ${editedPass ? "pass" : "FAIL"}`,
);

const rewordingStarted = performance.now();
const rewordings = generateRewordings(seed.text, seededRandom(2026), 200);
const rewordingScore = scoreRewordings(rewordings);
const rewordingSeconds = (performance.now() - rewordingStarted) / 1000;
console.log(
  `\nGenerated rewordings of the seed article (${rewordings.length.toLocaleString("en")} cases, seed 2026, ${rewordingSeconds.toFixed(1)} s):`,
);
printTable(
  ["kind", "cases", "followed", "orphaned", "misplaced"],
  [...rewordingScore.byKind].map(([kind, tally]) => [
    kind,
    tally.cases,
    tally.followed,
    tally.orphaned,
    tally.misplaced,
  ]),
);
const { followable, traps } = rewordingScore;
const followedShare = followable.followed / followable.cases;
const rewordingPass = followable.misplaced === 0 && traps.misplaced === 0 && followedShare >= 0.95;
console.log(
  `Followable: ${followable.followed} of ${followable.cases} followed (${(100 * followedShare).toFixed(1)}%; previous ${PREVIOUS.rewordingsFollowed}), misplaced ${followable.misplaced}; traps: ${traps.orphaned} of ${traps.cases} orphaned, misplaced ${traps.misplaced} (previous ${PREVIOUS.trapsMisplaced}) — budget 0 misplaced, ≥ 95% followed: ${rewordingPass ? "pass" : "FAIL"}`,
);
for (const miss of rewordingScore.misplacements)
  console.log(`  misplaced ${miss.kind}: ${JSON.stringify(miss.oldText.slice(miss.from, miss.to))}`);

const glossMisplaced = rows
  .filter(({ name }) => name.startsWith("Gloss"))
  .reduce((sum, { score }) => sum + score.misplaced, 0);
if (glossMisplaced > 0) {
  console.error(`\nFAIL: Gloss misplaced ${glossMisplaced} quote(s); it must place correctly or orphan.`);
  process.exit(1);
}
console.log("\nGloss misplaced 0 quotes.");
if (!editedPass || !rewordingPass) {
  console.error("FAIL: an edited-passage budget was missed (see above).");
  process.exit(1);
}

// Hypothesis per annotation: its position when the text there is the quote, else matchQuote
// with 32 characters of context (no astral characters here: offsets are the same).
function hypothesisAnchorAll(text, stored) {
  return stored.map(({ quote, position }) => {
    if (text.slice(position.start, position.end) === quote.exact) return { state: "anchored", method: "position" };
    const selector = { exact: quote.exact, prefix: quote.prefix.slice(-32), suffix: quote.suffix.slice(0, 32) };
    const match = hypothesisMatchQuote(text, selector, position.start);
    return match ? { state: "anchored", method: "quote" } : { state: "orphaned", reason: "not-found" };
  });
}

function time(run, runs = 7) {
  run();
  const samples = [];
  let result;
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    result = run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], result };
}

function summarizeStates(results) {
  if (!results[0] || !("state" in results[0])) return "";
  const counts = {};
  for (const result of results) {
    const key = result.state === "anchored" ? result.method : `orphaned:${result.reason}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return JSON.stringify(counts);
}

function printTable(header, body) {
  const widths = header.map((cell, column) =>
    Math.max(String(cell).length, ...body.map((row) => String(row[column]).length)),
  );
  const line = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of body) console.log(line(row));
}
