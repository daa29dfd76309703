import { describe, expect, it } from "vitest";
import { knownTimeZone, scheduledMessage } from "./schedule-text";

describe("the schedule's confirmation", () => {
  const at = new Date("2030-01-15T04:30:00Z");
  it("names the time in the editor's zone and in UTC", () => {
    expect(scheduledMessage(at, "Asia/Kolkata")).toBe(
      "Scheduled: it goes live on 15 Jan 2030, 10:00 (Asia/Kolkata), that is 15 Jan 2030, 04:30 UTC.",
    );
    expect(scheduledMessage(new Date("2030-07-01T08:00:00Z"), "America/New_York")).toBe(
      "Scheduled: it goes live on 1 Jul 2030, 04:00 (America/New_York), that is 1 Jul 2030, 08:00 UTC.",
    );
  });
  it("says UTC once for a UTC editor or an unknown zone", () => {
    for (const zone of ["UTC", null, "Mars/Olympus", "", "x".repeat(100)])
      expect(scheduledMessage(at, zone)).toBe("Scheduled: it goes live on 15 Jan 2030, 04:30 UTC.");
    expect(knownTimeZone(42)).toBeNull();
  });
});
