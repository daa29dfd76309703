import { clock } from "@/lib/clock";

// The clock of the feed, archive and search tests (their data comes from tests/seed/). They run
// with the clock in 2100 and date their articles late in the 2090s, so what they publish is the
// newest content whatever other tests made.
export const testNow = new Date("2100-01-01T00:00:00Z");
export const useTestClock = () => clock.set(testNow);
