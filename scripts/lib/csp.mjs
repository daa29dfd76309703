// Content-Security-Policy for a response: every inline script of an HTML page is allowed by its
// SHA-256 hash, computed from the exact bytes sent, so cached pages need no per-request nonce.
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

export function contentSecurityPolicy({ html = null, dev = false, https = false, formTargets = [] } = {}) {
  if (html === null) return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const scripts = ["'self'", ...inlineScriptHashes(html), ...(dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.length ? " " + formTargets.join(" ") : ""}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
