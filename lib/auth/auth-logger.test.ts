import { CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger } from "./auth-logger";

const lines = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map((args) => args.map(String).join(" ")).join("\n");

describe("the Auth.js logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a refused sign-in as one line without a stack", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    authLogger.error(new CredentialsSignin());
    class RateLimited extends CredentialsSignin {
      code = "rate_limited_30";
    }
    authLogger.error(new RateLimited());
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    const out = lines(warn);
    expect(out.split("\n")).toEqual([
      "[auth] sign-in refused (wrong email or password)",
      "[auth] sign-in refused (rate_limited_30)",
    ]);
    expect(out).not.toMatch(/\bat |node_modules|\.js:\d+/);
  });

  it("keeps the message and stack of an unexpected error", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    authLogger.error(new TypeError("database went away"));
    const out = lines(error);
    expect(out).toContain("[auth][error] TypeError: database went away");
    expect(out).toMatch(/\bat /);
  });
});
