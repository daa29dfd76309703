import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { repoRoot } from "../fixtures/env";
import { createUser, newUserData, uniqueSuffix } from "../fixtures/users";

// Running as a service (issue 14) and a busy page's cache (issue 21), against more production
// server processes on the e2e database, started here beside the one `npm test` started.
test.describe.configure({ mode: "serial", timeout: 90_000 });

type Server = { base: string; child: ChildProcess; output: string[]; stop: () => Promise<number | null> };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startServer(extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (d: Buffer) => output.push(...String(d).split("\n").filter(Boolean)));
  // Up when several answers in a row are healthy (with WEB_CONCURRENCY each process must be up).
  for (let i = 0, ok = 0; i < 300 && ok < 4; i++) {
    if (child.exitCode !== null) throw new Error(`the second server exited:\n${output.join("\n")}`);
    try {
      ok = (await fetch(`${base}/api/health`)).ok ? ok + 1 : 0;
    } catch {
      ok = 0;
    }
    if (ok < 4) await new Promise((r) => setTimeout(r, ok ? 10 : 150));
  }
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill("SIGTERM");
    });
  return { base, child, output, stop };
}

/** Signs in through Auth.js's credentials flow; returns a Cookie header. */
async function signIn(base: string, email: string, password: string, forwardedFor?: string): Promise<string | null> {
  const headers: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }).toString(),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=.{10,}/.test(c));
  return session ? [...jar, session].join("; ") : null;
}

const page = async (base: string, path: string) => (await fetch(base + path)).text();

test("a comment posted through one process shows through another within a second; a moderator's removal is gone from its next answer", async ({
  baseURL,
}) => {
  const other = await startServer();
  try {
    const reader = createUser("xproc");
    const moderator = createUser("xmod", "moderator");
    const { slug } = seedDiscussion({});
    const path = `/articles/${slug}`;
    expect(await page(other.base, path)).not.toContain("cross-process");
    await page(other.base, path); // cached there now

    const readerCookie = (await signIn(baseURL!, reader.email, reader.password))!;
    const marker = `cross-process ${uniqueSuffix()}`;
    const posted = await fetch(`${baseURL}/api/articles/${slug}/comments`, {
      method: "POST",
      headers: { cookie: readerCookie, origin: baseURL!, "content-type": "application/json" },
      body: JSON.stringify({ body: marker }),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };
    const t0 = Date.now();
    let seenAfter: number | null = null;
    while (Date.now() - t0 < 1000 && seenAfter === null) {
      if ((await page(other.base, path)).includes(marker)) seenAfter = Date.now() - t0;
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(seenAfter, "the other process shows the new comment within a second").not.toBeNull();
    for (let i = 0; i < 5; i++) expect(await page(other.base, path)).toContain(marker);

    const modCookie = (await signIn(baseURL!, moderator.email, moderator.password))!;
    const trashed = await fetch(`${baseURL}/api/moderation/actions`, {
      method: "POST",
      headers: { cookie: modCookie, origin: baseURL!, "content-type": "application/json" },
      body: JSON.stringify({ type: "comment", ids: [id], action: "trash" }),
    });
    expect(trashed.status).toBe(200);
    // The very next answers, from either process, no longer show it.
    expect(await page(baseURL!, path)).not.toContain(marker);
    expect(await page(other.base, path)).not.toContain(marker);
  } finally {
    await other.stop();
  }
});

/** The page cache's counters of a server started with METRICS_TOKEN (scripts/lib/assemble.mjs's among them). */
async function cacheEvents(base: string, token: string) {
  const text = await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  return Object.fromEntries(
    [...text.matchAll(/^gloss_page_cache_events_total\{event="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
  );
}

/** The comment list's server HTML (its `<ol>`'s content, without the JSON an assembled page adds at its end). */
function threadsOf(html: string) {
  const open = /<ol data-comment-threads[^>]*>/.exec(html);
  if (!open) return undefined;
  const from = open.index + open[0].length;
  const tags = /<ol[\s>]|<\/ol>/g;
  tags.lastIndex = from;
  for (let depth = 1, m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0] === "</ol>" ? -1 : 1;
    if (depth === 0)
      return html
        .slice(from, m.index)
        .replace(/<script type="application\/json" data-gloss-threads=""[^>]*>[\s\S]*<\/script>$/, "");
  }
  return undefined;
}

test("the shared article page is assembled from its shell and each thread's HTML: the same page as a whole render, and a comment re-renders its own thread, not the page", async ({
  baseURL,
}) => {
  const token = `metrics-${uniqueSuffix()}`;
  const server = await startServer({ METRICS_TOKEN: token });
  try {
    const author = newUserData("asm");
    const second = newUserData("asm2"); // (one post each: the flood rule)
    const { slug } = seedDiscussion({
      users: [author, second],
      comments: [
        { author: author.email, body: "The first thread." },
        { author: author.email, body: "A reply in the first thread.", parent: 0 },
        { author: author.email, body: "The second thread." },
      ],
    });
    const path = `/articles/${slug}`;
    const first = await fetch(server.base + path);
    const assembled = await first.text();
    // Its scripts carry the nonce its policy names (the shell's own, written over with a fresh one).
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    const scriptNonces = new Set([...assembled.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
    expect([...scriptNonces]).toEqual([nonce]);
    // A query the page ignores is not assembled: Next renders the whole page, as before.
    const whole = await page(server.base, `${path}?whole=1`);
    expect(threadsOf(assembled)).toBeTruthy();
    expect(threadsOf(assembled)).toBe(threadsOf(whole));
    expect(assembled).toContain("<span>(3)</span>");
    expect(whole).toContain("(<!-- -->3<!-- -->)");
    expect(assembled).not.toContain("<!--gloss:threads");
    expect(assembled).not.toContain("<!--gloss:total-->");
    const before = await cacheEvents(server.base, token);
    expect(before).toMatchObject({ assembled: 1, shellRenders: 1, threadRenders: 1, threadsRendered: 2 });
    // The threads are rendered in the process's server React directly (components/comments/thread-renderer.ts),
    // not through a page request: the comparisons with whole renders above and below hold the markup the same.
    expect(before.directThreadRenders).toBe(1);

    const post = async (user: typeof author, body: Record<string, string>) => {
      const cookie = (await signIn(baseURL!, user.email, user.password))!;
      const res = await fetch(`${baseURL}/api/articles/${slug}/comments`, {
        method: "POST",
        headers: { cookie, origin: baseURL!, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const waitFor = async (marker: string) => {
      for (let i = 0; i < 100; i++) {
        const html = await page(server.base, path);
        if (html.includes(marker)) return html;
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error(`${marker} never showed`);
    };
    const firstThread = /id="comment-([^"]+)"[^>]*aria-label="Comment by[^"]*"/.exec(assembled)![1];
    const reply = `assembled reply ${uniqueSuffix()}`;
    await post(author, { body: reply, parentId: firstThread });
    const withReply = await waitFor(reply);
    expect(withReply).toContain("<span>(4)</span>");
    // A new page, a new nonce: nothing written before it can carry it.
    const again = await fetch(server.base + path);
    const againNonce = nonceOf(again.headers.get("content-security-policy"));
    expect(againNonce).not.toBe(nonce);
    expect(new Set([...(await again.text()).matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]))).toEqual(
      new Set([againNonce]),
    );
    // Only the thread that changed was rendered again; the shell held.
    expect(await cacheEvents(server.base, token)).toMatchObject({ shellRenders: 1, threadsRendered: 3 });
    expect(threadsOf(withReply)).toBe(threadsOf(await page(server.base, `${path}?whole=2`)));

    const top = `assembled thread ${uniqueSuffix()}`;
    await post(second, { body: top });
    await waitFor(top);
    expect(await cacheEvents(server.base, token)).toMatchObject({
      shellRenders: 1,
      threadsRendered: 4,
      threadRenders: 3,
      directThreadRenders: 3,
    });
    expect(threadsOf(await page(server.base, path))).toBe(threadsOf(await page(server.base, `${path}?whole=3`)));
  } finally {
    await server.stop();
  }
});

test("a long discussion's assembled page makes the same cut as a whole render: the first comments as markup, the rest in <noscript>", async () => {
  const server = await startServer();
  try {
    const author = newUserData("cut");
    const comments = Array.from({ length: 45 }, (_, i) => ({
      author: author.email,
      body: `Comment ${i} of a long discussion.`,
      ...(i % 3 === 1 ? { parent: i - 1 } : {}),
    }));
    const { slug } = seedDiscussion({ users: [author], comments });
    const path = `/articles/${slug}`;
    const assembled = await page(server.base, path);
    const whole = await page(server.base, `${path}?whole=1`);
    expect(threadsOf(assembled)).toContain("<noscript>");
    expect(threadsOf(assembled)).toBe(threadsOf(whole));
  } finally {
    await server.stop();
  }
});

test("WEB_CONCURRENCY=2: two app processes on one port, health, metrics summed over both, request ids in JSON logs", async () => {
  const token = `metrics-${uniqueSuffix()}`;
  const server = await startServer({ WEB_CONCURRENCY: "2", LOG_FORMAT: "json", METRICS_TOKEN: token });
  try {
    const health = await fetch(`${server.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
    expect((await fetch(`${server.base}/metrics`)).status).toBe(401);
    for (let i = 0; i < 10; i++) await fetch(`${server.base}/`);
    const metrics = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain("gloss_processes 2");
    expect(text).toMatch(/gloss_http_requests_total\{method="GET",status="2xx"\} \d+/);

    const id = `e2e-${uniqueSuffix()}`;
    const answer = await fetch(`${server.base}/?rid=1`, { headers: { "x-request-id": id } });
    expect(answer.headers.get("x-request-id")).toBe(id);
    // A cached page carries the id of the request it answers, not of the one that rendered it.
    expect(
      (await fetch(`${server.base}/?rid=1`, { headers: { "x-request-id": `${id}-again` } })).headers.get(
        "x-request-id",
      ),
    ).toBe(`${id}-again`);
    await expect
      .poll(() =>
        server.output.some((l) => {
          try {
            const o = JSON.parse(l);
            return o.requestId === id && o.status === 200 && o.msg === "request";
          } catch {
            return false;
          }
        }),
      )
      .toBe(true);
    const pids = new Set(
      server.output.flatMap((l) => {
        try {
          return [JSON.parse(l).pid];
        } catch {
          return [];
        }
      }),
    );
    expect(pids.size, "log lines come from the two app processes (and the primary)").toBeGreaterThanOrEqual(2);
  } finally {
    expect(await server.stop()).toBe(0);
  }
});

test("TRUST_PROXY=1: failed sign-ins from one forwarded address do not lock out another", async () => {
  const server = await startServer({ TRUST_PROXY: "1" });
  try {
    const user = createUser("proxied");
    const attacker = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const reader = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 31; i++)
      await signIn(server.base, `nobody-${i}-${uniqueSuffix()}@e2e.test`, "wrong-password-1", `10.9.9.9, ${attacker}`);
    expect(
      await signIn(server.base, user.email, user.password, `${attacker}`),
      "the limited address is refused",
    ).toBeNull();
    expect(
      await signIn(server.base, user.email, user.password, `${attacker}, ${reader}`),
      "another address signs in",
    ).not.toBeNull();
  } finally {
    await server.stop();
  }
});

test("SIGTERM: the requests in flight finish, then the process exits 0", async () => {
  const token = `metrics-${uniqueSuffix()}`;
  const server = await startServer({ METRICS_TOKEN: token });
  const author = createUser("drain");
  const { slug } = seedDiscussion({
    comments: Array.from({ length: 300 }, (_, i) => ({
      author: author.email,
      body: `Comment ${i} of a long discussion, with *some* Markdown.`,
    })),
  });
  const openConnections = async () => {
    const text = await (
      await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    return Number(/^gloss_http_open_connections (\d+)$/m.exec(text)?.[1] ?? 0);
  };
  // Uncached renders, and the signal once the server has accepted them while some are still
  // running (its open connections, the metrics request's own included, cover every request the
  // client still waits for): those must finish with 200 before the process exits.
  let inflight: Promise<number | string>[] = [];
  let pending = 0;
  let signalled = false;
  for (let batch = 0; batch < 5 && !signalled; batch++) {
    pending = 12;
    inflight = Array.from({ length: 12 }, (_, i) =>
      fetch(`${server.base}/articles/${slug}?drain=${batch}-${i}`, { headers: { connection: "close" } })
        .then(
          (r) => r.status,
          () => "error",
        )
        .finally(() => {
          pending--;
        }),
    );
    while (pending > 0) {
      const open = await openConnections();
      if (pending > 0 && open >= pending + 1) {
        signalled = true;
        break;
      }
    }
    if (!signalled) await Promise.all(inflight);
  }
  expect(signalled, "the signal came while accepted requests were still running").toBe(true);
  const stillRunning = pending;
  const exited = server.stop();
  const statuses = await Promise.all(inflight);
  expect(stillRunning).toBeGreaterThan(0);
  expect(
    statuses.every((s) => s === 200),
    `every request in flight answered 200: ${statuses.join(", ")}`,
  ).toBe(true);
  expect(await exited).toBe(0);
});
