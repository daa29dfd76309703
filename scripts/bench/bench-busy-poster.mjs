// bench-busy's posting, in a thread of its own (see postSteadily there): posts `rate` top-level
// comments a second, round robin over `posters`, for `seconds`; each post's marker is then looked
// for in `checkUrl` until it shows. Reports { posts, statuses, refusals, visible } (visible-after
// times in ms, Infinity for a post never seen within 2 s) to the thread that started it.
import crypto from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { rawGet } from "./bench-measure.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function postSteadily({ api, posters, rate, seconds, checkUrl, label }) {
  const visible = [],
    statuses = {},
    refusals = [];
  const checks = [];
  const end = Date.now() + seconds * 1000;
  for (let n = 0; Date.now() < end; n++) {
    const due = Date.now() + 1000 / rate;
    const user = posters[n % posters.length];
    const marker = `busy${label}n${n}x${crypto.randomBytes(3).toString("hex")}`;
    const res = await fetch(api, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
      body: JSON.stringify({ body: `A comment in a busy discussion, number ${n}. Marker ${marker}.` }),
    });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status !== 201) refusals.push(`${res.status} ${(await res.text()).slice(0, 120)}`);
    else {
      await res.arrayBuffer();
      const answeredAt = performance.now();
      checks.push(
        (async () => {
          for (let i = 0; i < 100; i++) {
            const page = await rawGet(checkUrl);
            if (page.body.includes(marker)) {
              visible.push(performance.now() - answeredAt);
              return;
            }
            await sleep(20);
          }
          visible.push(Infinity);
        })(),
      );
    }
    await sleep(Math.max(0, due - Date.now()));
  }
  await Promise.all(checks);
  return {
    posts: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    refusals: [...new Set(refusals)].slice(0, 3),
    visible,
  };
}

if (parentPort) parentPort.postMessage(await postSteadily(workerData));
