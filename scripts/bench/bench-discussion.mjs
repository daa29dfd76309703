// What the discussion benches share: the seeded discussion (deterministic), the page's comment
// count, and CPU meters for the server and its PostgreSQL backends.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";

// A deterministic pseudo-random source (mulberry32), so every run seeds the same discussion.
export function randomSource(seed) {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = `the of and a to in is that it for on as with was this by be are from at an not but have which
  sovereignty jurisdiction treaty court tribunal sanctions state attribution cyber attack infrastructure election
  interference diplomacy recognition norm obligation reparation proportionality necessity self-defence intervention
  argument point evidence article author reading agree disagree question answer example case law practice customary`
  .split(/\s+/)
  .filter(Boolean);

/** A reader's comment in Markdown: one to three paragraphs, sometimes emphasis, a quote or a link. */
export function commentBody(random, n) {
  const sentence = () => {
    const length = 6 + Math.floor(random() * 18);
    const out = [];
    for (let i = 0; i < length; i++) out.push(words[Math.floor(Math.pow(random(), 1.8) * words.length)]);
    const s = out.join(" ");
    return s[0].toUpperCase() + s.slice(1) + ".";
  };
  const paragraphs = [];
  for (let p = 0, count = 1 + Math.floor(random() * 3); p < count; p++)
    paragraphs.push(Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(" "));
  if (n % 7 === 0) paragraphs[0] = paragraphs[0].replace(/(\w+)\./, "*$1*.");
  if (n % 11 === 0) paragraphs.unshift(`> ${sentence()}`);
  if (n % 13 === 0) paragraphs.push(`See [the judgment](https://example.org/judgment/${n}).`);
  return paragraphs.join("\n\n");
}

/**
 * The discussion, as the app writes it: approved comments in time order over 30 days; 40% reply to
 * a comment of the conversation going on at the time (one of the last 300), up to depth 5;
 * `threadId` is the top-level comment, `depth` the parent's + 1 (lib/comments/create-comment.ts).
 */
export function planDiscussion(
  articleId,
  authorIds,
  renderSafeMarkdown,
  { commentCount, replyShare = 0.4, maxDepth = 5, seed = 2024, branch = 0 },
) {
  const random = randomSource(seed);
  const rows = [];
  const start = Date.now() - 30 * 86_400_000;
  const step = (30 * 86_400_000 - 3_600_000) / commentCount;
  // With `branch`: every (commentCount / branch)-th comment after the first answers the first one,
  // a long early thread that keeps growing over the 30 days.
  const branchEvery = branch ? Math.floor(commentCount / branch) : Infinity;
  for (let i = 0; i < commentCount; i++) {
    let parent = null;
    if (i > 0 && i % branchEvery === 0 && i / branchEvery <= branch) parent = rows[0];
    else if (i > 0 && random() < replyShare) {
      for (let tries = 0; tries < 10 && !parent; tries++) {
        const candidate = rows[Math.max(0, i - 1 - Math.floor(random() * Math.min(300, i)))];
        if (candidate.depth < maxDepth) parent = candidate;
      }
    }
    const id = crypto.randomBytes(12).toString("hex");
    const body = commentBody(random, i);
    rows.push({
      id,
      articleId,
      parentId: parent?.id ?? null,
      threadId: parent?.threadId ?? id,
      depth: parent ? parent.depth + 1 : 0,
      authorId: authorIds[Math.floor(random() * authorIds.length)],
      body,
      html: renderSafeMarkdown(body),
      status: "approved",
      holdReasons: [],
      likeCount: random() < 0.2 ? 1 + Math.floor(random() * 12) : 0,
      createdAt: new Date(start + i * step),
    });
  }
  return rows;
}

/** The count in the page's "Comments (n)" heading (React separates the text nodes with <!-- -->). */
export function shownTotal(html) {
  // (An assembled page's count sits in a span of its own: scripts/lib/assemble.mjs.)
  const m =
    /id="comments-title"[^>]*>Comments(?:<!-- -->)? <span[^>]*>(?:<span>)?\((?:<!-- -->)?(\d+)(?:<!-- -->)?\)/.exec(
      html,
    );
  return m ? Number(m[1]) : null;
}

// CPU time, read from /proc (Linux): on a busy machine the wall times say little, the CPU
// milliseconds per request (server process + its PostgreSQL backends) say what an idle one needs.
const clockTicks = 100; // USER_HZ
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return null;
  }
}
export function serverPid() {
  try {
    const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
    return (
      Number(
        out
          .split("\n")
          .find((l) => l.includes("scripts/server.mjs"))
          ?.trim()
          .split(/\s+/)[0],
      ) || null
    );
  } catch {
    return null;
  }
}
/** Starts counting the CPU of the server and of the database's backends; `stop(n)` → ms per request. */
export async function cpuMeter(db, pid) {
  const backends = async () =>
    new Map(
      (
        await db.$queryRaw`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`
      ).map(({ pid: p }) => [p, cpuMs(p) ?? 0]),
    );
  const server0 = pid ? cpuMs(pid) : null,
    pg0 = await backends();
  return async (requests) => {
    const pg1 = await backends();
    let pgTotal = 0;
    for (const [p, ms] of pg1) pgTotal += ms - (pg0.get(p) ?? 0);
    const server1 = pid ? cpuMs(pid) : null;
    return {
      serverMs: server0 === null || server1 === null ? null : (server1 - server0) / requests,
      postgresMs: pgTotal / requests,
    };
  };
}

/**
 * A trusted user (no first-contribution hold) with a personal access token for the API, as the
 * benches post: { id, name, email, role, status, bannedUntil, token }. The app's modules are
 * imported here, after the bench has pointed DATABASE_URL at its database (./bench-server.mjs).
 */
export async function trustedPoster({ name, email, password }) {
  const { createUser } = await import("../../lib/users/create-user.ts");
  const { createApiToken } = await import("../../lib/users/api-tokens.ts");
  const { viewerOf } = await import("../../lib/auth/viewer.ts");
  const viewer = viewerOf(await createUser({ name, email, password }, { trusted: true }));
  return { ...viewer, token: (await createApiToken(viewer, { name: "bench" })).secret };
}
