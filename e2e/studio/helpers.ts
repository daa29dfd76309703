import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { repoRoot } from "../fixtures/env";
import { uniqueSuffix } from "../fixtures/users";

/** The seed article's Markdown body (its source file without the front matter). */
export function seedMarkdown(): string {
  const source = fs.readFileSync(path.join(repoRoot, "prisma", "seed", "seed-article.md"), "utf8");
  return source.replace(/^---\n[\s\S]*?\n---\n/, "").trim();
}

/** Cookie-authenticated API writes carry the site's own Origin. */
const origin = (page: Page) => new URL(page.url()).origin;

/** Creates and publishes an article through the API as the signed-in editor; returns its slug. */
export async function publishViaApi(page: Page, body: string, title = `Studio copy ${uniqueSuffix()}`) {
  const response = await page.request.post("/api/articles", {
    headers: { Origin: origin(page) },
    data: { title, body, status: "published" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).slug as string;
}

/** Writes a public note on `exact` through the W3C annotation API as the signed-in user; returns its id. */
export async function annotateViaApi(page: Page, slug: string, exact: string, note: string) {
  const response = await page.request.post(`/api/annotations/${slug}/`, {
    headers: {
      Origin: origin(page),
      "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    },
    data: JSON.stringify({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "Annotation",
      motivation: "commenting",
      target: { selector: { type: "TextQuoteSelector", exact } },
      body: { type: "TextualBody", value: note, format: "text/markdown" },
    }),
  });
  expect(response.status(), await response.text()).toBe(201);
  return String((await response.json()).id)
    .split("/")
    .filter(Boolean)
    .at(-1)!;
}

/** Each note's anchoring state, as the annotation API reports it. */
export async function noteStates(page: Page, slug: string): Promise<Record<string, string>> {
  const response = await page.request.get(`/api/annotations/${slug}/`, { headers: { Accept: "application/ld+json" } });
  expect(response.ok()).toBe(true);
  const collection = await response.json();
  const items: { id: string; state: string }[] = collection.first?.items ?? [];
  return Object.fromEntries(items.map((a) => [a.id.split("/").filter(Boolean).at(-1)!, a.state]));
}

/** The editor's save indicator (an aria-live status next to the heading). */
export const saveStatus = (page: Page) =>
  page.getByRole("status").filter({ hasText: /^(Saved|Saving…|Unsaved changes…?|Not saved|Saved as a draft.*)$/ });
