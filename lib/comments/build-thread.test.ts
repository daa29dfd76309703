import { describe, expect, it } from "vitest";
import { buildThreads, countNodes, type FlatComment } from "./build-thread";

let t = 0;
const c = (id: string, parentId: string | null, status = "approved"): FlatComment => ({ id, parentId, status, createdAt: new Date(2024, 0, 1, 0, 0, t++) });
const shape = (nodes: ReturnType<typeof buildThreads>): unknown => nodes.map((n) => ({ id: n.id, d: n.displayDepth, r: shape(n.replies) }));

describe("buildThreads", () => {
  it("nests replies under their parents, oldest first", () => {
    const roots = [c("a", null)];
    const rest = [c("b", "a"), c("c", "a"), c("d", "b")];
    expect(shape(buildThreads(roots, rest, 5))).toEqual([{ id: "a", d: 0, r: [{ id: "b", d: 1, r: [{ id: "d", d: 2, r: [] }] }, { id: "c", d: 1, r: [] }] }]);
  });

  it("caps the depth: replies past the last level are listed flat at it, keeping their parentId", () => {
    const roots = [c("r", null)];
    const rest = [c("1", "r"), c("2", "1"), c("3", "2"), c("4", "3")]; // depths 1..4 with maxDepth 3 → last level 2
    const tree = buildThreads(roots, rest, 3);
    expect(shape(tree)).toEqual([{ id: "r", d: 0, r: [{ id: "1", d: 1, r: [{ id: "2", d: 2, r: [] }, { id: "3", d: 2, r: [] }, { id: "4", d: 2, r: [] }] }] }]);
    const flat = tree[0].replies[0].replies;
    expect(flat.find((n) => n.id === "4")!.parentId).toBe("3");
  });

  it("maxDepth 1 shows every reply flat under its top-level comment", () => {
    const tree = buildThreads([c("r", null)], [c("x", "r"), c("y", "x")], 1);
    expect(shape(tree)).toEqual([{ id: "r", d: 0, r: [{ id: "x", d: 0, r: [] }, { id: "y", d: 0, r: [] }] }]);
  });

  it("keeps a deleted comment as a placeholder only while it has visible replies", () => {
    const roots = [c("gone", null, "deleted"), c("kept", null, "deleted")];
    const rest = [c("child", "kept"), c("leaf-deleted", "kept", "deleted")];
    const tree = buildThreads(roots, rest, 5);
    expect(shape(tree)).toEqual([{ id: "kept", d: 0, r: [{ id: "child", d: 1, r: [] }] }]);
    expect(countNodes(tree)).toBe(2);
  });

  it("ignores rows whose parent is not in the set and survives cycles", () => {
    const a = c("a", null);
    const loop1 = { ...c("l1", "l2") }, loop2 = { ...c("l2", "l1") };
    expect(countNodes(buildThreads([a], [c("stray", "missing"), loop1, loop2], 5))).toBe(1);
  });
});
