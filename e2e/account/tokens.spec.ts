import { expect, test } from "@playwright/test";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";

test.describe("personal access tokens", () => {
  test("a token created on the account page authorises API calls until it is revoked", async ({ page, request }) => {
    const user = createUser("tokens");
    const tokenName = `export script ${uniqueSuffix()}`;
    await signIn(page, user.email, user.password);
    await page.goto("/account");

    await page.getByLabel("Token name", { exact: true }).fill(tokenName);
    await page.getByRole("button", { name: "Create token", exact: true }).click();
    const shown = page.getByTestId("new-token");
    await expect(shown).toBeVisible();
    const token = await shown.inputValue();
    expect(token.length).toBeGreaterThanOrEqual(20);
    const revoke = page.getByRole("button", { name: `Revoke token ${tokenName}`, exact: true });
    await expect(revoke).toBeVisible();
    await expect(shown).toHaveValue(token);

    // `request` carries no cookies: only the bearer token identifies the caller.
    const me = await request.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email, name: user.name });

    // Shown once: after a reload the secret is gone, the token is listed by name.
    await page.reload();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
    expect(await page.content()).not.toContain(token);
    await expect(revoke).toBeVisible();

    await revoke.click();
    await expect(revoke).toHaveCount(0);
    const after = await request.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    const body = await after.json();
    expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  test("a token needs a name", async ({ page }) => {
    const user = createUser("tokenname");
    await signIn(page, user.email, user.password);
    await page.goto("/account");
    await page.getByRole("button", { name: "Create token", exact: true }).click();
    const field = page.getByLabel("Token name", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: /Name the token/ })).toBeVisible();
    await expect(page.getByTestId("new-token")).toHaveCount(0);
  });

  test("the API refuses a caller without identity in the error shape", async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { Authorization: "Bearer not-a-real-token-0123456789" }];
    for (const headers of attempts) {
      const response = await request.get("/api/me", { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()["content-type"]).toContain("application/json");
      const body = await response.json();
      expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(body.error.code.length).toBeGreaterThan(0);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });
});
