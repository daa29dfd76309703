import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { repoRoot } from "../fixtures/env";
import { createUser } from "../fixtures/users";

// The database away: a production server whose PostgreSQL does not answer (nothing listens on its
// port). Pages get the styled "Back in a moment" page with 503 + Retry-After; the API keeps its JSON
// 503; health says unavailable; the process stays up. (The fault bench, scripts/bench/bench-faults.mjs,
// stops and starts a real PostgreSQL under load.)
test.describe.configure({ mode: "serial", timeout: 90_000 });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let base = "";
let child: ChildProcess;
const output: string[] = [];

test.beforeAll(async () => {
  const [port, deadPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["scripts/server.mjs"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_URL: base,
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/gloss`,
      GLOSS_JOBS: "off",
    },
  });
  for (const stream of [child.stdout!, child.stderr!])
    stream.on("data", (d: Buffer) => output.push(...String(d).split("\n").filter(Boolean)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output.join("\n")}`);
    try {
      await fetch(`${base}/api/health`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
});

test("a page while the database is away: the styled 503 page with Retry-After, readable and accessible, the process still up", async ({
  page,
}) => {
  const raw = await fetch(`${base}/`, { headers: { accept: "text/html" } });
  expect(raw.status).toBe(503);
  expect(raw.headers.get("retry-after")).toBe("5");
  expect(raw.headers.get("content-type")).toMatch(/^text\/html/);
  expect(raw.headers.get("cache-control")).toBe("no-store");
  expect(raw.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  const html = await raw.text();
  expect(html).toContain("Back in a moment");
  expect(html).not.toMatch(/ECONNREFUSED|prisma|postgres|stack/i);

  const answer = await page.goto(`${base}/articles/anything`);
  expect(answer?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1, name: "Back in a moment" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again now" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const box = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  expect(child.exitCode).toBeNull();
});

test("the API keeps its JSON 503 with Retry-After, and health says unavailable within 2 s", async () => {
  const api = await fetch(`${base}/api/articles`, { headers: { accept: "text/html" } }); // even a browser asking for HTML
  expect(api.status).toBe(503);
  expect(api.headers.get("retry-after")).toBe("5");
  expect(api.headers.get("content-type")).toMatch(/^application\/json/);
  const t0 = Date.now();
  const health = await fetch(`${base}/api/health`);
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });
  // A Next data request (client-side navigation) is not given an HTML page it could not use.
  const rsc = await fetch(`${base}/`, { headers: { rsc: "1" } });
  expect(await rsc.text()).not.toContain("Back in a moment");
  expect(child.exitCode).toBeNull();
});

test("a signed-in reader stays signed in through the outage: a post is 503 (try again), never 401, and the session cookie is not cleared", async ({
  baseURL,
}) => {
  // Signed in on the test server (same AUTH_SECRET), then sent to the server whose database is away.
  const user = createUser("outage");
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: baseURL! },
    body: new URLSearchParams({
      email: user.email,
      password: user.password,
      csrfToken,
      callbackUrl: `${baseURL}/`,
    }).toString(),
  });
  const session = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /session-token=.{10,}/.test(c))!;
  expect(session).toBeTruthy();

  const posted = await fetch(`${base}/api/articles/any-article/comments`, {
    method: "POST",
    headers: { cookie: session, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ body: "Posted during an outage." }),
  });
  expect(posted.status).toBe(503);
  expect(posted.headers.get("retry-after")).toBe("5");
  expect(
    posted.headers
      .getSetCookie()
      .filter((c) => /session-token=;|session-token=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i.test(c)),
  ).toEqual([]);
  const session2 = await fetch(`${base}/api/auth/session`, { headers: { cookie: session } });
  expect(
    session2.headers
      .getSetCookie()
      .filter((c) => /session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c) && /session-token/.test(c)),
  ).toEqual([]);
  const page = await fetch(`${base}/`, { headers: { cookie: session, accept: "text/html" } });
  expect(page.status).toBe(503);
  expect(await page.text()).toContain("Back in a moment");
});
