// The client's address as scripts/server.mjs saw it on the socket (it overwrites any value a client sends).
export function clientIp(headers: Headers): string {
  return headers.get("x-gloss-client-ip") ?? "unknown";
}
