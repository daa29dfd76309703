import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./form-state";
import { signInHref, signInHrefFor } from "./sign-in-href";

const returnOf = (href: string) => new URL(href, "https://gloss.example").searchParams.get("returnTo");

describe("signInHrefFor (the header's Sign in)", () => {
  it("returns to the current page: path, query and hash", () => {
    const href = signInHrefFor({ pathname: "/articles/on-margins", search: "?sort=top&page=2", hash: "#comment-abc" });
    expect(href.startsWith("/signin?returnTo=")).toBe(true);
    expect(returnOf(href)).toBe("/articles/on-margins?sort=top&page=2#comment-abc");
    // …and /signin accepts it as it is.
    expect(safeReturnPath(returnOf(href))).toBe("/articles/on-margins?sort=top&page=2#comment-abc");
  });

  it("is plain /signin from the home page, and keeps the asked-for return on the account pages", () => {
    expect(signInHrefFor({ pathname: "/", search: "", hash: "" })).toBe("/signin");
    expect(returnOf(signInHrefFor({ pathname: "/signin", search: "?returnTo=%2Faccount", hash: "" }))).toBe("/account");
    expect(signInHrefFor({ pathname: "/signup", search: "", hash: "" })).toBe("/signin");
  });
});

describe("signInHref (every link and redirect to /signin)", () => {
  it("encodes the return path once, so its query and hash come back whole", () => {
    const href = signInHref("/studio/a-b?x=1&y=2#top");
    expect(href).toBe("/signin?returnTo=%2Fstudio%2Fa-b%3Fx%3D1%26y%3D2%23top");
    expect(returnOf(href)).toBe("/studio/a-b?x=1&y=2#top");
  });

  it("is plain /signin with nothing (or the home page) to return to", () => {
    expect(signInHref()).toBe("/signin");
    expect(signInHref("/")).toBe("/signin");
  });
});

describe("safeReturnPath (no open redirect)", () => {
  it("keeps same-site paths", () => {
    expect(safeReturnPath("/articles/x?page=2#comments")).toBe("/articles/x?page=2#comments");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/ /evil.example",
    "/\t/evil.example",
    "",
    undefined,
    ["/a"],
    `/${"a".repeat(600)}`,
  ])("sends %j home", (raw) => {
    expect(safeReturnPath(raw)).toBe("/");
  });
});
