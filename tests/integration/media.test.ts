import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { updateArticle } from "@/lib/articles/update-article";
import { db } from "@/lib/db";
import { getMedia } from "@/lib/media/get-media";
import { uploadMedia } from "@/lib/media/upload-media";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";

const png = (width: number, height: number, seed = 0) =>
  sharp({ create: { width, height, channels: 3, background: { r: seed % 256, g: 120, b: 200 } } })
    .png()
    .toBuffer();
const blob = (bytes: Uint8Array, type = "image/png") => new Blob([new Uint8Array(bytes)], { type });

describe("media uploads", () => {
  it("stores an editor's PNG in PostgreSQL and names it by content and size; the same image twice is one file", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    const bytes = await png(640, 360, 1);
    const first = await uploadMedia(editor, blob(bytes));
    expect(first).toMatchObject({ width: 640, height: 360 });
    expect(first.url).toMatch(/^\/media\/[0-9a-f]{32}-640x360\.png$/);
    const again = await uploadMedia(editor, blob(bytes));
    expect(again.url).toBe(first.url);
    const hash = first.url.slice(7, 39);
    expect(await db.media.count({ where: { hash } })).toBe(1);
    const served = await getMedia(first.url.slice(7));
    expect(Buffer.from(served!.data).equals(bytes)).toBe(true);
    expect(served!.mimeType).toBe("image/png");
  });

  it("makes the narrower copies once, at upload, for srcset widths below the image's own only", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    const { url } = await uploadMedia(editor, blob(await png(1000, 500, 2)));
    const name = url.slice(7);
    const variants = () =>
      db.mediaVariant.findMany({
        where: { media: { hash: name.slice(0, 32) } },
        select: { width: true },
        orderBy: { width: "asc" },
      });
    expect(await variants()).toEqual([{ width: 320 }, { width: 640 }, { width: 960 }]);
    const small = await getMedia(name, 320);
    expect(small!.mimeType).toBe("image/webp");
    expect((await sharp(small!.data).metadata()).width).toBe(320);
    expect((await sharp((await getMedia(name, 960))!.data).metadata()).width).toBe(960);
    await getMedia(name, 320);
    await uploadMedia(editor, blob(await png(1000, 500, 2))); // the same image again
    expect(await variants()).toHaveLength(3);
    // A copy lost (or an image stored before copies were made at upload) is made on its first request.
    await db.mediaVariant.deleteMany({ where: { media: { hash: name.slice(0, 32) }, width: 640 } });
    expect((await sharp((await getMedia(name, 640))!.data).metadata()).width).toBe(640);
    expect(await variants()).toHaveLength(3);
    expect((await getMedia(name, 1280))!.mimeType).toBe("image/png"); // wider than the image: the original
    expect((await getMedia(name, 333))!.mimeType).toBe("image/png"); // not a srcset width: the original
    expect(await getMedia(name.replace("1000x500", "999x500"))).toBeNull();
  });

  it("drops a JPEG's metadata (a phone photo's position) and keeps it upright", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#888" } })
      .jpeg()
      .withExif({ IFD0: { Copyright: "secret-location" } })
      .toBuffer();
    expect(jpeg.includes("secret-location")).toBe(true);
    const { url } = await uploadMedia(editor, blob(jpeg, "image/jpeg"));
    const stored = await getMedia(url.slice(7));
    expect(Buffer.from(stored!.data).includes("secret-location")).toBe(false);
  });

  it("refuses what is not an image by its content (415), and readers and commenters altogether", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    await expectAppError(
      uploadMedia(
        editor,
        blob(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
      ),
      "unsupported_media",
    );
    await expectAppError(
      uploadMedia(
        editor,
        blob(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8])),
      ),
      "unsupported_media",
    );
    await expectAppError(uploadMedia(editor, null), "bad_request");
    await expectAppError(uploadMedia(null, blob(await png(8, 8))), "unauthorized");
    // Uploading is a contributor's power (and so every role above: moderators hold contributors' powers).
    await expectAppError(
      uploadMedia((await createTestUser({ role: "commenter" })).viewer, blob(await png(8, 8))),
      "forbidden",
    );
    for (const role of ["contributor", "moderator"] as const)
      expect((await uploadMedia((await createTestUser({ role })).viewer, blob(await png(8, 8)))).width).toBe(8);
    const before = await db.media.count();
    await expectAppError(uploadMedia(editor, blob(new Uint8Array(10 * 1024 * 1024 + 1))), "too_large");
    expect(await db.media.count()).toBe(before);
  });
});

describe("alt text", () => {
  it("refuses to publish (or schedule) an image without alt text, and lets a draft keep it", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor" });
    const { url } = await uploadMedia(editor, blob(await png(20, 20, 3)));
    const body = `Text.\n\n![](${url})`;
    await expectAppError(
      createArticle(editor, { title: "No alt", slug: uniqueSlug("noalt"), body, status: "published" }),
      "rule_violation",
    );
    await expectAppError(
      createArticle(editor, {
        title: "No alt",
        slug: uniqueSlug("noalt"),
        body,
        publishAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      "rule_violation",
    );
    const draft = await createArticle(editor, {
      title: "No alt yet",
      slug: uniqueSlug("draft"),
      body,
      status: "draft",
    });
    await expectAppError(updateArticle(editor, draft.slug, { status: "published" }), "rule_violation");
    await updateArticle(editor, draft.slug, { body: `Text.\n\n![A square of colour](${url})`, status: "published" });
    const published = await db.article.findUniqueOrThrow({
      where: { slug: draft.slug },
      select: { status: true, currentRevision: { select: { html: true } } },
    });
    expect(published.status).toBe("published");
    expect(published.currentRevision!.html).toContain(
      `<img src="${url}" alt="A square of colour" width="20" height="20"`,
    );
    await expectAppError(updateArticle(editor, draft.slug, { body: `Text.\n\n![ ](${url})` }), "rule_violation");
  });
});
