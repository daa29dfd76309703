import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { defaultSettings, getSettings, type Settings, setSetting } from "@/lib/settings/get-settings";
import { authenticateWithPassword, wrongCredentialsMessage } from "@/lib/users/authenticate-with-password";
import { uniqueEmail, uniqueIp } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeOf(attempt: () => Promise<unknown>) {
  const started = performance.now();
  await attempt().catch(() => {});
  return performance.now() - started;
}

/** Runs `body` with a lowered setting, then puts back exactly what was there before. */
async function withSetting<K extends keyof Settings>(key: K, value: Settings[K], body: () => Promise<void>) {
  const before = await db.setting.findUnique({ where: { key } });
  await setSetting(key, value);
  try {
    await body();
  } finally {
    if (before) await db.setting.update({ where: { key }, data: { value: before.value as object } });
    else await db.setting.deleteMany({ where: { key } });
  }
}

describe("authenticateWithPassword", () => {
  it("returns the user for the right password, with the email in any case", async () => {
    const { viewer, password } = await createTestUser({ name: "Right Password", label: "auth" });
    const user = await authenticateWithPassword({ email: ` ${viewer.email.toUpperCase()} `, password }, uniqueIp());
    expect(user).toEqual({ id: viewer.id, name: "Right Password", email: viewer.email });
  });

  it("gives a wrong password and an unknown email the very same answer", async () => {
    const { viewer } = await createTestUser({ label: "same" });
    const wrong = await expectAppError(
      authenticateWithPassword({ email: viewer.email, password: "not-the-password" }, uniqueIp()),
      "unauthorized",
    );
    const unknown = await expectAppError(
      authenticateWithPassword({ email: uniqueEmail("nobody"), password: "not-the-password" }, uniqueIp()),
      "unauthorized",
    );
    expect(wrong.message).toBe(wrongCredentialsMessage);
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.fields).toEqual(wrong.fields);
    expect(unknown.status).toBe(wrong.status);
  });

  it("refuses malformed input with the same answer", async () => {
    const error = await expectAppError(authenticateWithPassword({ email: 42 }, uniqueIp()), "unauthorized");
    expect(error.message).toBe(wrongCredentialsMessage);
  });

  it("spends about the same time on an unknown email as on a wrong password (both hash)", async () => {
    // Two accounts, so that no account reaches the limit of five failures (warm-up + 3, and 2).
    const accounts = [
      (await createTestUser({ label: "timing-a" })).viewer,
      (await createTestUser({ label: "timing-b" })).viewer,
    ];
    // Warm up both paths (the dummy hash for unknown emails is made on first use).
    await timeOf(() =>
      authenticateWithPassword({ email: uniqueEmail("warm"), password: "warm-up-password" }, uniqueIp()),
    );
    await timeOf(() =>
      authenticateWithPassword({ email: accounts[0].email, password: "warm-up-password" }, uniqueIp()),
    );

    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      const { email } = accounts[round % 2];
      unknownTimes.push(
        await timeOf(() =>
          authenticateWithPassword({ email: uniqueEmail("t"), password: "some-wrong-password" }, uniqueIp()),
        ),
      );
      wrongTimes.push(
        await timeOf(() => authenticateWithPassword({ email, password: "some-wrong-password" }, uniqueIp())),
      );
    }
    const unknown = median(unknownTimes);
    const wrong = median(wrongTimes);
    // A real argon2id verification takes milliseconds, not microseconds.
    expect(unknown).toBeGreaterThan(3);
    expect(wrong).toBeGreaterThan(3);
    expect(Math.max(unknown, wrong) / Math.min(unknown, wrong)).toBeLessThan(3);
  });

  it("locks an account after 5 failures, even for the right password from another IP, until the window passes", async () => {
    const settings = await getSettings();
    expect(settings.signInAccountLimit).toEqual(defaultSettings.signInAccountLimit);
    const { limit, windowMs } = settings.signInAccountLimit;
    expect(limit).toBe(5);
    const { viewer, password } = await createTestUser({ label: "lock" });

    for (let attempt = 0; attempt < limit; attempt++) {
      // Alternate the case: the limit counts the account, not the spelling.
      const email = attempt % 2 ? viewer.email.toUpperCase() : viewer.email;
      await expectAppError(
        authenticateWithPassword({ email, password: `wrong-password-${attempt}` }, uniqueIp()),
        "unauthorized",
      );
    }

    const locked = await expectAppError(
      authenticateWithPassword({ email: viewer.email, password }, uniqueIp()),
      "rate_limited",
    );
    expect(locked.status).toBe(429);
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.retryAfterSeconds).toBeLessThanOrEqual(windowMs / 1000);
    expect(locked.message).toContain(`Try again in ${locked.retryAfterSeconds} s`);

    // Still locked a little before the window ends, with a shorter wait.
    clock.advance(windowMs - 60_000);
    const later = await expectAppError(
      authenticateWithPassword({ email: viewer.email, password }, uniqueIp()),
      "rate_limited",
    );
    expect(later.retryAfterSeconds).toBeGreaterThan(0);
    expect(later.retryAfterSeconds).toBeLessThanOrEqual(60);

    clock.advance(61_000);
    expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("holds the account limit against a burst of concurrent guesses", async () => {
    const { viewer, password } = await createTestUser({ label: "burst" });
    const { limit } = (await getSettings()).signInAccountLimit;
    const guesses = Array.from({ length: 20 }, (_, i) =>
      authenticateWithPassword({ email: viewer.email, password: `burst-guess-${i}` }, uniqueIp()).then(
        () => "signed in",
        (e: { code?: string }) => e.code,
      ),
    );
    const outcomes = await Promise.all(guesses);
    // At most `limit` guesses were checked against the password; the rest were refused unchecked.
    expect(outcomes.filter((o) => o === "unauthorized").length).toBeLessThanOrEqual(limit);
    expect(outcomes.filter((o) => o === "rate_limited").length).toBeGreaterThanOrEqual(20 - limit);
    await expectAppError(authenticateWithPassword({ email: viewer.email, password }, uniqueIp()), "rate_limited");
  });

  it("holds the IP limit against a burst of concurrent guesses", async () => {
    await withSetting("signInIpLimit", { limit: 4, windowMs: 60_000 }, async () => {
      const ip = uniqueIp();
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () =>
          authenticateWithPassword({ email: uniqueEmail("ipburst"), password: "wrong-password" }, ip).then(
            () => "signed in",
            (e: { code?: string }) => e.code,
          ),
        ),
      );
      expect(outcomes.filter((o) => o === "unauthorized").length).toBeLessThanOrEqual(4);
      expect(outcomes.filter((o) => o === "rate_limited").length).toBeGreaterThanOrEqual(8);
    });
  });

  it("does not count successful sign-ins against the IP", async () => {
    await withSetting("signInIpLimit", { limit: 3, windowMs: 60_000 }, async () => {
      const { viewer, password } = await createTestUser({ label: "office" });
      const ip = uniqueIp();
      for (let i = 0; i < 6; i++)
        expect(await authenticateWithPassword({ email: viewer.email, password }, ip)).toMatchObject({ id: viewer.id });
      await expectAppError(
        authenticateWithPassword({ email: viewer.email, password: "wrong-password" }, ip),
        "unauthorized",
      );
      expect(await authenticateWithPassword({ email: viewer.email, password }, ip)).toMatchObject({ id: viewer.id });
    });
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const { viewer, password } = await createTestUser({ label: "reset" });
    for (let attempt = 0; attempt < 4; attempt++)
      await expectAppError(
        authenticateWithPassword({ email: viewer.email, password: "wrong-password" }, uniqueIp()),
        "unauthorized",
      );
    await authenticateWithPassword({ email: viewer.email, password }, uniqueIp());
    for (let attempt = 0; attempt < 4; attempt++)
      await expectAppError(
        authenticateWithPassword({ email: viewer.email, password: "wrong-password" }, uniqueIp()),
        "unauthorized",
      );
    expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
      id: viewer.id,
    });
  });

  it("locks an IP after its limit of failures across accounts, and lets other IPs through", async () => {
    const { viewer, password } = await createTestUser({ label: "ip" });
    const windowMs = 10 * 60_000;
    await withSetting("signInIpLimit", { limit: 3, windowMs }, async () => {
      const ip = uniqueIp();
      // Failures on three different accounts: no single account reaches its own limit.
      await expectAppError(
        authenticateWithPassword({ email: uniqueEmail("ip-a"), password: "wrong-password" }, ip),
        "unauthorized",
      );
      await expectAppError(
        authenticateWithPassword({ email: uniqueEmail("ip-b"), password: "wrong-password" }, ip),
        "unauthorized",
      );
      await expectAppError(
        authenticateWithPassword({ email: viewer.email, password: "wrong-password" }, ip),
        "unauthorized",
      );

      const locked = await expectAppError(
        authenticateWithPassword({ email: viewer.email, password }, ip),
        "rate_limited",
      );
      expect(locked.retryAfterSeconds).toBeGreaterThan(0);
      expect(locked.retryAfterSeconds).toBeLessThanOrEqual(windowMs / 1000);
      expect(locked.message).toContain(`Try again in ${locked.retryAfterSeconds} s`);

      // The same account from another IP is fine: only this IP is locked.
      expect(await authenticateWithPassword({ email: viewer.email, password }, uniqueIp())).toMatchObject({
        id: viewer.id,
      });

      clock.advance(windowMs + 1_000);
      expect(await authenticateWithPassword({ email: viewer.email, password }, ip)).toMatchObject({ id: viewer.id });
    });
    expect((await getSettings()).signInIpLimit).toEqual(defaultSettings.signInIpLimit);
  });
});
