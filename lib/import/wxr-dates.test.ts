import { describe, expect, it } from "vitest";
import { firstDate, parseRssDate, parseWpDate } from "./wxr-dates";

describe("WordPress dates", () => {
  it("reads the date columns as UTC, odd spacing and short fields included", () => {
    expect(parseWpDate("2024-02-15 08:30:00")?.toISOString()).toBe("2024-02-15T08:30:00.000Z");
    expect(parseWpDate("2024-3-5 7:08:09")?.toISOString()).toBe("2024-03-05T07:08:09.000Z");
    expect(parseWpDate(" 2024-03-05T07:08 ")?.toISOString()).toBe("2024-03-05T07:08:00.000Z");
    expect(parseWpDate("2024-03-05")?.toISOString()).toBe("2024-03-05T00:00:00.000Z");
  });

  it("treats zero, impossible and empty dates as none", () => {
    for (const value of [
      "0000-00-00 00:00:00",
      "2023-02-30 10:00:00",
      "2024-13-01 00:00:00",
      "2024-01-01 24:00:00",
      "",
      "yesterday",
    ])
      expect(parseWpDate(value)).toBeNull();
    expect(parseRssDate("Wed, 30 Nov -0001 00:00:00 +0000")).toBeNull();
    expect(parseRssDate("")).toBeNull();
  });

  it("falls back from the GMT column to the RSS date, then to the local column", () => {
    expect(firstDate("0000-00-00 00:00:00", "Thu, 15 Feb 2024 08:30:00 +0100", "")?.toISOString()).toBe(
      "2024-02-15T07:30:00.000Z",
    );
    expect(firstDate("", "Wed, 30 Nov -0001 00:00:00 +0000", "2024-01-01 12:00:00")?.toISOString()).toBe(
      "2024-01-01T12:00:00.000Z",
    );
    expect(firstDate("", "", "")).toBeNull();
  });
});
