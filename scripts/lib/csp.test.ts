import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes, newNonce, nonceRequestHeader } from "./csp.mjs";

const sha = (s: string) => `'sha256-${crypto.createHash("sha256").update(s).digest("base64")}'`;

describe("content security policy", () => {
  it("allows each inline script by the hash of its exact text, never 'unsafe-inline'", () => {
    const html = `<html><script>self.__next_f=1</script><script src="/a.js"></script><script async="">b()</script>
      <script type="application/ld+json">{"@type":"Article"}</script></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha("self.__next_f=1"), sha("b()")]);
    const csp = contentSecurityPolicy({ html });
    const scriptSrc = /script-src[^;]*/.exec(csp)![0];
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).toContain(sha("b()"));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("gives non-HTML responses a deny-all policy", () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it("adds eval only in development", () => {
    expect(contentSecurityPolicy({ html: "", dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ html: "" })).not.toContain("'unsafe-eval'");
  });

  it("with a nonce, allows only the scripts that carry it: an inline script in the HTML is not hashed in", () => {
    const nonce = newNonce();
    const html = `<html><script nonce="${nonce}">self.__next_f=1</script><script>planted()</script></html>`;
    const scriptSrc = /script-src[^;]*/.exec(contentSecurityPolicy({ html, nonce }))![0];
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain(sha("planted()"));
  });

  it("makes unguessable nonces in the form Next reads from the request header", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(newNonce()).not.toBe(a);
    expect(nonceRequestHeader(a)).toBe(`script-src 'nonce-${a}'`);
  });

  it("refuses plugins, base-URL changes and cross-site form posts", () => {
    const csp = contentSecurityPolicy({ html: "<html></html>", nonce: "n" });
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
  });
});
