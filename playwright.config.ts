import { defineConfig, devices } from "@playwright/test";

// Run through `npm test` (or `npm run test:e2e`), which builds, starts the production server on a
// fresh database and sets E2E_BASE_URL; Chromium is Debian's (/usr/bin/chromium), never downloaded.
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  // CI (a shared two-core machine, two workers beside two servers) allows one retry; `npm test` names
  // every test that needed it ("Flaky") so it is seen and fixed. Locally a failure is a failure.
  retries: Number(process.env.GLOSS_E2E_RETRIES ?? (process.env.CI ? 1 : 0)),
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
