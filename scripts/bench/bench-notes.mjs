#!/usr/bin/env node
// My notes and notes search for `npm run bench` (issue 19): 100,000 notes by 1,000 readers on 500
// published articles — 10,000 of them one reader's own (public and private, tagged) — written with
// INSERT … SELECT generate_series into a throw-away database on the test PostgreSQL. Then:
//   /notes   — the page's own calls (myNoteFacets + listMyNotes) for that reader: the first page,
//              20 pages deep by cursor, each filter, and a search of their notes. Budget: median < 100 ms.
//   search   — the Notes tab's own function (searchSiteNotes: the GIN match, visibleAnnotations,
//              ranking, highlighted snippets) for 30 queries, anonymous and as that reader.
//              Budget: median < 50 ms.
// Prints median / p95 / max, and PostgreSQL's own EXPLAIN ANALYZE times for the main queries
// (the machine is shared: wall-clock medians are pessimistic under load). `--notes N`, `--keep`,
// `--reuse NAME` as in bench-search.mjs.
import os from "node:os";
import pg from "pg";
import {
  arg,
  benchDatabase,
  busyNote,
  fmtStats as fmt,
  loadTs as load,
  pgClients,
  pointDomainAt,
  stats,
  timed as time,
  timeRounds,
} from "./bench-db.mjs";

const noteCount = Number(arg("--notes", 100_000));
const articleCount = 500;
const readerCount = 1_000;
const budgets = { notesPageMs: 100, searchMs: 50 };
const rounds = 5;
const me = "benchme";

// A vocabulary with a long tail: the field's terms, then made-up words (frequent ones first).
function vocabulary() {
  const field = `sovereignty jurisdiction treaty convention tribunal arbitration sanctions humanitarian refugee asylum
    extradition immunity genocide maritime boundary continental shelf territorial waters investment dispute settlement
    countermeasures attribution cyber espionage ransomware infrastructure election interference diplomacy embassy
    recognition statehood occupation annexation ceasefire peacekeeping mandate charter resolution veto assembly council
    court judgment advisory opinion precedent customary norm obligation reparation compensation restitution liability
    negligence diligence proportionality necessity aggression intervention neutrality civilian detention torture
    surveillance privacy enforcement compliance ratification reservation accession withdrawal amendment interpretation`
    .split(/\s+/)
    .filter(Boolean);
  const syllables = ["ka", "lo", "ri", "ven", "tas", "mor", "qui", "sel", "dra", "nu", "pek", "zon", "fa", "gil"];
  const made = [];
  for (let i = 0; i < 3000; i++) {
    let w = "";
    for (let n = 2 + (i % 3), x = i * 7919 + 13; n > 0; n--, x = Math.floor(x / 14) + i)
      w += syllables[x % syllables.length];
    made.push(w);
  }
  return [...new Set([...field, ...made])];
}
const tags = ["torts", "treaty", "exam", "question", "cyber", "sources", "custom", "state", "reading", "todo"];

async function seed(url) {
  const clients = await pgClients(pg, url);
  const [c0] = clients;
  const words = vocabulary();
  try {
    const t0 = Date.now();
    await c0.query(`DROP INDEX "Annotation_search_idx"`);
    await c0.query(`
      INSERT INTO "User" (id, name, email, "updatedAt", "trustedAt")
      SELECT 'benchu' || g, 'Reader ' || g, 'reader' || g || '@bench.test', now(), now() FROM generate_series(0, ${readerCount - 1}) g
      UNION ALL SELECT '${me}', 'Bench Student', 'me@bench.test', now(), now()`);
    await c0.query(`
      INSERT INTO "Article" (id, slug, title, "authorName", affiliation, excerpt, status, "publishedAt", "searchText", "updatedAt")
      SELECT 'bench' || g, 'bench-article-' || g, 'Bench article ' || g, 'Author', '', '', 'published', now() - g * interval '1 day', '', now()
      FROM generate_series(1, ${articleCount}) g`);
    await c0.query(`
      INSERT INTO "ArticleRevision" (id, "articleId", number, body, html, text, "blockIds", "wordCount")
      SELECT 'rev-' || id, id, 1, '', '', '', ARRAY[]::text[], 1000 FROM "Article" WHERE id LIKE 'bench%'`);
    await c0.query(`UPDATE "Article" SET "currentRevisionId" = 'rev-' || id WHERE id LIKE 'bench%'`);
    // Every tenth note is mine (a third of those private); of the others one in seven is private
    // and one in twenty held. Bodies of 8–40 words and quotes of 3–10, Zipf-like; a quarter tagged.
    const batch = 10_000;
    let next = 1;
    await Promise.all(
      clients.map(async (c) => {
        while (next <= noteCount) {
          const from = next;
          next += batch;
          const to = Math.min(from + batch - 1, noteCount);
          await c.query(
            `
            INSERT INTO "Annotation" (id, "articleId", "authorId", "threadId", audience, body, html, tags, status,
              exact, prefix, suffix, start, "end", "blockId", "createdAt", "updatedAt")
            SELECT 'benchn' || g, 'bench' || (1 + (g * 7919) % ${articleCount}),
              CASE WHEN g % 10 = 0 THEN '${me}' ELSE 'benchu' || (g % ${readerCount}) END, 'benchn' || g,
              (CASE WHEN g % 10 = 0 THEN (CASE WHEN g % 30 = 0 THEN 'private' ELSE 'public' END)
                    WHEN g % 7 = 0 THEN 'private' ELSE 'public' END)::"AnnotationAudience",
              (SELECT string_agg(($1::text[])[1 + floor(power(random(), 2.2) * $2::int)::int], ' ') FROM generate_series(1, 8 + g % 33)),
              '',
              CASE WHEN g % 4 = 0 THEN ARRAY[($3::text[])[1 + (g / 4) % 10]] ELSE ARRAY[]::text[] END,
              (CASE WHEN g % 10 <> 0 AND g % 20 = 1 THEN 'pending' ELSE 'approved' END)::"ContributionStatus",
              (SELECT string_agg(($1::text[])[1 + floor(power(random(), 2.2) * $2::int)::int], ' ') FROM generate_series(1, 3 + g % 8)),
              '', '', 0, 10, 'b000001', now() - g * interval '1 minute', now()
            FROM generate_series(${from}, ${to}) g`,
            [words, words.length, tags],
          );
        }
      }),
    );
    console.log(
      `Seeded ${noteCount.toLocaleString("en-GB")} notes (${(noteCount / 10).toLocaleString("en-GB")} mine) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = Date.now();
    await c0.query(`SET maintenance_work_mem = '256MB'`);
    await c0.query(`CREATE INDEX "Annotation_search_idx" ON "Annotation" USING GIN ("search")`);
    await c0.query(`VACUUM ANALYZE "Annotation"`);
    await c0.query(`VACUUM ANALYZE "Article"`);
    await c0.query(`VACUUM ANALYZE "User"`);
    console.log(`Indexed and analyzed in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    return words;
  } finally {
    for (const c of clients) await c.end().catch(() => {});
  }
}

function searchQueries(words) {
  const pick = (i) => words[Math.min(words.length - 1, i)];
  return [
    pick(0),
    pick(2),
    pick(5),
    pick(12),
    pick(30),
    pick(80),
    pick(200),
    pick(600),
    pick(1500),
    pick(2800),
    "sovereignty",
    "treaty convention",
    "cyber espionage",
    `"${pick(3)} ${pick(4)}"`,
    `${pick(1)} or ${pick(900)}`,
    `${pick(6)} -${pick(7)}`,
    `${pick(8)} ${pick(9)} ${pick(10)}`,
    "the of and",
    "zzzzqqq",
    "naïve café",
    "Ελληνικά 日本語",
    `${pick(11)}*`,
    `"unclosed ${pick(13)}`,
    "x".repeat(300),
    `${pick(40)} `.repeat(20),
    "due diligence",
    "advisory opinion",
    "ransomware",
    `${pick(20)} ${pick(2000)}`,
    "(attack) a|b!c",
  ];
}

async function measure(url, words) {
  pointDomainAt(url);
  const { listMyNotes } = await load("lib/notes/list-my-notes.ts");
  const { myNoteFacets } = await load("lib/notes/my-note-facets.ts");
  const { searchSiteNotes } = await load("lib/search/search-site-notes.ts");
  const { closeDb } = await load("lib/db.ts");
  const viewer = {
    id: me,
    name: "Bench Student",
    email: "me@bench.test",
    role: "commenter",
    status: "active",
    bannedUntil: null,
  };
  const notesPage = async (filters) => {
    const [, page] = await Promise.all([myNoteFacets(viewer), listMyNotes(viewer, filters)]);
    return page;
  };

  // ---- /notes ----
  const filterSets = [
    {},
    { article: "bench-article-11" },
    { tag: "torts" },
    { visibility: "private" },
    { tag: "sources", visibility: "public" },
    { q: words[0] },
    { q: words[400] },
    { q: `${words[1]} ${words[2]}` },
  ];
  for (const f of filterSets) await notesPage(f); // warm-up
  const perFilter = filterSets.map((f) => ({ f, times: [], count: 0 }));
  const deep = [];
  const pageSamples = await timeRounds(rounds, perFilter, (entry) => notesPage(entry.f), {
    seen: (entry, result) => {
      entry.count = result.notes.length;
    },
    // Twenty pages deep by cursor (1,000 notes back), each page as the page asks for it.
    afterRound: async (_round, samples) => {
      let cursor;
      for (let p = 0; p < 20; p++) {
        const { ms, result } = await time(() => notesPage({ cursor }));
        samples.push(ms);
        deep.push(ms);
        cursor = result.next;
      }
    },
  });

  // ---- search ----
  const list = searchQueries(words);
  for (const q of list) await searchSiteNotes(null, q); // warm-up
  const perQuery = list.map((q) => ({ q, times: [], total: "" }));
  // Each query anonymous, then as the reader (both times count as the query's).
  const calls = perQuery.flatMap((entry) => [null, viewer].map((who) => ({ entry, who, times: entry.times })));
  const searchSamples = await timeRounds(
    rounds,
    calls,
    ({ entry, who }, round) => searchSiteNotes(who, entry.q, round % 2 ? 2 : 1),
    {
      seen: ({ entry, who }, result, round) => {
        if (round === 0 && !who) entry.total = `${result.notes.total}${result.notes.more ? "+" : ""}`;
      },
    },
  );
  await closeDb();
  return { pageSamples, perFilter, deep, searchSamples, perQuery };
}

// PostgreSQL's own time for the main queries (EXPLAIN ANALYZE: planning + execution, no client).
async function explain(url, words) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const run = async (label, sql, params = []) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const { rows } = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      const [plan] = rows[0]["QUERY PLAN"];
      times.push(plan["Planning Time"] + plan["Execution Time"]);
    }
    console.log(`    ${stats(times).median.toFixed(2).padStart(7)} ms  ${label}`);
  };
  try {
    console.log("  PostgreSQL (EXPLAIN ANALYZE, median of 5):");
    const match = `WITH recent AS (SELECT n.id, n."createdAt", n.search FROM "Annotation" n
        WHERE n.search @@ websearch_to_tsquery('english', $1) AND n.status IN ('approved', 'pending')
        ORDER BY n."createdAt" DESC, n.id DESC LIMIT 500)
      SELECT r.id, ts_rank(r.search, websearch_to_tsquery('english', $1)) FROM recent r`;
    await run(`notes search match window, common word "${words[0]}"`, match, [words[0]]);
    await run(`notes search match window, rarer word "${words[600]}"`, match, [words[600]]);
    await run(
      "/notes first page (my 10,000 notes, newest 51)",
      `SELECT n.id FROM "Annotation" n WHERE n."authorId" = $1 AND n.status IN ('approved', 'pending')
        ORDER BY n."createdAt" DESC, n.id DESC LIMIT 51`,
      [me],
    );
    await run(
      "/notes facets: my articles (skip scan)",
      `WITH RECURSIVE a AS (SELECT (SELECT min("articleId") FROM "Annotation" WHERE "authorId" = $1) AS id
        UNION ALL SELECT (SELECT min("articleId") FROM "Annotation" WHERE "authorId" = $1 AND "articleId" > a.id) FROM a WHERE a.id IS NOT NULL)
        SELECT id FROM a WHERE id IS NOT NULL`,
      [me],
    );
    await run(
      "/notes facets: tags of my newest 2,000 notes",
      `SELECT DISTINCT t.tag FROM (SELECT tags FROM "Annotation" WHERE "authorId" = $1 AND status IN ('approved', 'pending')
        ORDER BY "createdAt" DESC LIMIT 2000) n, unnest(n.tags) AS t(tag) ORDER BY t.tag LIMIT 200`,
      [me],
    );
  } finally {
    await c.end();
  }
}

const reuse = arg("--reuse", null);
const { url, cleanup } = await benchDatabase("notes", { reuse, keep: process.argv.includes("--keep") });
let ok = false;
try {
  const words = reuse ? vocabulary() : await seed(url);
  const cpu0 = process.cpuUsage();
  const { pageSamples, perFilter, deep, searchSamples, perQuery } = await measure(url, words);
  const cpu = process.cpuUsage(cpu0);
  const [load1] = os.loadavg();
  const cpus = os.cpus().length;
  const page = stats(pageSamples);
  const search = stats(searchSamples);
  console.log(
    `\nMy notes (/notes: facets + one page of 50), ${perFilter.length} filter sets + 20 pages deep × ${rounds} rounds; load average ${load1.toFixed(1)} on ${cpus} CPUs`,
  );
  console.log(`  all:            ${fmt(page)} (budget: median < ${budgets.notesPageMs} ms)`);
  console.log(`  20 pages deep:  ${fmt(stats(deep))}`);
  for (const e of perFilter)
    console.log(`    ${stats(e.times).median.toFixed(1).padStart(6)} ms  ${e.count} notes  ${JSON.stringify(e.f)}`);
  console.log(
    `\nNotes search (Notes tab: match, visibility, rank, snippets), ${perQuery.length} queries × anonymous and signed in × ${rounds} rounds`,
  );
  console.log(`  all:            ${fmt(search)} (budget: median < ${budgets.searchMs} ms)`);
  console.log("  slowest queries (median of their runs):");
  for (const e of [...perQuery].sort((a, b) => stats(b.times).median - stats(a.times).median).slice(0, 5))
    console.log(
      `    ${stats(e.times).median.toFixed(1).padStart(6)} ms  ${e.total} notes  ${JSON.stringify(e.q.length > 40 ? `${e.q.slice(0, 40)}…` : e.q)}`,
    );
  console.log(
    `  Node CPU time while measuring: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s for ${pageSamples.length + searchSamples.length} calls`,
  );
  await explain(url, words);
  busyNote(load1, cpus);
  ok = page.median < budgets.notesPageMs && search.median < budgets.searchMs;
  if (page.median >= budgets.notesPageMs) console.log(`FAILED: /notes median is over ${budgets.notesPageMs} ms`);
  if (search.median >= budgets.searchMs) console.log(`FAILED: notes search median is over ${budgets.searchMs} ms`);
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
