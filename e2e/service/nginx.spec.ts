import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { startNginx } from "../../scripts/lib/nginx.mjs";
import { seedDiscussion } from "../fixtures/discussion";
import { repoRoot } from "../fixtures/env";
import { createUser, uniqueSuffix } from "../fixtures/users";

// Debian's real nginx, run from deploy/nginx.conf (ports, paths and a self-signed certificate
// swapped: scripts/lib/nginx.mjs), in front of Gloss with WEB_CONCURRENCY=2 and TRUST_PROXY=1.
// nginx is required, as Chromium is: `.ci/run` installs it on a machine that lacks it.
test.describe.configure({ mode: "serial", timeout: 120_000 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string; cookies: string[] };

/** One request, over http or https (the test certificate is self-signed), from a chosen local address. */
function request(
  url: string,
  {
    method = "GET",
    headers = {},
    body,
    from,
  }: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<Answer> {
  const u = new URL(url);
  const lib = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      { method, headers, localAddress: from, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const enc = res.headers["content-encoding"];
          const body = enc === "gzip" ? zlib.gunzipSync(raw) : enc === "br" ? zlib.brotliDecompressSync(raw) : raw;
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: raw,
            text: body.toString("utf8"),
            cookies: ([] as string[]).concat(res.headers["set-cookie"] ?? []),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Auth.js's credentials flow from `from`; returns the Set-Cookie lines of the answer and a Cookie header (null when refused). */
async function signIn(
  base: string,
  email: string,
  password: string,
  { from, forwardedFor }: { from?: string; forwardedFor?: string } = {},
) {
  const extra: Record<string, string> = forwardedFor ? { "x-forwarded-for": forwardedFor } : {};
  const csrf = await request(`${base}/api/auth/csrf`, { from, headers: extra });
  const jar = csrf.cookies.map((c) => c.split(";")[0]);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    from,
    headers: { ...extra, "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }).toString(),
  });
  const session = res.cookies.find((c) => /session-token=[^;]{10,}/.test(c));
  return {
    csrfCookies: csrf.cookies,
    sessionCookie: session ?? null,
    cookie: session ? [...jar, session.split(";")[0]].join("; ") : null,
  };
}

const metricsToken = `metrics-${uniqueSuffix()}`;
let gloss: { base: string; child: ChildProcess; output: string[]; stop: () => Promise<number | null> };
let proxy: Awaited<ReturnType<typeof startNginx>>;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    WEB_CONCURRENCY: "2",
    TRUST_PROXY: "1",
    LOG_FORMAT: "json",
    METRICS_TOKEN: metricsToken,
  };
  delete env.AUTH_URL; // the public URL is whatever the proxy says (scheme) and the Host the client asked for
  const output: string[] = [];
  const child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (d: Buffer) => output.push(...String(d).split("\n").filter(Boolean)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0, ok = 0; i < 300 && ok < 4; i++) {
    if (child.exitCode !== null) throw new Error(`Gloss exited:\n${output.join("\n")}`);
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
  gloss = { base, child, output, stop };
  proxy = await startNginx({ upstreamPort: port, root: repoRoot });
});

test.afterAll(async () => {
  await proxy?.stop();
  await gloss?.stop();
});

test("through nginx over https: a browser signs in (Secure cookies), posts and reads; plain http straight to Gloss signs in with ordinary cookies", async ({
  browser,
}) => {
  const user = createUser("proxied");
  const { slug } = seedDiscussion({});
  const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: proxy.httpsUrl });
  const page = await context.newPage();
  try {
    await page.goto("/signin");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      page
        .getByRole("navigation", { name: "Account" })
        .getByRole("button", { name: `Account: ${user.name}`, exact: true }),
    ).toBeVisible();
    const cookies = await context.cookies();
    const session = cookies.find((c) => /session-token$/.test(c.name));
    expect(session?.name, "the proxy said https: the session cookie is a __Secure- one").toBe(
      "__Secure-authjs.session-token",
    );
    expect(session?.secure).toBe(true);

    const marker = `through nginx ${uniqueSuffix()}`;
    const posted = await page.request.post(`/api/articles/${slug}/comments`, {
      data: { body: marker },
      headers: { origin: proxy.httpsUrl },
    });
    expect(posted.status()).toBe(201);
    await page.goto(`/articles/${slug}`);
    await expect(page.getByText(marker)).toBeVisible();
    // Read through nginx by another client: the page cache behind it serves the new comment.
    expect((await request(`${proxy.httpsUrl}/articles/${slug}`)).text).toContain(marker);
  } finally {
    await context.close();
  }

  // Auth.js's own flow through nginx: its CSRF cookie is a __Host- one and the session cookie Secure.
  const viaProxy = await signIn(proxy.httpsUrl, user.email, user.password);
  expect(viaProxy.csrfCookies.join("\n")).toMatch(/^__Host-authjs\.csrf-token=[^;]+;.*Secure/im);
  expect(viaProxy.sessionCookie).toMatch(/^__Secure-authjs\.session-token=[^;]+;.*Secure/i);

  // The same Gloss reached directly over http (no proxy saying https): ordinary cookie names, not Secure.
  const direct = await signIn(gloss.base, user.email, user.password);
  expect(direct.sessionCookie).toMatch(/^authjs\.session-token=/);
  expect(direct.sessionCookie).not.toMatch(/;\s*secure/i);
  const me = JSON.parse(
    (await request(`${gloss.base}/api/auth/session`, { headers: { cookie: direct.cookie! } })).text,
  ) as { user?: { email: string } };
  expect(me.user?.email).toBe(user.email);
  // …and a client cannot claim https on its own: straight to Gloss, X-Forwarded-Proto counts only as the
  // last hop's (TRUST_PROXY=1 believes its peer), so HSTS follows what nginx says, never a browser.
  expect((await request(`${gloss.base}/`)).headers["strict-transport-security"]).toBeUndefined();
  expect((await request(`${proxy.httpsUrl}/`)).headers["strict-transport-security"]).toMatch(/max-age=31536000/);
  // Port 80 sends every reader to https.
  const plain = await request(`${proxy.httpUrl}/articles/${slug}`);
  expect(plain.status).toBe(301);
  expect(plain.headers.location).toBe(`https://127.0.0.1/articles/${slug}`);
});

test("the client's address from X-Forwarded-For reaches the sign-in limits and the logs; a forged one does not", async () => {
  const user = createUser("limited");
  const [attacker, reader] = ["127.0.0.5", "127.0.0.6"]; // two clients of nginx, from two loopback addresses
  for (let i = 0; i < 31; i++) {
    // The attacker also forges X-Forwarded-For: nginx appends the address it saw, and Gloss takes that one.
    await signIn(proxy.httpsUrl, `nobody-${i}-${uniqueSuffix()}@e2e.test`, "wrong-password-1", {
      from: attacker,
      forwardedFor: `198.51.100.${i}`,
    });
  }
  expect(
    (await signIn(proxy.httpsUrl, user.email, user.password, { from: attacker, forwardedFor: "198.51.100.77" })).cookie,
    "the limited address is refused, whatever it claims",
  ).toBeNull();
  expect(
    (await signIn(proxy.httpsUrl, user.email, user.password, { from: reader })).cookie,
    "another address signs in",
  ).not.toBeNull();

  const id = `nginx-${uniqueSuffix()}`;
  await request(`${proxy.httpsUrl}/?rid=${id}`, { from: reader, headers: { "x-request-id": id } });
  await expect
    .poll(
      () =>
        gloss.output
          .map((l) => {
            try {
              return JSON.parse(l) as { requestId?: string; ip?: string };
            } catch {
              return null;
            }
          })
          .find((o) => o?.requestId === id)?.ip,
    )
    .toBe(reader);
});

test("live events stream through nginx unbuffered: an event arrives while the stream stays open", async () => {
  const user = createUser("liveproxy");
  const { slug } = seedDiscussion({});
  const { cookie } = await signIn(proxy.httpsUrl, user.email, user.password);
  const received: string[] = [];
  let headers: http.IncomingHttpHeaders = {};
  const stream = https.get(
    `${proxy.httpsUrl}/api/articles/${slug}/events`,
    {
      rejectUnauthorized: false,
      agent: false,
      headers: { accept: "text/event-stream", "accept-encoding": "gzip, br" },
    },
    (res) => {
      headers = res.headers;
      res.setEncoding("utf8");
      res.on("data", (d: string) => received.push(d));
    },
  );
  stream.on("error", () => {});
  try {
    await expect.poll(() => received.join(""), { timeout: 10_000 }).toContain("event: ready");
    expect(headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(headers["content-encoding"]).toBeUndefined();
    const posted = await request(`${proxy.httpsUrl}/api/articles/${slug}/comments`, {
      method: "POST",
      body: JSON.stringify({ body: `live through nginx ${uniqueSuffix()}` }),
      headers: { cookie: cookie!, origin: proxy.httpsUrl, "content-type": "application/json" },
    });
    expect(posted.status).toBe(201);
    const { id } = JSON.parse(posted.text) as { id: string };
    const t0 = Date.now();
    // Buffered, a few hundred bytes would sit in nginx until the keep-alive 25 s later.
    await expect
      .poll(() => received.join(""), { timeout: 5_000, intervals: [50] })
      .toMatch(new RegExp(`event: comment\\ndata: \\{"action":"created","id":"${id}"\\}`));
    expect(Date.now() - t0).toBeLessThan(5_000);
  } finally {
    stream.destroy();
  }
});

test("compression and caching through nginx: pages compressed by Gloss, the build's files from disk with a year's immutable caching", async () => {
  const page = await request(`${proxy.httpsUrl}/`, { headers: { "accept-encoding": "gzip" } });
  expect(page.status).toBe(200);
  expect(page.headers["content-encoding"]).toBe("gzip");
  expect(String(page.headers.vary)).toMatch(/Accept-Encoding/i);
  expect(page.headers["cache-control"]).toMatch(/public, max-age=0, must-revalidate|no-store|private/);
  const asset = /\/_next\/static\/[^"'\s]+\.js/.exec(page.text)?.[0];
  expect(asset, "the page links a script of the build").toBeTruthy();
  const file = await request(`${proxy.httpsUrl}${asset}`, { headers: { "accept-encoding": "gzip" } });
  expect(file.status).toBe(200);
  expect(file.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(file.headers["content-encoding"]).toBe("gzip");
  expect(file.headers["x-request-id"], "served by nginx from disk, not by Gloss").toBeUndefined();
  // Uploaded media go through nginx's cache.
  const media = await request(`${proxy.httpsUrl}/media/does-not-exist.png`);
  expect(media.headers["x-cache-status"]).toBeDefined();
});

test("/metrics through nginx: only from the machine itself and with the token; requests counted by route pattern, summed over both processes", async () => {
  const slug = seedDiscussion({}).slug;
  for (let i = 0; i < 6; i++) await request(`${proxy.httpsUrl}/articles/${slug}?m=${i}`);
  const auth = { authorization: `Bearer ${metricsToken}` };
  expect(
    (await request(`${proxy.httpsUrl}/metrics`, { from: "127.0.0.5", headers: auth })).status,
    "nginx keeps /metrics local",
  ).toBe(403);
  expect((await request(`${proxy.httpsUrl}/metrics`)).status).toBe(401);
  const metrics = await request(`${proxy.httpsUrl}/metrics`, { headers: auth });
  expect(metrics.status).toBe(200);
  expect(metrics.text).toContain("gloss_processes 2");
  const count = Number(
    /^gloss_http_requests_by_route_total\{method="GET",route="\/articles\/\[slug\]",status="200"\} (\d+)$/m.exec(
      metrics.text,
    )?.[1] ?? 0,
  );
  expect(count).toBeGreaterThanOrEqual(6);
  expect(metrics.text).toMatch(/^gloss_http_route_duration_seconds_count\{route="\/articles\/\[slug\]"\} \d+$/m);
  expect(metrics.text, "never a raw path as a label").not.toContain(`route="/articles/${slug}`);
  expect(metrics.text).toMatch(/^gloss_job_queue_waiting \d+$/m);
  expect(metrics.text).toMatch(/^gloss_db_pool_connections \d+$/m);
});
