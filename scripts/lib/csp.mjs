// Content-Security-Policy for a response. Production pages allow the scripts Next.js emitted and
// nothing else: scripts/server.mjs hands Next a fresh nonce for each render (through the request's
// Content-Security-Policy header, which Next reads) and Next puts it on every script it writes;
// a script that reached the HTML any other way (say through a sanitizer's hole) has no nonce and
// does not run. A cached page keeps the nonce of its render: any change to what the page shows
// makes a new render with a new nonce, so no one can write content that carries the nonce of the
// page it will appear in. (Hashing the final HTML's inline scripts, as before, would have allowed
// an injected one too.) The dev server, whose tooling injects scripts of its own, keeps hashes.
import crypto from "node:crypto";

const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const dataBlock = /\btype\s*=\s*["']?(application\/(ld\+)?json)/i;

export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const m of html.matchAll(inlineScript)) {
    const [, attrs, body] = m;
    if (/\bsrc\s*=/i.test(attrs) || dataBlock.test(attrs)) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** A fresh nonce for one render. */
export function newNonce() {
  return crypto.randomBytes(18).toString("base64url");
}

/** The request header that tells Next which nonce to put on the scripts it renders. */
export function nonceRequestHeader(nonce) {
  return `script-src 'nonce-${nonce}'`;
}

export function contentSecurityPolicy({
  html = null,
  nonce = null,
  dev = false,
  https = false,
  formTargets = [],
} = {}) {
  if (html === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const scripts = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`] : inlineScriptHashes(html)),
    ...(dev ? ["'unsafe-eval'"] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${formTargets.length ? " " + formTargets.join(" ") : ""}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
