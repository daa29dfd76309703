import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "../fixtures/axe";
import { createUser, signIn, uniqueSuffix } from "../fixtures/users";
import { publishViaApi } from "../studio/helpers";

test.describe.configure({ timeout: 90_000 });

/** A real PNG of `w`×`h` (no image library in the browser tests: written by hand). */
function png(w: number, h: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = x % 256;
      raw[o + 1] = y % 256;
      raw[o + 2] = 160;
    }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("an editor adds an image from a file, describes it, and readers get it responsive", async ({ page, browser }) => {
  const editor = createUser("imager", "editor");
  await signIn(page, editor.email, editor.password);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/studio/new");
  await page.getByLabel("Title", { exact: true }).fill(`A map ${uniqueSuffix()}`);
  await page.getByLabel("Body", { exact: true }).fill("The strait, as it was in 1946.");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Add image" }).click();
  await (await chooser).setFiles({ name: "strait.png", mimeType: "image/png", buffer: png(800, 400) });
  // The editor asks for the description before anything goes into the body.
  const alt = page.getByLabel("Alt text");
  await expect(alt).toBeFocused();
  await expect(page.getByRole("button", { name: "Insert image" })).toBeDisabled();
  await alt.fill("The Corfu Channel between Albania and Corfu");
  await page.getByRole("button", { name: "Insert image" }).click();
  await expect(page.getByLabel("Body", { exact: true })).toHaveValue(
    /The strait, as it was in 1946\.\n\n!\[The Corfu Channel between Albania and Corfu\]\(\/media\/[0-9a-f]{32}-800x400\.png\)\n\n$/,
  );
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("img", { name: "The Corfu Channel between Albania and Corfu" })).toBeVisible();

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible({ timeout: 20_000 });
  const slug = page.url().split("/").at(-1)!;
  const reader = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await reader.goto(`/articles/${slug}`);
  const img = reader.locator("article img");
  await expect(img).toHaveAttribute("width", "800");
  await expect(img).toHaveAttribute("srcset", /\?w=320 320w, .*\?w=640 640w, .* 800w$/);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  // A phone loads a narrower copy, not the 800-pixel original.
  expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\?w=(320|640)$/);
});

test("footnotes jump to their note and back; a wide table scrolls in its own box on a phone", async ({ page }) => {
  const editor = createUser("footnoter", "editor");
  await signIn(page, editor.email, editor.password);
  await page.goto("/studio");
  const cells = Array.from({ length: 8 }, (_, i) => `Column heading number ${i + 1}`);
  const slug = await publishViaApi(
    page,
    [
      "Due diligence was set by the Corfu Channel case.[^1] Later awards refined it.[^2]",
      `| ${cells.join(" | ")} |\n|${cells.map(() => "---").join("|")}|\n| ${cells.map((_, i) => `value ${i}`).join(" | ")} |`,
      "[^1]: Corfu Channel (UK v Albania) [1949] ICJ Rep 4, 22.",
      "[^2]: Trail Smelter (US v Canada) (1941) 3 RIAA 1905.",
    ].join("\n\n"),
  );
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${slug}`);
  const notes = page.getByRole("region", { name: "Notes" });
  await expect(notes.getByRole("listitem")).toHaveText([/^\s*Corfu Channel \(UK v Albania\)/, /^\s*Trail Smelter/]);
  await page.locator("article sup a").first().click();
  await expect(page).toHaveURL(/#user-content-fn-1$/);
  await expect(notes.getByRole("listitem").first()).toBeInViewport();
  await notes.getByRole("link", { name: "Back to reference 1" }).click();
  await expect(page).toHaveURL(/#user-content-fnref-1$/);
  await expect(page.locator("article sup a").first()).toBeInViewport();
  // The page never scrolls sideways; the table's own box does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const box = page.getByRole("region", { name: "Table" });
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // Scholar's tags and the citation files.
  await expect(page.locator('meta[name="citation_title"]')).toHaveAttribute("content", /.+/);
  await page.getByText("Cite this article").click();
  const bib = await page.request.get(`/articles/${slug}/cite.bib`);
  expect(bib.status()).toBe(200);
  expect(await bib.text()).toMatch(/^@article\{/);
  expect(await seriousViolations(page)).toEqual([]);
});
