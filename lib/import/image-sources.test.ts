import path from "node:path";
import { describe, expect, it } from "vitest";
import { imageSources } from "./image-sources";
import { candidatePaths } from "./import-images";

describe("a post's images", () => {
  it("lists each <img> src once, entities decoded", () => {
    expect(
      imageSources(
        `<img src="a.png?x=1&amp;y=2"><IMG alt=x SRC='b.png'><img src=c.png><img src="a.png?x=1&amp;y=2"><img alt="none">`,
      ),
    ).toEqual(["a.png?x=1&y=2", "b.png", "c.png"]);
  });
  it("looks for a file only inside the media folder", () => {
    const dir = path.resolve("/srv/uploads");
    expect(candidatePaths(dir, "https://blog.test/wp-content/uploads/2024/01/a%20b.png")).toEqual([
      "/srv/uploads/2024/01/a b.png",
      "/srv/uploads/uploads/2024/01/a b.png",
      "/srv/uploads/wp-content/uploads/2024/01/a b.png",
      "/srv/uploads/a b.png",
    ]);
    for (const src of ["https://blog.test/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fetc%2fpasswd"])
      for (const file of candidatePaths(dir, src)) expect(file.startsWith(`${dir}/`)).toBe(true);
  });
});
