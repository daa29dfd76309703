import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { seedAnnotations } from "../annotations/helpers";
import { repoRoot } from "../fixtures/env";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";

// The event bus across processes: a second production server on the same database (as a second
// app process behind a load balancer would be). A change made through one server reaches a stream
// served by the other, both ways (PostgreSQL LISTEN/NOTIFY, one LISTEN per process).
test.describe.configure({ timeout: 120_000 });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startSecondServer() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-second-"));
  const child: ChildProcess = spawn(process.execPath, [path.join("scripts", "server.mjs")], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_URL: baseUrl,
      GLOSS_DATA_DIR: dataDir,
      NODE_ENV: "production",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error("the second server exited");
    try {
      if ((await fetch(`${baseUrl}/api/articles`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: () => {
      child.kill("SIGTERM");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads an article's stream from `base`; collects the `comment` events' data. */
async function listen(base: string, slug: string) {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/articles/${slug}/events`, {
    headers: { Accept: "text/event-stream" },
    signal: ac.signal,
  });
  expect(res.status).toBe(200);
  const ids: string[] = [];
  let ready = false;
  void (async () => {
    const dec = new TextDecoder();
    let buf = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (/^event: ready$/m.test(block)) ready = true;
          const data = /^event: comment\ndata: (.*)$/m.exec(block)?.[1];
          if (data) ids.push((JSON.parse(data) as { id: string }).id);
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await expect.poll(() => ready).toBe(true);
  return { ids, close: () => ac.abort() };
}

test("a comment posted through one server reaches a stream on another server, both ways", async ({ page, baseURL }) => {
  const second = await startSecondServer();
  try {
    const writer = createUser("twoservers", "moderator");
    const { slug } = seedAnnotations({ notes: [] });
    await signIn(page, writer.email, writer.password);
    const onSecond = await listen(second.baseUrl, slug);
    const onFirst = await listen(baseURL!, slug);

    const viaFirst = await page.request.post(`/api/articles/${slug}/comments`, {
      data: { body: `Through the first server ${uniqueSuffix()}.` },
      headers: { Origin: new URL(baseURL!).origin },
    });
    expect(viaFirst.status()).toBe(201);
    const firstId = ((await viaFirst.json()) as { id: string }).id;
    await expect.poll(() => onSecond.ids, { timeout: 2_000 }).toContain(firstId);

    // The session cookie is the same site's (same secret, same database): post through the second.
    const viaSecond = await page.request.post(`${second.baseUrl}/api/articles/${slug}/comments`, {
      data: { body: `Through the second server ${uniqueSuffix()}.` },
      headers: { Origin: second.baseUrl },
    });
    expect(viaSecond.status()).toBe(201);
    const secondId = ((await viaSecond.json()) as { id: string }).id;
    await expect.poll(() => onFirst.ids, { timeout: 2_000 }).toContain(secondId);
    onFirst.close();
    onSecond.close();
  } finally {
    second.stop();
  }
});
