// The first paint never waits for (or races with) the app's JavaScript.
//
// Next.js writes its chunk scripts as `<script src="/_next/static/chunks/…" async>` in the head
// (and the entry chunk at the end of the body). Async scripts run as soon as they arrive, which on
// a fast connection is before the first paint: the page's ~170 kB of hydration code then runs in
// the same few milliseconds as the paint, and Lighthouse's simulation of a phone on slow 4G counts
// every script that started before the observed paint as something the paint waited for (README ›
// Speed, "Why the article page's Lighthouse mobile score swings").
//
// `deferChunkScripts` rewrites a rendered page: those tags (and Next's preload of the entry chunk)
// are taken out, and one small inline loader, carrying the render's CSP nonce, appends the same
// scripts, in the same order and with the same `src`, once the page's largest contentful paint is
// on screen (see `loaderScript`). Turbopack's runtime finds them by `src` (it never loads a chunk
// twice) and React hydrates as before, a little later. A tab opened in the background (no frames
// until it is shown) loads them at once. Without JavaScript nothing changes: the page is server
// HTML either way.
//
// No `<link rel="preload">` for them, measured (2026-12-07): with the downloads started early but
// run after the paint, Lighthouse still counted ~130 kB of them in the simulated LCP (2.6 s): Lantern
// drops tasks under 10 ms from its graph, so it cannot see that a small chunk ran after the paint,
// and keeps every script that finished before it. Fetched after the paint, they cannot count.
//
// Works on the Buffer as Next wrote it; only the tags are decoded (the body of a 300 kB page is not).

const scriptOpen = Buffer.from("<script ");
const linkOpen = Buffer.from("<link ");
const closeTag = "</script>";
const bodyEnd = Buffer.from("</body>");
const headEnd = Buffer.from("</head>");

/** `src` of a tag that is one of the async chunk scripts Next wrote for this render (it carries the
 * render's nonce); nothing for anything else. */
function chunkSource(tag, nonce) {
  if (!tag.includes(` nonce="${nonce}"`)) return null;
  if (!/^<script\s[^>]*\basync(?:=""|\b)[^>]*>$/i.test(tag)) return null;
  if (/\b(?:nomodule|type|integrity|crossorigin)\b/i.test(tag)) return null;
  const src = /\ssrc="(\/_next\/static\/[^"<>\s]+\.js)"/.exec(tag)?.[1];
  return src ?? null;
}

/** A value as JSON inside a <script> element: `<`, U+2028/9 escaped so it cannot end the element. */
export function scriptString(value) {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The inline loader: appends `sources`, in order, in the first task after the page's largest
 * contentful paint has been presented — Chrome and Firefox report it to a PerformanceObserver
 * ("largest-contentful-paint"; Safari: "paint", first-contentful-paint) only once the frame is on
 * screen, which two animation frames alone did not guarantee on a busy machine (the painted frame
 * was presented after the second frame had begun). Where neither is reported, two animation
 * frames. At once in a hidden tab (it paints nothing until shown) and on a page whose body has
 * nothing to paint before its scripts run (Next's 404 page: its HTML body is a hidden div and
 * scripts, React draws the rest — waiting for a paint there cost the 4 s fallback). After
 * `fallbackMs` whatever happened, so a page whose paint is never reported still hydrates.
 */
export function loaderScript(sources, fallbackMs = 4000) {
  return (
    '(function(d,s){var done=0,N=(d.currentScript&&d.currentScript.nonce)||"",' +
    'V="body>:not(script):not(template):not(style):not(link):not([hidden])";' +
    'function go(){if(done)return;done=1;for(var i=0;i<s.length;i++){var e=d.createElement("script");' +
    "e.src=s[i];e.async=true;if(N)e.nonce=N;d.body.appendChild(e)}}" +
    "function later(){setTimeout(go,0)}" +
    'if(d.visibilityState==="hidden"||!d.querySelector(V))return go();' +
    'd.addEventListener("visibilitychange",function(){if(d.visibilityState==="hidden")go()});' +
    `setTimeout(go,${Number(fallbackMs)});` +
    "var P=self.PerformanceObserver,t=(P&&P.supportedEntryTypes)||[]," +
    'k=t.indexOf("largest-contentful-paint")>=0?"largest-contentful-paint":t.indexOf("paint")>=0?"paint":"";' +
    "if(k)try{var o=new P(function(l){var e=l.getEntries();for(var i=0;i<e.length;i++)" +
    'if(k!=="paint"||e[i].name==="first-contentful-paint"){o.disconnect();return later()}});' +
    "o.observe({type:k,buffered:true});return}catch(x){}" +
    'if(typeof requestAnimationFrame==="function")requestAnimationFrame(function(){requestAnimationFrame(later)});else later()' +
    `})(document,[${sources.map(scriptString).join(",")}])`
  );
}

/**
 * The page with Next's async chunk scripts started after its largest contentful paint. `nonce` is
 * this render's CSP nonce (the loader must carry it); without one, or when the page has no chunk
 * script or no `</body>`, the page is returned unchanged.
 * @param {Buffer} body
 * @param {string | null | undefined} nonce
 * @returns {Buffer}
 */
export function deferChunkScripts(body, nonce) {
  if (!nonce || !/^[A-Za-z0-9+/_=-]+$/.test(nonce)) return body;
  const end = body.lastIndexOf(bodyEnd);
  if (end < 0) return body;
  /** [start, end) byte ranges to leave out, and the chunk sources in document order */
  const cuts = [];
  const sources = [];
  for (let at = body.indexOf(scriptOpen); at >= 0 && at < end; at = body.indexOf(scriptOpen, at + 1)) {
    const tagEnd = body.indexOf(">", at);
    if (tagEnd < 0) break;
    const src = chunkSource(body.toString("latin1", at, tagEnd + 1), nonce);
    if (!src || body.toString("latin1", tagEnd + 1, tagEnd + 1 + closeTag.length) !== closeTag) continue;
    cuts.push([at, tagEnd + 1 + closeTag.length]);
    if (!sources.includes(src)) sources.push(src);
  }
  if (!sources.length) return body;
  // Next's own `<link rel="preload" as="script">` of the entry chunk goes too (see the file's comment).
  const headStop = body.indexOf(headEnd);
  for (let at = body.indexOf(linkOpen); at >= 0 && at < headStop; at = body.indexOf(linkOpen, at + 1)) {
    const tagEnd = body.indexOf(">", at);
    if (tagEnd < 0) break;
    const tag = body.toString("latin1", at, tagEnd + 1);
    if (!/\brel="preload"/i.test(tag) || !/\bas="script"/i.test(tag)) continue;
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (href && sources.includes(href)) cuts.push([at, tagEnd + 1]);
  }
  cuts.sort((x, y) => x[0] - y[0]);
  const parts = [];
  let from = 0;
  for (const [start, stop] of cuts) {
    parts.push(body.subarray(from, start));
    from = stop;
  }
  parts.push(body.subarray(from, end));
  parts.push(Buffer.from(`<script nonce="${nonce}">${loaderScript(sources)}</script>`));
  parts.push(body.subarray(end));
  return Buffer.concat(parts);
}
