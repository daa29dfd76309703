// The client's address as scripts/server.mjs saw it on the socket (it overwrites any value a client sends).
export function clientIp(headers: Headers): string {
  return headers.get("x-gloss-client-ip") ?? "unknown";
}

/**
 * Are Auth.js's cookies Secure (`__Secure-` / `__Host-` names) for this request? When the public
 * URL (AUTH_URL) is https, or when a trusted proxy (TRUST_PROXY) says the client came over https:
 * scripts/server.mjs sets x-gloss-client-proto from X-Forwarded-Proto only then, and overwrites
 * whatever a client sends.
 */
export function usesSecureCookies(headers: Headers | null | undefined): boolean {
  if ((process.env.AUTH_URL ?? "").startsWith("https:")) return true;
  return headers?.get("x-gloss-client-proto") === "https";
}
