import { describe, expect, it } from "vitest";
import { formatUtc, formatUtcDay } from "./format-utc";

describe("formatUtc", () => {
  it("writes day, short month, year and a 24-hour UTC time", () => {
    expect(formatUtc(new Date("2026-11-27T04:34:59Z"))).toBe("27 Nov 2026, 04:34 UTC");
  });

  it("takes an ISO string as well as a Date", () => {
    expect(formatUtc("2026-11-27T23:59:00-02:00")).toBe("28 Nov 2026, 01:59 UTC");
  });

  it("adds the seconds when asked (the audit log)", () => {
    expect(formatUtc(new Date("2026-11-27T04:34:59Z"), { seconds: true })).toBe("27 Nov 2026, 04:34:59 UTC");
  });
});

describe("formatUtcDay", () => {
  it("writes the UTC day alone, as formatUtc starts", () => {
    const d = new Date("2026-11-27T23:30:00Z");
    expect(formatUtcDay(d)).toBe("27 Nov 2026");
    expect(formatUtc(d).startsWith(`${formatUtcDay(d)},`)).toBe(true);
  });
});
