#!/usr/bin/env node
// Publishing for scholars' budgets (issue 17):
// - a 15,000-word article with 200 footnotes: rendered on publish (Markdown → HTML, plain text and
//   blocks, lib/articles/render-article) < 500 ms; the whole publish (render + write) is printed too;
// - a 5 MB JPEG upload (lib/media/upload-media) with every responsive variant made (lib/media/
//   get-media) < 3 s, and the variant a phone is served (960 px wide: a 390 px screen at 2×, sizes
//   100vw) ≤ 20% of the uploaded file's bytes;
// - the 200-footnote article's reading page, served by the production server: Lighthouse mobile
//   (median of 3 by performance) performance and accessibility 100, cumulative layout shift 0 (the
//   sidenotes are laid out without moving the text). `--no-lighthouse` skips it.
// Runs on the production server's throw-away database (bench-server.mjs), publishing through the
// real domain functions. On a shared machine wall-clock times are pessimistic: Node's CPU time is
// printed beside them.
//
//   npx tsx scripts/bench/bench-scholarly.mjs [--runs 5] [--no-fail] [--no-lighthouse]
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import sharp from "sharp";
import "../lib/outside-next.mjs";
import { benchCleanup } from "./bench-report.mjs";
import { benchServer } from "./bench-server.mjs";

const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "no-fail": { type: "boolean", default: false },
    "no-lighthouse": { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(opts.runs) || 5);
const budgets = { renderMs: 500, variantsMs: 3000, phoneShare: 0.2, lighthouse: 100, cls: 0 };
const FOOTNOTES = 200;
const PHONE_WIDTH = 960;
const LIGHTHOUSE_RUNS = 3;

const { cleanups, cleanup } = benchCleanup("scholarly");
const log = (m) => console.log(`[bench-scholarly] ${m}`);
const bench = await benchServer("bench-scholarly", cleanups, log);
const { db } = bench;
const { createUser } = await import("../../lib/users/create-user.ts");
const { createArticle } = await import("../../lib/articles/create-article.ts");
const { renderArticle } = await import("../../lib/articles/render-article.ts");
const { uploadMedia } = await import("../../lib/media/upload-media.ts");
const { getMedia } = await import("../../lib/media/get-media.ts");
const { MEDIA_WIDTHS } = await import("../../lib/media/media-url.ts");
const { longArticleBody } = await import("../../tests/anchoring/support/long-article.ts");

/** The long article with 200 footnote references spread over its paragraphs, and their notes after it. */
function footnotedBody() {
  const paragraphs = longArticleBody(10).split("\n\n");
  const prose = paragraphs.map((p, i) => (p.startsWith("#") || p.startsWith("|") ? -1 : i)).filter((i) => i >= 0);
  const notes = [];
  for (let n = 1; n <= FOOTNOTES; n++) {
    const at = prose[Math.floor(((n - 1) * prose.length) / FOOTNOTES)];
    paragraphs[at] = paragraphs[at].replace(/([.;:])(\s|$)/, `$1[^${n}]$2`);
    if (!paragraphs[at].includes(`[^${n}]`)) paragraphs[at] += `[^${n}]`;
    notes.push(`[^${n}]: See the Tallinn Manual 2.0, rule ${n}, and its commentary, para ${n % 17}.`);
  }
  return `${paragraphs.join("\n\n")}\n\n${notes.join("\n")}`;
}

/** A photo-like JPEG of about 5 MB: smooth gradients under fine grain, as a camera's are. */
async function fiveMegabyteJpeg() {
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 7;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 24) - 128;
  };
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const grain = noise() >> 1;
      raw[o] = Math.max(0, Math.min(255, ((x * 255) / width + grain) | 0));
      raw[o + 1] = Math.max(0, Math.min(255, ((y * 255) / height + grain) | 0));
      raw[o + 2] = Math.max(0, Math.min(255, (128 + 60 * Math.sin(x / 90) * Math.cos(y / 70) + grain) | 0));
    }
  for (let quality = 80; quality <= 100; quality += 2) {
    const jpeg = await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .toBuffer();
    if (jpeg.length >= 5e6) return jpeg;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = (c) => (c.user + c.system) / 1000;
const kb = (n) => `${(n / 1000).toFixed(0)} kB`;

try {
  const suffix = crypto.randomBytes(4).toString("hex");
  const u = await createUser(
    { name: "Bench editor", email: `bench-editor-${suffix}@gloss.test`, password: `bench-password-${suffix}` },
    { role: "editor", trusted: true },
  );
  const editor = { id: u.id, name: u.name, email: u.email, role: u.role, status: u.status, bannedUntil: null };
  const body = footnotedBody();
  const probe = renderArticle(body);
  const refs = (probe.html.match(/data-footnote-ref/g) ?? []).length;
  console.log(
    `Scholarly benchmark: ${probe.wordCount.toLocaleString("en")}-word article, ${refs} footnote references, ${runs} runs (server ${bench.baseUrl})\n`,
  );
  if (refs !== FOOTNOTES) throw new Error(`expected ${FOOTNOTES} footnote references, rendered ${refs}`);

  // Render on publish, and the whole publish (render + revision written + article published),
  // after one untimed render: a server answering editors is warm.
  renderArticle(body.replace("Part 1", "Part 1 (warm-up)"));
  const renderTimes = [];
  const publishTimes = [];
  for (let run = 0; run < runs; run++) {
    const text = body.replace("Part 1", `Part 1 (run ${run + 1})`);
    let t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    renderArticle(text);
    renderTimes.push(ms(t0));
    const renderCpu = cpuMs(process.cpuUsage(c0));
    t0 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    await createArticle(editor, {
      title: `Footnoted ${run + 1}`,
      slug: `bench-scholarly-${suffix}-${run}`,
      body: text,
      status: "published",
    });
    publishTimes.push(ms(t0));
    console.log(
      `  run ${run + 1}: render ${renderTimes[run].toFixed(0).padStart(5)} ms (CPU ${renderCpu.toFixed(0)} ms)   whole publish ${publishTimes[run].toFixed(0).padStart(5)} ms (Node CPU ${cpuMs(process.cpuUsage(c1)).toFixed(0)} ms)`,
    );
  }
  const render = median(renderTimes);

  // A 5 MB JPEG: upload, then every variant the article's srcset names, as the first readers ask for them.
  const jpeg = await fiveMegabyteJpeg();
  const variantTimes = [];
  let sizes = {};
  for (let run = 0; run < Math.min(runs, 3); run++) {
    await db.mediaVariant.deleteMany({});
    await db.media.deleteMany({});
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    const { url, width } = await uploadMedia(editor, new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }));
    const name = url.slice("/media/".length);
    // The upload makes them; a reader's request finds each ready (made here if one were missing).
    const widths = MEDIA_WIDTHS.filter((w) => w < width);
    const variants = await Promise.all(widths.map((w) => getMedia(name, w)));
    variantTimes.push(ms(t0));
    const made = await db.mediaVariant.count();
    if (made !== widths.length) throw new Error(`expected ${widths.length} variants, found ${made}`);
    const stored = await getMedia(name);
    sizes = Object.fromEntries(widths.map((w, i) => [w, variants[i].data.length]));
    sizes.stored = stored.data.length;
    console.log(
      `  upload ${kb(jpeg.length)} JPEG (${width} px) + ${widths.length} variants: ${variantTimes[run].toFixed(0).padStart(5)} ms (Node CPU ${cpuMs(process.cpuUsage(c0)).toFixed(0)} ms; sharp's threads count in it)`,
    );
  }
  const variantsMs = median(variantTimes);
  const phoneShare = sizes[PHONE_WIDTH] / jpeg.length;
  console.log(
    `  variants: ${Object.entries(sizes)
      .map(([w, n]) => `${w === "stored" ? "stored original" : `${w} px`} ${kb(n)}`)
      .join(", ")}`,
  );

  // The reading page of the last published footnoted article, as a phone opens it.
  const lighthouse = [];
  if (!opts["no-lighthouse"]) {
    const { artifactsDir, runLighthouse } = await import("./bench-lighthouse.mjs");
    const url = `${bench.baseUrl}/articles/bench-scholarly-${suffix}-${runs - 1}`;
    const page = await fetch(url);
    if (page.status !== 200) throw new Error(`${url} answered ${page.status}`);
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      const r = await runLighthouse(url, "mobile", { reportDir: artifactsDir("scholarly", run + 1) });
      if (r.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${r.runtimeError}`);
      const cls = r.metrics["cumulative-layout-shift"].value;
      console.log(
        `  Lighthouse mobile run ${run + 1}: performance ${r.scores.performance}, accessibility ${r.scores.accessibility}, best practices ${r.scores["best-practices"]}, SEO ${r.scores.seo}; LCP ${r.metrics["largest-contentful-paint"].display}, TBT ${r.metrics["total-blocking-time"].display}, CLS ${cls}`,
      );
      lighthouse.push(r);
    }
  }
  const lhMedian = lighthouse.length
    ? [...lighthouse].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(lighthouse.length / 2)]
    : null;
  const worstCls = lighthouse.length
    ? Math.max(...lighthouse.map((r) => r.metrics["cumulative-layout-shift"].value))
    : 0;

  const rows = [
    [
      `render on publish, ${refs} footnotes (median)`,
      `${render.toFixed(0)} ms`,
      `< ${budgets.renderMs} ms`,
      render < budgets.renderMs,
    ],
    [`whole publish (median, no budget)`, `${median(publishTimes).toFixed(0)} ms`, "", null],
    [
      `5 MB JPEG upload → variants ready (median)`,
      `${variantsMs.toFixed(0)} ms`,
      `< ${budgets.variantsMs} ms`,
      variantsMs < budgets.variantsMs,
    ],
    [
      `phone variant (${PHONE_WIDTH} px) / uploaded bytes`,
      `${(phoneShare * 100).toFixed(1)}%`,
      `≤ ${budgets.phoneShare * 100}%`,
      phoneShare <= budgets.phoneShare,
    ],
    ...(lhMedian
      ? [
          [
            `footnoted page, Lighthouse mobile perf (median of ${lighthouse.length})`,
            `${lhMedian.scores.performance}`,
            `${budgets.lighthouse}`,
            lhMedian.scores.performance >= budgets.lighthouse,
          ],
          [
            `  accessibility / best practices / SEO`,
            `${lhMedian.scores.accessibility}/${lhMedian.scores["best-practices"]}/${lhMedian.scores.seo}`,
            `${budgets.lighthouse}`,
            lhMedian.scores.accessibility >= budgets.lighthouse,
          ],
          [`  cumulative layout shift (worst run)`, worstCls.toFixed(3), `${budgets.cls}`, worstCls <= budgets.cls],
        ]
      : []),
  ];
  console.log("");
  for (const [label, value, budget, ok] of rows)
    console.log(
      `  ${label.padEnd(48)} ${value.padStart(8)}   ${budget.padEnd(10)} ${ok === null ? "" : ok ? "ok" : "OVER BUDGET"}`,
    );
  const failed = rows.some(([, , , ok]) => ok === false);
  await cleanup();
  process.exit(failed && !opts["no-fail"] ? 1 : 0);
} catch (e) {
  console.error(e);
  await cleanup();
  process.exit(1);
}
