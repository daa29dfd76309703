import { afterAll, afterEach } from "vitest";
import { clock } from "@/lib/clock";
import { closeDb } from "@/lib/db";

// Integration tests talk to the real PostgreSQL that `npm test -- integration` creates for them.
if (!process.env.DATABASE_URL) {
  throw new Error(
    "DATABASE_URL is not set: run the integration tests with `npm test -- integration`, which starts a throw-away PostgreSQL, migrates it and sets DATABASE_URL.",
  );
}

afterEach(() => clock.reset());
afterAll(() => closeDb());
