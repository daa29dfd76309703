#!/usr/bin/env node
// Moderation speed (issue #5, "Speed"): the queue lists 10,000 pending items page by page (keyset)
// in < 100 ms per page of server time, and a bulk approval of 500 items completes in one request.
// The production server runs on its own fresh database of the test PostgreSQL; the bench seeds
// 8,000 pending comments and 2,000 pending public notes (with hold reasons, reports, earlier
// versions, replies) among approved, spam, trashed and private items, over four articles and
// 400 authors. Then:
//   1. pages through the whole Pending tab with the page's own data load (listQueue + the tab
//      counts + the settings, as app/(board)/moderation/page.tsx), timing each page; every item
//      must be seen once;
//   2. times a few pages over HTTP (the API and the moderation page, as a moderator);
//   3. approves 500 pending comments in one `POST /api/moderation/actions`, and checks they are
//      approved and logged (one audit entry each).
//
//   npx tsx scripts/bench/bench-moderation.mjs [--no-fail]
//
// Budgets: median page < 100 ms; the bulk approval succeeds in one request within 5 s.
// Results: a table on stdout and .data/bench/moderation.json; exits 1 when over budget or broken
// (unless --no-fail).
import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { root } from "../lib/project.mjs";
import { benchCleanup, benchTable, finishBench, fmt, quantile } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({ options: { "no-fail": { type: "boolean", default: false } } });
// The issue asks for "one request"; 5 s is our ceiling for it: a moderator waits for the answer
// with the page open, and 500 items are one SELECT, one UPDATE, one user update and one audit insert.
const budgets = { pageMedianMs: 100, bulkMs: 5000 };
const COUNTS = {
  pendingComments: 8000,
  pendingNotes: 2000,
  approvedComments: 4000,
  spamComments: 300,
  trashComments: 200,
  approvedNotes: 1000,
  privateNotes: 500,
};
const PENDING = COUNTS.pendingComments + COUNTS.pendingNotes;
const BULK = 500;
process.chdir(root);

// ---- cleanup: the server, its database and the test PostgreSQL, however the script ends ----
const { cleanups, cleanup, interrupted } = benchCleanup("moderation");

const log = (s) => console.log(`[bench-moderation] ${s}`);
const newId = () => crypto.randomBytes(12).toString("hex");

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

const words =
  "treaty sovereignty border court tribunal state obligation customary law annex protocol dispute claim territory maritime zone jurisdiction consent the of and a to in is that".split(
    " ",
  );

/**
 * The items, as the app stores them: one timeline over 60 days (one item in ten shares the
 * previous one's time, so the keyset's id tie-break is exercised), comments and notes interleaved.
 */
function plan({ articles, authors, reporters, random }) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(" ");
  const kinds = [];
  for (const [kind, n] of Object.entries(COUNTS)) for (let i = 0; i < n; i++) kinds.push(kind);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const start = Date.now() - 60 * 86_400_000;
  const step = (60 * 86_400_000 - 60_000) / kinds.length;
  let at = start;
  const comments = [],
    notes = [],
    reports = [],
    revisions = [];
  const approvedComments = [];
  const heldReason = () => {
    const r = random();
    return r < 0.55
      ? ["first_comment"]
      : r < 0.7
        ? ["links"]
        : r < 0.8
          ? ["word:casino"]
          : r < 0.85
            ? ["all_held"]
            : r < 0.95
              ? ["reported:3"]
              : ["manual"];
  };
  kinds.forEach((kind, i) => {
    if (random() >= 0.1 || i === 0) at = start + i * step;
    const createdAt = new Date(at);
    const article = pick(articles);
    const authorId = pick(authors);
    const id = newId();
    const body = `${sentence(8 + Math.floor(random() * 30))}.`;
    const pending = kind === "pendingComments" || kind === "pendingNotes";
    const holdReasons = pending ? heldReason() : kind === "spamComments" ? ["word:viagra"] : [];
    if (holdReasons[0] === "reported:3") {
      const by = new Set();
      while (by.size < 3) by.add(pick(reporters));
      for (const reporterId of by)
        reports.push({
          id: newId(),
          [kind === "pendingNotes" ? "annotationId" : "commentId"]: id,
          reporterId,
          reason: pick(["spam", "harassment", "off_topic", "other"]),
          createdAt,
        });
    }
    if (kind.endsWith("Comments")) {
      const status = {
        pendingComments: "pending",
        approvedComments: "approved",
        spamComments: "spam",
        trashComments: "trash",
      }[kind];
      // One pending comment in five answers an approved one of the same article.
      const parent = pending && random() < 0.2 ? approvedComments.findLast((c) => c.articleId === article.id) : null;
      const row = {
        id,
        articleId: article.id,
        parentId: parent?.id ?? null,
        threadId: parent?.threadId ?? id,
        depth: parent ? parent.depth + 1 : 0,
        authorId,
        body,
        html: `<p>${body}</p>`,
        status,
        holdReasons,
        createdAt,
      };
      if (pending && random() < 0.04) {
        row.editedAt = new Date(at + 60_000);
        revisions.push({
          id: newId(),
          commentId: id,
          body: `${sentence(10)}.`,
          editedById: authorId,
          createdAt: row.editedAt,
        });
      }
      comments.push(row);
      if (status === "approved") approvedComments.push(row);
    } else {
      const anchor = pick(article.anchors);
      const audience = kind === "privateNotes" ? "private" : "public";
      notes.push({
        id,
        threadId: id,
        articleId: article.id,
        authorId,
        audience,
        status: kind === "pendingNotes" ? "pending" : "approved",
        holdReasons,
        body,
        html: `<p>${body}</p>`,
        exact: anchor.quote.exact,
        prefix: anchor.quote.prefix,
        suffix: anchor.quote.suffix,
        start: anchor.position.start,
        end: anchor.position.end,
        blockId: anchor.blockId ?? null,
        anchorRevisionId: article.revisionId,
        originalExact: anchor.quote.exact,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });
  return { comments, notes, reports, revisions };
}

const t0 = Date.now();
const results = {
  startedAt: new Date().toISOString(),
  cpus: os.cpus().length,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  budgets,
  counts: COUNTS,
};
const problems = [];

try {
  const bench = await benchServer("bench-moderation", cleanups, log);
  const { baseUrl } = bench;
  results.serverLog = bench.serverLog;
  const { db } = bench;
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { createApiToken } = await import("../../lib/users/api-tokens.ts");
  const { createArticle } = await import("../../lib/articles/create-article.ts");
  const { listQueue, queueCounts } = await import("../../lib/moderation/list-queue.ts");
  const { getSettings } = await import("../../lib/settings/get-settings.ts");
  const { randomAnchors, seededRandom } = await import("../../tests/anchoring/support/long-article.ts");

  // ---- the seed ----
  const tSeed = Date.now();
  const suffix = crypto.randomBytes(4).toString("hex");
  const asViewer = (u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: u.status,
    bannedUntil: null,
  });
  const admin = asViewer(await db.user.findFirstOrThrow({ where: { role: "admin" } }));
  const seeded = await db.article.findFirstOrThrow({
    where: { status: "published" },
    select: { slug: true, currentRevision: { select: { body: true } } },
  });
  for (let i = 1; i <= 3; i++) {
    await createArticle(admin, {
      title: `Moderation bench article ${i}`,
      slug: `bench-moderation-${i}-${suffix}`,
      body: seeded.currentRevision.body,
      status: "published",
    });
  }
  const articles = await db.article.findMany({
    where: { status: "published" },
    select: { id: true, slug: true, currentRevision: { select: { id: true, text: true, blockIds: true } } },
  });
  for (const a of articles) {
    const blocks = a.currentRevision.text.split("\n").map((text, i) => ({ id: a.currentRevision.blockIds[i], text }));
    Object.assign(a, {
      revisionId: a.currentRevision.id,
      anchors: randomAnchors({ text: a.currentRevision.text, blocks }, 200, seededRandom(a.slug.length)),
    });
  }
  const people = (prefix, n) =>
    Array.from({ length: n }, (_, i) => ({
      id: `bench-${prefix}-${suffix}-${i}`,
      name: `${prefix[0].toUpperCase()}${prefix.slice(1)} ${i + 1}`,
      email: `${prefix}-${i}-${suffix}@bench.test`,
      createdAt: new Date(Date.now() - (i + 1) * 3_600_000),
    }));
  const authors = people("author", 400);
  const reporters = people("reporter", 30);
  await db.user.createMany({ data: [...authors, ...reporters] });
  const moderatorUser = await createUser(
    { name: "Bench Moderator", email: `moderator-${suffix}@bench.test`, password: `bench-password-${suffix}` },
    { role: "moderator", trusted: true },
  );
  const moderator = asViewer(moderatorUser);
  const { secret: token } = await createApiToken(moderator, { name: "bench" });

  const { comments, notes, reports, revisions } = plan({
    articles,
    authors: authors.map((a) => a.id),
    reporters: reporters.map((r) => r.id),
    random: randomSource(5),
  });
  // Parents first (a pending reply points at an approved comment).
  const approvedFirst = [
    ...comments.filter((c) => c.status === "approved"),
    ...comments.filter((c) => c.status !== "approved"),
  ];
  for (let i = 0; i < approvedFirst.length; i += 2000)
    await db.comment.createMany({ data: approvedFirst.slice(i, i + 2000) });
  for (let i = 0; i < notes.length; i += 1000) await db.annotation.createMany({ data: notes.slice(i, i + 1000) });
  await db.report.createMany({ data: reports });
  await db.commentRevision.createMany({ data: revisions });
  await db.$executeRawUnsafe(`ANALYZE`);
  const counted = await queueCounts();
  results.seed = {
    comments: comments.length,
    notes: notes.length,
    reports: reports.length,
    revisions: revisions.length,
    articles: articles.length,
    authors: authors.length,
    pending: counted.pending,
    seconds: (Date.now() - tSeed) / 1000,
  };
  log(
    `seeded ${fmt(comments.length)} comments and ${fmt(notes.length)} notes on ${articles.length} articles by ${authors.length} authors (${fmt(counted.pending)} pending, ${fmt(reports.length)} reports, ${revisions.length} edited) in ${results.seed.seconds.toFixed(1)} s`,
  );
  if (counted.pending !== PENDING) problems.push(`the Pending tab counts ${counted.pending} items, not ${PENDING}`);

  // ---- 1. the whole Pending tab, page by page, as the moderation page loads it ----
  const pageData = (cursor) =>
    Promise.all([listQueue(moderator, { status: "pending", cursor }), queueCounts(), getSettings()]);
  await pageData(null); // untimed: connections and query plans warm, as on a server in use
  const pageMs = [],
    listMs = [],
    cursors = [];
  const seen = new Set();
  let duplicates = 0,
    outOfOrder = 0,
    previous = null,
    cursor = null;
  log(`paging through the Pending tab…`);
  do {
    cursors.push(cursor);
    let t = process.hrtime.bigint();
    const [{ items, next }] = await pageData(cursor);
    pageMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await listQueue(moderator, { status: "pending", cursor }); // the list alone, for the report
    listMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    for (const item of items) {
      const key = `${item.type}:${item.id}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
      if (
        previous &&
        (item.createdAt > previous.createdAt || (+item.createdAt === +previous.createdAt && item.id > previous.id))
      )
        outOfOrder++;
      previous = item;
    }
    cursor = next;
  } while (cursor && pageMs.length < 10_000);
  results.paging = {
    pages: pageMs.length,
    items: seen.size,
    duplicates,
    outOfOrder,
    page: { median: quantile(pageMs, 0.5), p95: quantile(pageMs, 0.95), max: Math.max(...pageMs) },
    listOnly: { median: quantile(listMs, 0.5), p95: quantile(listMs, 0.95), max: Math.max(...listMs) },
  };
  if (seen.size !== PENDING) problems.push(`paging saw ${seen.size} distinct items, not ${PENDING}`);
  if (duplicates) problems.push(`paging returned ${duplicates} items twice`);
  if (outOfOrder) problems.push(`paging returned ${outOfOrder} items out of order (newest first, then id)`);

  // ---- 2. a few pages over HTTP, as a moderator (median of 3 each) ----
  const headers = { authorization: `Bearer ${token}` };
  const middle = cursors[Math.floor(cursors.length / 2)];
  const timeGet = async (url) => {
    const times = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      const text = await res.text();
      if (i > 0) times.push(performance.now() - t); // the first warms this route
      if (res.status !== 200) {
        problems.push(`GET ${new URL(url).pathname} answered ${res.status}: ${text.slice(0, 120)}`);
        break;
      }
    }
    return quantile(times, 0.5);
  };
  const q = (c) => (c ? `&cursor=${encodeURIComponent(c)}` : "");
  results.http = {
    apiFirst: await timeGet(`${baseUrl}/api/moderation/queue?status=pending`),
    apiMiddle: await timeGet(`${baseUrl}/api/moderation/queue?status=pending${q(middle)}`),
    pageFirst: await timeGet(`${baseUrl}/moderation?status=pending`),
    pageMiddle: await timeGet(`${baseUrl}/moderation?status=pending${q(middle)}`),
  };

  // ---- 3. bulk approval: 500 pending comments from all over the queue, one request ----
  const pendingComments = [...seen].filter((k) => k.startsWith("comment:")).map((k) => k.slice("comment:".length));
  const every = Math.floor(pendingComments.length / BULK);
  const ids = pendingComments.filter((_, i) => i % every === 0).slice(0, BULK);
  const auditBefore = await db.auditEntry.count();
  const tBulk = performance.now();
  const res = await fetch(`${baseUrl}/api/moderation/actions`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ type: "comment", ids, action: "approve" }),
  });
  const answer = await res.json().catch(() => null);
  const bulkMs = performance.now() - tBulk;
  const approved = await db.comment.count({ where: { id: { in: ids }, status: "approved" } });
  const audited = await db.auditEntry.count({
    where: { action: "approve", targetType: "comment", targetId: { in: ids } },
  });
  const auditAdded = (await db.auditEntry.count()) - auditBefore;
  const pendingAfter = (await queueCounts()).pending;
  results.bulk = {
    items: ids.length,
    status: res.status,
    ms: bulkMs,
    answered: answer?.results?.length ?? null,
    approved,
    audited,
    auditAdded,
    pendingAfter,
  };
  if (res.status !== 200)
    problems.push(`the bulk approval answered ${res.status}: ${JSON.stringify(answer?.error ?? answer).slice(0, 200)}`);
  if (approved !== ids.length)
    problems.push(`${approved} of ${ids.length} comments are approved after the bulk approval`);
  if (audited !== ids.length || auditAdded !== ids.length)
    problems.push(
      `the bulk approval logged ${audited} approvals (${auditAdded} audit entries in all), not ${ids.length}`,
    );
  if (pendingAfter !== PENDING - ids.length)
    problems.push(`the Pending tab counts ${pendingAfter} items after the approval, not ${PENDING - ids.length}`);
} catch (e) {
  problems.push(`the bench could not run: ${e.message}`);
  if (process.env.BENCH_DEBUG) console.error(e);
} finally {
  await cleanup();
  if (interrupted()) await new Promise(() => {}); // the signal handler exits
}
results.loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);

// ---- the report ----
const { table, row } = benchTable();
const G = results.paging,
  H = results.http,
  B = results.bulk;
row(
  `Pending tab, ${fmt(PENDING)} items: page (50) median`,
  G ? `${fmt(G.page.median, 1)} ms` : "—",
  `< ${budgets.pageMedianMs} ms`,
  G ? G.page.median < budgets.pageMedianMs : false,
);
row(
  "  p95 / max",
  G
    ? `${fmt(G.page.p95, 1)} / ${fmt(G.page.max, 1)} ms (p95 ${G.page.p95 < budgets.pageMedianMs ? "also" : "NOT"} < ${budgets.pageMedianMs} ms)`
    : "—",
);
row(
  "  the list alone: median / p95 / max",
  G ? `${fmt(G.listOnly.median, 1)} / ${fmt(G.listOnly.p95, 1)} / ${fmt(G.listOnly.max, 1)} ms` : "—",
);
row(
  "  pages / items seen / twice / out of order",
  G ? `${G.pages} / ${fmt(G.items)} / ${G.duplicates} / ${G.outOfOrder}` : "—",
);
row("HTTP GET /api/moderation/queue: first / middle page", H ? `${fmt(H.apiFirst)} / ${fmt(H.apiMiddle)} ms` : "—");
row("HTTP GET /moderation: first / middle page", H ? `${fmt(H.pageFirst)} / ${fmt(H.pageMiddle)} ms` : "—");
row(
  `Bulk approval of ${BULK} comments, one request`,
  B ? `${fmt(B.ms)} ms (HTTP ${B.status})` : "—",
  `< ${budgets.bulkMs / 1000} s`,
  B ? B.status === 200 && B.ms < budgets.bulkMs && B.approved === BULK && B.audited === BULK : false,
);
row("  approved / audit entries / pending after", B ? `${B.approved} / ${B.audited} / ${fmt(B.pendingAfter)}` : "—");

finishBench("moderation", { results, table, problems, noFail: opts["no-fail"], startedAt: t0 });
