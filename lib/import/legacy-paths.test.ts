import { describe, expect, it } from "vitest";
import { legacyPathsOf, normalizeLegacyPath } from "./legacy-paths";

const post = {
  postId: "42",
  postName: "freedom-of-navigation",
  postDate: "2023-03-14 23:30:00",
  link: "https://blog.test/2023/03/14/freedom-of-navigation/",
};

describe("a WordPress post's old addresses", () => {
  it("keeps its permalink, its date path and ?p=<id>, once each", () => {
    expect(legacyPathsOf(post, "https://blog.test")).toEqual(["/2023/03/14/freedom-of-navigation", "?p=42"]);
  });

  it("keeps a permalink of another structure, below the blog's own path", () => {
    expect(
      legacyPathsOf({ ...post, link: "https://x.test/blog/law/freedom-of-navigation/" }, "https://x.test/blog"),
    ).toEqual(["/law/freedom-of-navigation", "/2023/03/14/freedom-of-navigation", "?p=42"]);
    expect(legacyPathsOf({ ...post, link: "https://blog.test/?p=42" }, "https://blog.test")).toEqual([
      "?p=42",
      "/2023/03/14/freedom-of-navigation",
    ]);
  });

  it("decodes a non-ASCII post name as WordPress encodes it", () => {
    expect(
      legacyPathsOf(
        { ...post, postName: "caf%c3%a9", link: "https://blog.test/2023/03/14/caf%c3%a9/" },
        "https://blog.test",
      ),
    ).toEqual(["/2023/03/14/café", "?p=42"]);
  });

  it("has no date path without a date or a name, and ignores a broken link", () => {
    expect(
      legacyPathsOf(
        { postId: "7", postName: "", postDate: "0000-00-00 00:00:00", link: "not a url" },
        "https://blog.test",
      ),
    ).toEqual(["?p=7"]);
  });
});

describe("normalizeLegacyPath", () => {
  it("matches however the old address is typed", () => {
    for (const raw of [
      "/2023/03/14/Freedom-of-Navigation/",
      "/2023/03/14/freedom-of-navigation",
      "/2023/03/14/freedom%2Dof%2Dnavigation/?utm=x",
    ])
      expect(normalizeLegacyPath(raw), raw).toBe("/2023/03/14/freedom-of-navigation");
    expect(normalizeLegacyPath("?p=042")).toBe("?p=42");
  });

  it("refuses the root, relative and over-long paths", () => {
    for (const raw of ["/", "", "relative/path", `/${"a".repeat(700)}`, "//evil.test/x"])
      expect(normalizeLegacyPath(raw), raw).toBeNull();
  });
});
