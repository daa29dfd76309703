// Time is read through here so tests can move it (edit windows, rate limits, ban expiry, token expiry).
let offsetMs = 0;
let fixed: Date | null = null;

export const clock = {
  now(): Date {
    return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs);
  },
  /** Test helpers. */
  set(date: Date | null) {
    fixed = date;
  },
  advance(ms: number) {
    if (fixed) fixed = new Date(fixed.getTime() + ms);
    else offsetMs += ms;
  },
  reset() {
    fixed = null;
    offsetMs = 0;
  },
};
