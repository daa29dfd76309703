import { type Browser, expect, type Page } from "@playwright/test";
import { runSeed } from "../fixtures/run-seed";
import { signIn, type TestUser } from "../fixtures/users";

export type QueueSeedItem = {
  author: string;
  body: string;
  type?: "comment" | "annotation";
  status?: "pending" | "approved" | "spam" | "trash";
  reasons?: string[];
  parent?: number;
  reports?: { by: string; reason: "spam" | "harassment" | "off_topic" | "other"; note?: string }[];
};

/** A fresh article with contributions already in the queue (tests/seed/bin/moderation-queue.ts). */
export function seedQueue(items: QueueSeedItem[]): { slug: string; ids: string[] } {
  return runSeed("moderation-queue", { items });
}

/** A second signed-in browser (another person at another desk). */
export async function signedInPage(browser: Browser, user: Pick<TestUser, "email" | "password">): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/** One queue item, found by a piece of its text. */
export const queueItem = (page: Page, text: string) =>
  page.locator("article[data-queue-item]").filter({ hasText: text });

/** The queue's status line after an action. */
export const queueStatus = (page: Page) => page.locator("#queue-panel [role=status]");

/** Opens the audit log and expects, for each list of texts, an entry showing all of them. */
export async function expectLogEntries(page: Page, ...entries: (string | RegExp)[][]) {
  await page.goto("/moderation/log");
  for (const texts of entries) {
    let entry = page.getByRole("list", { name: "Audit log entries" }).locator(":scope > li");
    for (const t of texts) entry = entry.filter({ hasText: t });
    await expect(entry.first()).toBeVisible();
  }
}

export const expectLogEntry = (page: Page, ...texts: (string | RegExp)[]) => expectLogEntries(page, texts);
