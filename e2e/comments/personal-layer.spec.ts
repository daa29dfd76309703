import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { articlePath, commentsRegion, seedDiscussion } from "../fixtures/discussion";
import { createUser, signIn, type TestUser, uniqueSuffix } from "../fixtures/users";

// The article page is one HTML for every viewer (cached and shared, signed in or not); what is
// personal arrives from GET /api/me/articles/{slug} after the page. These check that nothing
// personal ever enters the shared page, and that each reader still sees what is theirs.
test.describe.configure({ timeout: 90_000 });

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user.email, user.password);
  return page;
}

/**
 * The page's HTML as the server sends it to this requester (cookies included), with its render's
 * CSP nonce blanked: each render has a fresh one (scripts/lib/csp.mjs), and a render may happen
 * between two requests whenever another test publishes. Everything else must be byte for byte.
 */
async function html(request: APIRequestContext, path: string) {
  const response = await request.get(path, { headers: { "Accept-Encoding": "identity" } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  const nonce = /'nonce-([A-Za-z0-9_-]+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  return nonce ? text.replaceAll(nonce, "NONCE") : text;
}

test("two readers and an anonymous one get the same bytes, with nothing personal in them", async ({
  browser,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const newcomer = createUser("newcomer", "commenter", { trusted: false });
  const editor = createUser("editor", "editor");
  const { slug } = seedDiscussion({ comments: [] });
  const path = articlePath(slug);
  const held = `Held words of a newcomer ${uniqueSuffix()}.`;
  const note = `A private thought ${uniqueSuffix()}.`;

  const newcomerPage = await signedInPage(browser, newcomer);
  const posted = await newcomerPage.request.post(`/api/articles/${slug}/comments`, {
    headers: { Origin: origin },
    data: { body: held },
  });
  expect(posted.status()).toBe(202);
  const heldId = (await posted.json()).id as string;
  const annotation = await newcomerPage.request.post(`/api/annotations/${slug}/`, {
    headers: { Origin: origin, "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    data: {
      type: "Annotation",
      motivation: "commenting",
      audience: "private",
      bodyValue: note,
      target: {
        source: `${origin}${path}`,
        selector: { type: "TextQuoteSelector", exact: "short article for a discussion test" },
      },
    },
  });
  expect(annotation.status()).toBe(201);
  const editorPage = await signedInPage(browser, editor);
  const anonymous = await (await browser.newContext()).newPage();

  // One page for all three: the same bytes (so the cache may serve it to everyone).
  // (Other tests publish articles in parallel, which re-renders every page — the previous/next
  // links change — so the three are read again until they come from one state of the site.)
  let pages = { newcomer: "", editor: "", anonymous: "" };
  for (let attempt = 0; attempt < 5; attempt++) {
    pages = {
      newcomer: await html(newcomerPage.request, path),
      editor: await html(editorPage.request, path),
      anonymous: await html(anonymous.request, path),
    };
    if (pages.newcomer === pages.anonymous && pages.editor === pages.anonymous) break;
  }
  expect(pages.newcomer).toBe(pages.anonymous);
  expect(pages.editor).toBe(pages.anonymous);
  for (const foreign of [
    newcomer.name,
    newcomer.email,
    editor.name,
    editor.email,
    held,
    heldId,
    note,
    'href="/studio"',
    'href="/moderation"',
    "Sign out",
  ])
    expect(pages.anonymous, `the shared page must not contain ${foreign}`).not.toContain(foreign);

  // Each personal layer carries its owner's data only, and is never stored by a shared cache.
  const mine = await newcomerPage.request.get(`/api/me/articles/${slug}`);
  expect(mine.headers()["cache-control"]).toBe("private, no-store");
  const mineText = await mine.text();
  expect(mineText).toContain(held);
  expect(mineText).toContain(newcomer.name);
  expect(mineText).toContain(note);
  const theirs = await (await editorPage.request.get(`/api/me/articles/${slug}`)).text();
  expect(JSON.parse(theirs).viewer.links.map((l: { label: string }) => l.label)).toEqual(["Studio", "Moderation"]);
  const nobody = await (await anonymous.request.get(`/api/me/articles/${slug}`)).text();
  expect(JSON.parse(nobody).viewer).toBeNull();
  for (const text of [theirs, nobody])
    for (const foreign of [held, heldId, note, newcomer.email, newcomer.name]) expect(text).not.toContain(foreign);
  expect(nobody).not.toContain(editor.name);
});

test("a reader's page shows their own held comment and Edit; the anonymous page and another reader's show neither", async ({
  browser,
}) => {
  const newcomer = createUser("held-author", "commenter", { trusted: false });
  const other = createUser("other-reader", "commenter");
  const { slug } = seedDiscussion({});
  const body = `My first words, held ${uniqueSuffix()}.`;

  const page = await signedInPage(browser, newcomer);
  await page.goto(articlePath(slug));
  await commentsRegion(page).getByLabel("Comment", { exact: true }).fill(body);
  await commentsRegion(page).getByRole("button", { name: "Post comment", exact: true }).click();
  const mine = commentsRegion(page).locator("article[id^='comment-']").filter({ hasText: body });
  await expect(mine).toBeVisible();
  await expect(mine.getByText("awaiting moderation")).toBeVisible();
  await expect(mine.locator("[data-hold-reason]")).toContainText("first contribution");
  await expect(mine.getByRole("button", { name: "Edit", exact: true })).toBeVisible();

  // After a reload, from the shared page plus the personal layer.
  await page.reload();
  const again = commentsRegion(page).locator("article[id^='comment-']").filter({ hasText: body });
  await expect(again.getByText("awaiting moderation")).toBeVisible();
  await expect(again.getByRole("button", { name: "Edit", exact: true })).toBeVisible();
  await expect(commentsRegion(page).getByRole("heading", { name: "Comments (1)" })).toBeVisible();

  const otherPage = await signedInPage(browser, other);
  await otherPage.goto(articlePath(slug));
  await expect(
    otherPage.getByRole("navigation", { name: "Account" }).getByRole("button", { name: `Account: ${other.name}` }),
  ).toBeVisible();
  await expect(commentsRegion(otherPage).getByLabel("Comment", { exact: true })).toBeVisible();
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(articlePath(slug));
  await expect(commentsRegion(anonymous).getByRole("link", { name: "Sign in to comment" })).toBeVisible();
  for (const p of [otherPage, anonymous]) {
    await expect(commentsRegion(p).getByText(body)).toHaveCount(0);
    await expect(commentsRegion(p).getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(commentsRegion(p).getByRole("heading", { name: "Comments (0)" })).toBeVisible();
  }
});

// Issue 18, item 1: the second top-level comment used to redirect to the same ?page=1 with only
// a new #fragment, which the router treated as an in-page jump — the list did not change.
test("a reader's second top-level comment appears, and the count follows", async ({ browser }) => {
  const reader = createUser("second-post", "commenter");
  const { slug } = seedDiscussion({});
  const page = await signedInPage(browser, reader);
  await page.goto(articlePath(slug));
  const region = commentsRegion(page);
  const first = `Comment A ${uniqueSuffix()}.`;
  const second = `Comment B ${uniqueSuffix()}.`;
  await region.getByLabel("Comment", { exact: true }).fill(first);
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  await expect(region.locator("article[id^='comment-']").filter({ hasText: first })).toBeVisible();
  await expect(region.getByRole("heading", { name: "Comments (1)" })).toBeVisible();

  await page.waitForTimeout(16_000); // past the 15 s flood interval, as a reader would
  await region.getByLabel("Comment", { exact: true }).fill(second);
  await region.getByRole("button", { name: "Post comment", exact: true }).click();
  const b = region.locator("article[id^='comment-']").filter({ hasText: second });
  await expect(b).toBeVisible();
  await expect(b).toBeFocused();
  await expect(region.getByRole("heading", { name: "Comments (2)" })).toBeVisible();
  await expect(region.getByLabel("Comment", { exact: true })).toHaveValue("");

  // And both are on the (shared, cached) page for everyone after it.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(articlePath(slug));
  for (const text of [first, second]) await expect(commentsRegion(anonymous).getByText(text)).toBeVisible();
  await expect(commentsRegion(anonymous).getByRole("heading", { name: "Comments (2)" })).toBeVisible();
});
