import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { blogExport, fixtureDir, rowCounts } from "./import-helpers";

// `npm run gloss -- import:wxr FILE`: the command the contract names. Exit 0 with the counts, or
// exit 1 with one line on bad input.
function gloss(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join("scripts", "cli.ts"), ...args], {
    cwd: process.cwd(),
    env: process.env,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

describe("gloss import:wxr", () => {
  it("prints the counts and exits 0", { timeout: 120_000 }, async () => {
    const { site, file } = blogExport();
    const r = gloss("import:wxr", file);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n")).toEqual([
      `Imported ${site} (WXR 1.2).`,
      "Articles: 3 created, 0 updated, 0 unchanged; drafts among them: 1.",
      "Comments: 7 created, 0 updated, 0 unchanged.",
      "Skipped posts: pages 1, attachments 1, other 0. Skipped comments: spam 1, pingbacks 1, trackbacks 1, other 0.",
      "Images: 0 imported, 2 not imported.",
      `  image not imported: ${site}/wp-content/uploads/map.png in “The treaty, classic edition” (post 10) (no media folder was given (--media-dir))`,
      `  image not imported: ${site}/wp-content/uploads/border.jpg in “Blocks & borders: a block-editor post” (post 20) (no media folder was given (--media-dir))`,
      "Failed: 0.",
      "Articles:",
      expect.stringMatching(/^  \/articles\/the-treaty(-\d+)?  The treaty, classic edition \(created\)$/),
      expect.stringMatching(/^  \/articles\/\S+  .+ \(created(, draft)?\)$/),
      expect.stringMatching(/^  \/articles\/\S+  .+ \(created(, draft)?\)$/),
    ]);
    const json = gloss("import:wxr", file, "--json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      site,
      articles: { unchanged: 3 },
      comments: { unchanged: 7 },
      failed: [],
    });
  });

  it("takes the images' files from --media-dir, and refuses a folder that is not there", {
    timeout: 120_000,
  }, async () => {
    const { site, file } = blogExport();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-cli-media-"));
    try {
      fs.writeFileSync(
        path.join(dir, "map.png"),
        await sharp({ create: { width: 30, height: 20, channels: 3, background: "#246" } })
          .png()
          .toBuffer(),
      );
      const missing = gloss("import:wxr", file, "--media-dir", path.join(dir, "nowhere"));
      expect(missing).toMatchObject({ code: 1, stdout: "" });
      expect(missing.stderr).toMatch(/no such folder: .*nowhere$/);
      const r = gloss("import:wxr", file, "--media-dir", dir);
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(r.stdout).toContain("Images: 1 imported, 1 not imported.");
      expect(r.stdout).toContain(
        `image not imported: ${site}/wp-content/uploads/border.jpg in “Blocks & borders: a block-editor post” (post 20) (the file is not in the media folder)`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 with one line, writing nothing, for a bad file", { timeout: 120_000 }, async () => {
    const before = await rowCounts();
    const cases: [string, string][] = [
      [
        path.join(fixtureDir, "malformed.xml"),
        "Error: the file is not well-formed XML (line 15: unexpected close tag)",
      ],
      [
        path.join(fixtureDir, "not-wxr.xml"),
        "Error: the file is not a WordPress export (WXR 1.1 or 1.2): it does not declare the wp: export namespace",
      ],
      [path.join(fixtureDir, "billion-laughs.xml"), "Error: the file declares a DTD or entities, which is not allowed"],
      [
        path.join(fixtureDir, "no-such-export.xml"),
        `Error: no such file: ${path.join(fixtureDir, "no-such-export.xml")}`,
      ],
    ];
    for (const [file, line] of cases) expect(gloss("import:wxr", file)).toEqual({ code: 1, stdout: "", stderr: line });
    expect(gloss("import:wxr")).toEqual({
      code: 1,
      stdout: "",
      stderr: "Error: name one WordPress export file: import:wxr FILE",
    });
    expect(await rowCounts()).toEqual(before);
  });
});
