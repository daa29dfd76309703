import { expect, test } from "@playwright/test";
import { seedArticle } from "../fixtures/seed-article";
import { createUser, signIn } from "../fixtures/users";

// GET /api/me/articles/{slug} is answered by scripts/server.mjs with the route's own handler,
// without Next's router: the same answers, headers and errors as the route.
test.describe.configure({ timeout: 90_000 });

const personal = (slug: string) => `/api/me/articles/${slug}`;

test("the personal request answers anonymous readers, signed-in readers and bad addresses as the API does", async ({
  request,
  page,
}) => {
  const anonymous = await request.get(personal(seedArticle.slug));
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["cache-control"]).toBe("private, no-store");
  expect(anonymous.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await anonymous.json()).toMatchObject({ slug: seedArticle.slug, viewer: null, own: [], held: [] });

  const unknown = await request.get(personal("no-such-article"));
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({
    error: { code: "not_found", message: "No published article has that address." },
  });
  const malformed = await request.get(personal("%E0%A4%A"));
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("bad_request");

  const reader = createUser("personalfast");
  await signIn(page, reader.email, reader.password);
  const mine = await page.request.get(personal(seedArticle.slug));
  expect(mine.status()).toBe(200);
  const data = await mine.json();
  expect(data.viewer).toMatchObject({ name: reader.name, role: "commenter" });
  expect(JSON.stringify(data)).not.toContain(reader.email);
  // Never cached for anyone: the anonymous answer afterwards is still anonymous.
  expect((await (await request.get(personal(seedArticle.slug))).json()).viewer).toBeNull();
});
