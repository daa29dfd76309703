import { describe, expect, it } from "vitest";
import { formatUtc } from "./format-utc";

describe("formatUtc", () => {
  it("writes day, short month, year and a 24-hour UTC time", () => {
    expect(formatUtc(new Date("2026-11-27T04:34:59Z"))).toBe("27 Nov 2026, 04:34 UTC");
  });
});
