#!/usr/bin/env node
// Search speed for `npm run bench`: 10,000 published articles (plus drafts and 30,000 comments)
// of generated text are written into a throw-away database on the test PostgreSQL, then 50 varied
// queries, 5 rounds, go through the /search page's own function (searchSite: articles and
// comments, ranked, with highlighted snippets). Prints median / p95 / max server time; exits 1
// when the median is over the 50 ms budget. `--articles N` / `--comments N` change the corpus,
// `--keep` keeps the database, `--reuse NAME` measures a kept one again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { root } from "../lib/project.mjs";
import {
  arg,
  benchDatabase,
  busyNote,
  fmtStats,
  loadTs as load,
  median as medianOf,
  pgClients,
  pointDomainAt,
  stats,
  timeRounds,
} from "./bench-db.mjs";

const articleCount = Number(arg("--articles", 10_000));
const commentCount = Number(arg("--comments", 30_000));
const budgetMs = 50;
const rounds = 5;

// A vocabulary with a long tail: the seed article's words, the field's terms, and made-up words
// (frequent words first: the sampling favours the head of the list).
function vocabulary() {
  const seed = fs.readFileSync(path.join(root, "..", "shared", "content", "seed-article.text.txt"), "utf8");
  const seedWords = seed.toLowerCase().match(/[a-z][a-z’'-]*[a-z]/g) ?? [];
  const field = `sovereignty jurisdiction treaty convention tribunal arbitration sanctions humanitarian refugee asylum
    extradition immunity genocide tribunal maritime boundary continental shelf territorial waters investment dispute
    settlement countermeasures attribution cyber espionage ransomware infrastructure election interference diplomacy
    embassy consulate recognition statehood self-determination occupation annexation ceasefire peacekeeping mandate
    charter resolution veto assembly council court judgment advisory opinion precedent customary norm jus cogens
    obligation erga omnes reparation compensation restitution liability negligence due diligence proportionality
    necessity self-defence aggression intervention neutrality belligerent combatant civilian detention torture
    rendition surveillance privacy data protection extraterritorial enforcement compliance ratification reservation
    accession denunciation withdrawal amendment interpretation preamble article paragraph clause protocol annex`
    .split(/\s+/)
    .filter(Boolean);
  const syllables = [
    "ka",
    "lo",
    "ri",
    "ven",
    "tas",
    "mor",
    "qui",
    "sel",
    "dra",
    "nu",
    "pek",
    "zon",
    "fa",
    "gil",
    "ost",
    "bre",
  ];
  const made = [];
  for (let i = 0; i < 4000; i++) {
    let w = "";
    for (let n = 2 + (i % 3), x = i * 7919 + 13; n > 0; n--, x = Math.floor(x / 16) + i)
      w += syllables[x % syllables.length];
    made.push(w);
  }
  return [...new Set([...seedWords, ...field, ...made])];
}

async function seed(url) {
  // Two connections share the work (the trigger's to_tsvector is the cost); the GIN indexes are
  // built once at the end, as a bulk load should.
  const clients = await pgClients(pg, url);
  try {
    await clients[0].query(`DROP INDEX "Article_search_idx"; DROP INDEX "Comment_search_idx"`);
    const words = await fill(clients);
    const t0 = Date.now();
    await clients[0].query(`SET maintenance_work_mem = '256MB'`);
    await Promise.all([
      clients[0].query(`CREATE INDEX "Article_search_idx" ON "Article" USING GIN ("search")`),
      clients[1].query(`CREATE INDEX "Comment_search_idx" ON "Comment" USING GIN ("search")`),
    ]);
    await clients[0].query(`VACUUM ANALYZE "Article"`);
    await clients[0].query(`VACUUM ANALYZE "Comment"`);
    console.log(`Indexed and analyzed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return words;
  } finally {
    for (const c of clients) await c.end().catch(() => {});
  }
}

/** Runs `count` numbered rows through `insert(client, from, to)` in batches, on every connection at once. */
async function inBatches(clients, count, size, insert) {
  let next = 1;
  await Promise.all(
    clients.map(async (client) => {
      while (next <= count) {
        const from = next;
        next += size;
        await insert(client, from, Math.min(from + size, count + 1));
      }
    }),
  );
}

// A deterministic pseudo-random source, so every run measures the same corpus.
function randomSource(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Zipf-like text: the head of the vocabulary is frequent, its tail rare; a sentence every ~15 words.
function textOf(words, count, random, skew) {
  const out = [];
  for (let i = 0; i < count; i++)
    out.push(words[Math.floor(Math.pow(random(), skew) * words.length)] + (random() < 0.07 ? "." : ""));
  return out.join(" ");
}

async function fill(clients) {
  const words = vocabulary();
  const [client] = clients;
  const t0 = Date.now();
  const batch = 500;
  // Bodies of 400–1,800 words, titles of 4–11 words; 5% drafts and 2% scheduled in the future.
  await inBatches(clients, articleCount, batch, async (c, from, to) => {
    const random = randomSource(from);
    const ids = [],
      titles = [],
      bodies = [];
    for (let g = from; g < to; g++) {
      ids.push(g);
      titles.push(
        textOf(words, 4 + (g % 8), random, 1.5)
          .replace(/\./g, "")
          .replace(/\b\w/g, (c) => c.toUpperCase()),
      );
      bodies.push(textOf(words, 400 + ((g * 37) % 1400), random, 2.2));
    }
    await c.query(
      `
      INSERT INTO "Article" (id, slug, title, "authorName", affiliation, excerpt, status, "publishedAt", "searchText", "updatedAt")
      SELECT 'bench' || g, 'bench-article-' || g, title, 'Author ' || (g % 300), 'University ' || (g % 40), '',
        (CASE WHEN g % 20 = 0 THEN 'draft' ELSE 'published' END)::"ArticleStatus",
        CASE WHEN g % 50 = 1 THEN now() + interval '30 days' ELSE now() - g * interval '1 hour' END, body, now()
      FROM unnest($1::int[], $2::text[], $3::text[]) AS x(g, title, body)`,
      [ids, titles, bodies],
    );
  });
  await client.query(`
    INSERT INTO "ArticleRevision" (id, "articleId", number, body, html, text, "blockIds", "wordCount")
    SELECT 'rev-' || id, id, 1, '', '', '', ARRAY[]::text[], 1000 FROM "Article" WHERE id LIKE 'bench%'`);
  await client.query(
    `UPDATE "Article" SET "currentRevisionId" = 'rev-' || id WHERE id LIKE 'bench%' AND status = 'published'`,
  );
  // Comments of 15–95 words on random articles; one in ten still pending.
  await inBatches(clients, commentCount, batch * 4, async (c, from, to) => {
    const random = randomSource(from);
    const ids = [],
      bodies = [];
    for (let g = from; g < to; g++) {
      ids.push(g);
      bodies.push(textOf(words, 15 + ((g * 13) % 80), random, 2.2));
    }
    await c.query(
      `
      INSERT INTO "Comment" (id, "articleId", "threadId", "authorName", body, html, status, "createdAt")
      SELECT 'benchc' || g, 'bench' || (1 + (g * 7) % $3::int), 'benchc' || g, 'Reader ' || (g % 500), body, '',
        (CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'approved' END)::"ContributionStatus", now() - g * interval '1 minute'
      FROM unnest($1::int[], $2::text[]) AS x(g, body)`,
      [ids, bodies, articleCount],
    );
  });
  const {
    rows: [stats],
  } = await client.query(
    `SELECT count(*)::int AS articles, avg(array_length(regexp_split_to_array("searchText", ' '), 1))::int AS words FROM "Article"`,
  );
  console.log(
    `Seeded ${stats.articles} articles (~${stats.words} words each) and ${commentCount} comments in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return words;
}

// 50 queries: common and rare words, phrases, operators, negation, stop words only, nonsense,
// punctuation and unicode, title-like and long ones.
function queries(words) {
  const pick = (i) => words[Math.min(words.length - 1, i)];
  return [
    pick(0),
    pick(3),
    pick(10),
    pick(25),
    pick(60),
    pick(120),
    pick(300),
    pick(700),
    pick(1500),
    pick(3000),
    "international law",
    "cyber attacks",
    "sovereignty",
    "jurisdiction treaty",
    "humanitarian intervention",
    `"${pick(5)} ${pick(6)}"`,
    `"${pick(40)} ${pick(41)} ${pick(42)}"`,
    `${pick(2)} or ${pick(900)}`,
    `${pick(4)} -${pick(7)}`,
    `${pick(15)} ${pick(16)} ${pick(17)} ${pick(18)}`,
    "the of and",
    "zzzzqqq",
    "xylophone",
    "jus cogens",
    "self-defence",
    "NATO's condemnation",
    "Iran & Albania",
    "(attack)",
    "attack:*",
    "a|b!c",
    '\'; DROP TABLE "Article"; --',
    "naïve café résumé",
    "Ελληνικά 日本語 العربية",
    "🙂 emoji",
    "   ",
    `${pick(8)}*`,
    `-${pick(1)}`,
    `"unclosed ${pick(9)}`,
    pick(2000),
    pick(3500),
    `${pick(30)} ${pick(2500)}`,
    "ransomware infrastructure",
    "advisory opinion",
    "due diligence",
    "election interference",
    `${pick(12)}.`,
    "x".repeat(300),
    `${pick(50)} `.repeat(40),
    "a".repeat(1000),
    "reparation OR restitution",
  ];
}

async function runQueries(url, list) {
  pointDomainAt(url);
  const { searchSite } = await load("lib/search/search-site.ts");
  const { closeDb } = await load("lib/db.ts");
  for (const q of list) await searchSite(q); // warm-up: connections, plans, caches
  // Five rounds, alternating page 1 and 2; per query we keep every time and the best one.
  const perQuery = list.map((q) => ({ q, times: [], articles: 0, comments: 0 }));
  const samples = await timeRounds(rounds, perQuery, (entry, round) => searchSite(entry.q, round % 2 ? 2 : 1), {
    seen: (entry, result, round) => {
      if (round === 0)
        Object.assign(entry, {
          articles: `${result.articles.total}${result.articles.more ? "+" : ""}`,
          comments: `${result.comments.total}${result.comments.more ? "+" : ""}`,
        });
    },
  });
  await closeDb();
  return { samples, perQuery };
}

const reuse = arg("--reuse", null); // a database kept by an earlier `--keep` run: no seeding
const { url, cleanup } = await benchDatabase("search", { reuse, keep: process.argv.includes("--keep") });
let ok = false;
try {
  const words = reuse ? vocabulary() : await seed(url);
  const list = queries(words);
  const { samples, perQuery } = await runQueries(url, list);
  const all = stats(samples);
  const best = stats(perQuery.map((e) => Math.min(...e.times)));
  const slowest = [...perQuery].sort((x, y) => medianOf(y.times) - medianOf(x.times)).slice(0, 5);
  const [load1] = os.loadavg();
  const cpus = os.cpus().length;
  console.log(
    `\nSearch (articles + comments, pages 1 and 2, with snippets): ${list.length} queries × ${rounds} rounds; load average ${load1.toFixed(1)} on ${cpus} CPUs`,
  );
  console.log(`  all runs:        ${fmtStats(all)} (budget: median < ${budgetMs} ms)`);
  console.log(`  best of ${rounds} each:  ${fmtStats(best)}`);
  console.log("  slowest queries (median of their runs):");
  for (const e of slowest)
    console.log(
      `    ${medianOf(e.times).toFixed(1).padStart(6)} ms  ${e.articles} articles, ${e.comments} comments  ${JSON.stringify(e.q.length > 40 ? e.q.slice(0, 40) + "…" : e.q)}`,
    );
  busyNote(load1, cpus);
  ok = all.median < budgetMs;
  if (!ok) console.log(`FAILED: the median is over ${budgetMs} ms`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
