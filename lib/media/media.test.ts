import { describe, expect, it } from "vitest";
import { detectImage } from "./detect-image";
import { parseMediaName, responsiveMedia } from "./media-url";
import { imagesWithoutAlt } from "./require-alt-text";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)).concat(Array(16).fill(0)),
  );

describe("detectImage", () => {
  it("recognises each format by its first bytes", () => {
    expect(detectImage(bytes([0x89], "PNG\r\n\x1a\n"))?.ext).toBe("png");
    expect(detectImage(bytes([0xff, 0xd8, 0xff, 0xe0]))?.ext).toBe("jpg");
    expect(detectImage(bytes("GIF89a"))?.ext).toBe("gif");
    expect(detectImage(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))?.ext).toBe("webp");
    expect(detectImage(bytes([0, 0, 0, 0x1c], "ftypavif", [0, 0, 0, 0], "avifmif1"))?.ext).toBe("avif");
  });
  it("refuses anything else, whatever it is called", () => {
    expect(detectImage(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectImage(bytes("%PDF-1.7"))).toBeNull();
    expect(detectImage(bytes([0, 0, 0, 0x18], "ftypmp42"))).toBeNull();
    expect(detectImage(new Uint8Array(3))).toBeNull();
  });
});

describe("media URLs", () => {
  it("carry the content hash and the size, and give narrower copies for srcset", () => {
    expect(parseMediaName("/media/0123456789abcdef-640x360.png")).toEqual({
      hash: "0123456789abcdef",
      width: 640,
      height: 360,
      ext: "png",
    });
    expect(parseMediaName("/media/../etc/passwd")).toBeNull();
    expect(responsiveMedia("/media/0123456789abcdef-640x360.png")).toMatchObject({
      width: 640,
      height: 360,
      srcSet: "/media/0123456789abcdef-640x360.png?w=320 320w, /media/0123456789abcdef-640x360.png 640w",
    });
    expect(responsiveMedia("https://example.org/x.png")).toBeNull();
  });
});

describe("imagesWithoutAlt", () => {
  it("lists images with no or blank alt text, inline and by reference", () => {
    expect(
      imagesWithoutAlt("![](/media/a-1x1.png) and ![  ](/b.png) and ![ok](/c.png)\n\n![][ref]\n\n[ref]: /d.png"),
    ).toEqual(["/media/a-1x1.png", "/b.png", "[ref]"]);
    expect(imagesWithoutAlt("No images, a [link](/x) and `![](code)`.")).toEqual([]);
  });
});
