import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { getPublishedArticle } from "@/lib/articles/get-published-article";
import { db } from "@/lib/db";
import { formatReport } from "@/lib/import/import-report";
import { importWxr } from "@/lib/import/import-wxr";
import { getMedia } from "@/lib/media/get-media";
import { buildWxr } from "../seed/wxr";
import { exportFile } from "./import-helpers";

// WXR import keeps images: attachments and posts' <img>s whose files are in the folder given with
// --media-dir become Gloss media; any other keeps its reference (a link) and is reported.

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-wxr-media-"));
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const png = (width: number, height: number, red: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 160 } } })
    .png()
    .toBuffer();

async function uploadsFolder() {
  fs.mkdirSync(path.join(mediaDir, "2024", "01"), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, "2024", "01", "strait.png"), await png(800, 400, 10));
  fs.writeFileSync(path.join(mediaDir, "2024", "01", "strait-300x150.png"), await png(300, 150, 20));
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#357" } })
    .jpeg()
    .toBuffer();
  fs.writeFileSync(path.join(mediaDir, "2024", "01", "photo.jpg"), photo);
  fs.writeFileSync(path.join(mediaDir, "2024", "01", "fake.png"), "<html><script>alert(1)</script></html>");
}

function imagesExport() {
  const site = `https://images-${crypto.randomBytes(5).toString("hex")}.example.com`;
  const up = `${site}/wp-content/uploads/2024/01`;
  const content = [
    "<p>The strait, as it was in 1946.</p>",
    `<p><img class="size-full" src="${up}/strait.png" alt="The Corfu Channel" width="800" height="400"></p>`,
    `[caption id="attachment_7" width="300"]<a href="${up}/strait.png"><img src="${up}/strait-300x150.png" alt="A smaller [map]" /></a> The channel from the south[/caption]`,
    `<p><img src="https://elsewhere.example/remote.png" alt="A remote chart"></p>`,
    `<p><img src="${up}/fake.png" alt="Not an image"></p>`,
    `<p>Again: <img src="${up}/strait.png" alt="The Corfu Channel again"></p>`,
  ].join("\n\n");
  const text = buildWxr({
    site,
    posts: [
      { id: 7, type: "attachment", status: "inherit", title: "photo", attachmentUrl: `${up}/photo.jpg` },
      { id: 8, type: "attachment", status: "inherit", title: "gone", attachmentUrl: `${up}/gone.jpg` },
      { id: 10, title: "A map of the strait", name: "map-of-the-strait", content },
    ],
  });
  return { site, up, file: exportFile(text) };
}

const mediaCount = () => db.media.count();

describe("WXR import with images", () => {
  it("turns files found under --media-dir into media, keeps and reports the others, and imports again unchanged", async () => {
    await uploadsFolder();
    const { up, file } = imagesExport();
    const before = await mediaCount();
    const report = await importWxr("command-line", file, { mediaDir });
    expect(report.failed).toEqual([]);
    expect(report.articles.created).toBe(1);
    expect(report.images.imported).toBe(3); // photo.jpg, strait.png, strait-300x150.png
    expect(report.images.notImported.map((i) => [i.src, i.reason])).toEqual([
      [`${up}/gone.jpg`, "the file is not in the media folder"],
      ["https://elsewhere.example/remote.png", "the file is not in the media folder"],
      [`${up}/fake.png`, "the file is not a PNG, JPEG, WebP, GIF or AVIF image"],
    ]);
    expect(await mediaCount()).toBe(before + 3);
    const summary = formatReport(report);
    expect(summary).toContain("Images: 3 imported, 3 not imported.");
    expect(summary).toContain(
      "image not imported: https://elsewhere.example/remote.png in “A map of the strait” (post 10)",
    );

    const found = await getPublishedArticle(report.imported[0].path.split("/").at(-1)!);
    const article = found && "article" in found ? found.article : null;
    const body = article!.currentRevision!.body;
    const big = /!\[The Corfu Channel\]\((\/media\/[0-9a-f]{32}-800x400\.png)\)/.exec(body);
    expect(big, body).not.toBeNull();
    expect(body).toContain(`![The Corfu Channel again](${big![1]})`);
    expect(body).toMatch(
      new RegExp(
        `\\[!\\[A smaller \\\\\\[map\\\\\\]\\]\\(/media/[0-9a-f]{32}-300x150\\.png\\)\\]\\(${up.replace(/[.]/g, "\\.")}/strait\\.png\\)`,
      ),
    );
    expect(body).toContain("[Image: A remote chart](https://elsewhere.example/remote.png)");
    expect(body).toContain(`[Image: Not an image](${up}/fake.png)`);
    // Readers get the stored file, in responsive sizes.
    expect((await getMedia(big![1].slice("/media/".length)))!.mimeType).toBe("image/png");
    expect(article!.currentRevision!.html).toMatch(/<img [^>]*srcset="\/media\/[0-9a-f]{32}-800x400\.png\?w=320 320w/);

    const again = await importWxr("command-line", file, { mediaDir });
    expect(again.articles).toMatchObject({ created: 0, unchanged: 1 });
    expect(await mediaCount()).toBe(before + 3);
  });

  it("without --media-dir imports no image and keeps every reference", async () => {
    const { up, file } = imagesExport();
    const before = await mediaCount();
    const report = await importWxr("command-line", file);
    expect(report.images.imported).toBe(0);
    expect(report.images.notImported).toHaveLength(6);
    expect(new Set(report.images.notImported.map((i) => i.reason))).toEqual(
      new Set(["no media folder was given (--media-dir)"]),
    );
    expect(await mediaCount()).toBe(before);
    const found = await getPublishedArticle(report.imported[0].path.split("/").at(-1)!);
    const body = found && "article" in found ? found.article.currentRevision!.body : "";
    expect(body).toContain(`[Image: The Corfu Channel](${up}/strait.png)`);
  });
});
