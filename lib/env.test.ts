import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/gloss", AUTH_SECRET: "x".repeat(40) };

describe("parseEnv", () => {
  it("accepts a minimal environment and fills defaults", () => {
    const r = parseEnv(valid);
    expect("env" in r && r.env.PORT).toBe(3000);
    expect("env" in r && r.env.GLOSS_DATA_DIR).toBe(".data");
    expect("env" in r && [r.env.WEB_CONCURRENCY, r.env.TRUST_PROXY, r.env.LOG_FORMAT, r.env.METRICS_TOKEN]).toEqual([
      1,
      0,
      "text",
      undefined,
    ]);
  });

  it.each([
    [{ DATABASE_URL: undefined }, /^DATABASE_URL: is required/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: must be a postgresql:\/\/ URL/],
    [{ PORT: "70000" }, /^PORT: /],
    [{ PORT: "abc" }, /^PORT: /],
    [{ AUTH_SECRET: "short" }, /^AUTH_SECRET: must be at least 32 characters/],
    [{ AUTH_URL: "ftp://example.org" }, /^AUTH_URL: /],
    [{ ADMIN_EMAIL: "not-an-email", ADMIN_PASSWORD: "long-enough-pw" }, /^ADMIN_EMAIL: /],
    [{ ADMIN_EMAIL: "a@b.co" }, /^ADMIN_PASSWORD: set both/],
    [{ SMTP_URL: "http://mail" }, /^SMTP_URL: /],
    [{ GLOSS_MODE: "production" }, /^SMTP_URL: must be set/],
    [{ WEB_CONCURRENCY: "0" }, /^WEB_CONCURRENCY: must be at least 1/],
    [{ WEB_CONCURRENCY: "many" }, /^WEB_CONCURRENCY: /],
    [{ TRUST_PROXY: "-1" }, /^TRUST_PROXY: must be 0 or more/],
    [{ LOG_FORMAT: "xml" }, /^LOG_FORMAT: must be text or json/],
    [{ METRICS_TOKEN: "short" }, /^METRICS_TOKEN: must be at least 16 characters/],
  ])("names the bad variable in one line: %o", (override, message) => {
    const r = parseEnv({ ...valid, ...override });
    expect("error" in r).toBe(true);
    if ("error" in r) {
      expect(r.error).toMatch(message);
      expect(r.error.split("\n")).toHaveLength(1);
    }
  });

  it("treats empty strings as unset", () => {
    const r = parseEnv({ ...valid, SMTP_URL: "", AUTH_URL: "" });
    expect("env" in r).toBe(true);
  });
});
