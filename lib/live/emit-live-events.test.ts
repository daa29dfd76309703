import { describe, expect, it } from "vitest";
import { isPublic, visibilityChange } from "./emit-live-events";
import { parseLastEventId } from "./open-live-stream";

describe("visibilityChange", () => {
  const change = (before: boolean, after: boolean) =>
    visibilityChange("comment", "a1", "c1", before, after).map((c) => c.action);
  it("hidden → visible is created, visible → hidden is removed, visible → visible is updated", () => {
    expect(change(false, true)).toEqual(["created"]);
    expect(change(true, false)).toEqual(["removed"]);
    expect(change(true, true)).toEqual(["updated"]);
  });
  it("an item hidden before and after (held, private, spam) sends nothing", () => {
    expect(change(false, false)).toEqual([]);
  });
  it("only approved public items are public", () => {
    expect(isPublic("approved")).toBe(true);
    expect(isPublic("approved", "private")).toBe(false);
    expect(isPublic("pending")).toBe(false);
    expect(isPublic("deleted")).toBe(false);
  });
});

describe("parseLastEventId", () => {
  it("takes a log id, refuses anything else", () => {
    expect(parseLastEventId("42")).toBe(42n);
    expect(parseLastEventId(" 7 ")).toBe(7n);
    for (const bad of [null, undefined, "", "abc", "-1", "1.5", "9".repeat(19)])
      expect(parseLastEventId(bad)).toBeNull();
  });
});
