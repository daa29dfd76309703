import { describe, expect, it } from "vitest";
import { buildThreads, countNodes, type FlatComment } from "./build-thread";

let t = 0;
const c = (id: string, parentId: string | null, status = "approved"): FlatComment => ({
  id,
  parentId,
  status,
  createdAt: new Date(2024, 0, 1, 0, 0, t++),
});
const shape = (nodes: ReturnType<typeof buildThreads>): unknown =>
  nodes.map((n) => ({ id: n.id, d: n.displayDepth, r: shape(n.replies) }));

describe("buildThreads", () => {
  it("nests replies under their parents, oldest first", () => {
    const roots = [c("a", null)];
    const rest = [c("b", "a"), c("c", "a"), c("d", "b")];
    expect(shape(buildThreads(roots, rest, 5))).toEqual([
      {
        id: "a",
        d: 0,
        r: [
          { id: "b", d: 1, r: [{ id: "d", d: 2, r: [] }] },
          { id: "c", d: 1, r: [] },
        ],
      },
    ]);
  });

  it("caps the depth: replies past the last level are listed flat at it, keeping their parentId", () => {
    const roots = [c("r", null)];
    const rest = [c("1", "r"), c("2", "1"), c("3", "2"), c("4", "3")]; // depths 1..4 with maxDepth 3 → last level 2
    const tree = buildThreads(roots, rest, 3);
    expect(shape(tree)).toEqual([
      {
        id: "r",
        d: 0,
        r: [
          {
            id: "1",
            d: 1,
            r: [
              { id: "2", d: 2, r: [] },
              { id: "3", d: 2, r: [] },
              { id: "4", d: 2, r: [] },
            ],
          },
        ],
      },
    ]);
    const flat = tree[0].replies[0].replies;
    expect(flat.find((n) => n.id === "4")!.parentId).toBe("3");
  });

  it("maxDepth 1 shows every reply flat under its top-level comment", () => {
    const tree = buildThreads([c("r", null)], [c("x", "r"), c("y", "x")], 1);
    expect(shape(tree)).toEqual([
      {
        id: "r",
        d: 0,
        r: [
          { id: "x", d: 0, r: [] },
          { id: "y", d: 0, r: [] },
        ],
      },
    ]);
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
    const loop1 = { ...c("l1", "l2") },
      loop2 = { ...c("l2", "l1") };
    expect(countNodes(buildThreads([a], [c("stray", "missing"), loop1, loop2], 5))).toBe(1);
  });
});

describe("buildThreads: ordering", () => {
  const at = (id: string, parentId: string | null, second: number, status = "approved"): FlatComment => ({
    id,
    parentId,
    status,
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, second)),
  });

  it("keeps the roots in the order given (the query sorts them) and sorts every reply list oldest first", () => {
    const roots = [at("r2", null, 50), at("r1", null, 10)];
    const rest = [
      at("late", "r1", 40),
      at("early", "r1", 20),
      at("mid", "r1", 30),
      at("r2-b", "r2", 59),
      at("r2-a", "r2", 51),
    ];
    const tree = buildThreads(roots, rest, 5);
    expect(tree.map((n) => n.id)).toEqual(["r2", "r1"]);
    expect(tree[0].replies.map((n) => n.id)).toEqual(["r2-a", "r2-b"]);
    expect(tree[1].replies.map((n) => n.id)).toEqual(["early", "mid", "late"]);
  });

  it("breaks ties of equal time by id, so the order is stable", () => {
    const tree = buildThreads([at("r", null, 0)], [at("c", "r", 5), at("a", "r", 5), at("b", "r", 5)], 5);
    expect(tree[0].replies.map((n) => n.id)).toEqual(["a", "b", "c"]);
  });

  it("does not depend on the order of the descendant rows", () => {
    const rest = [at("1", "r", 1), at("2", "1", 2), at("3", "1", 3), at("4", "r", 4), at("5", "4", 5)];
    const expected = shape(buildThreads([at("r", null, 0)], rest, 5));
    expect(shape(buildThreads([at("r", null, 0)], [...rest].reverse(), 5))).toEqual(expected);
  });
});

describe("buildThreads: the depth cap", () => {
  const chain = (n: number) => Array.from({ length: n }, (_, i) => c(`d${i + 1}`, i === 0 ? "root" : `d${i}`));

  it("with the default of 5 levels, replies nest to depth 4 and deeper ones are shown at depth 4", () => {
    const tree = buildThreads([c("root", null)], chain(8), 5);
    const depths: Record<string, number> = {};
    const walk = (nodes: ReturnType<typeof buildThreads>) =>
      nodes.forEach((n) => {
        depths[n.id] = n.displayDepth;
        walk(n.replies);
      });
    walk(tree);
    expect(depths).toEqual({ root: 0, d1: 1, d2: 2, d3: 3, d4: 4, d5: 4, d6: 4, d7: 4, d8: 4 });
    // Everything at the last level hangs, in time order, under the comment at depth 3.
    const d3 = tree[0].replies[0].replies[0].replies[0];
    expect(d3.id).toBe("d3");
    expect(d3.replies.map((n) => n.id)).toEqual(["d4", "d5", "d6", "d7", "d8"]);
    expect(d3.replies.every((n) => n.replies.length === 0)).toBe(true);
  });

  it("a reply to a comment at the maximum depth keeps that comment as its parentId", () => {
    const tree = buildThreads([c("root", null)], chain(6), 5);
    const lastLevel = tree[0].replies[0].replies[0].replies[0].replies;
    expect(lastLevel.map((n) => [n.id, n.parentId, n.displayDepth])).toEqual([
      ["d4", "d3", 4],
      ["d5", "d4", 4],
      ["d6", "d5", 4],
    ]);
  });

  it("replies from different branches of the last level are merged in time order", () => {
    const rest = [c("a", "root"), c("b", "a"), c("x1", "b"), c("y1", "b"), c("x2", "x1"), c("y2", "y1")];
    const tree = buildThreads([c("root", null)], rest, 3); // levels 0..2
    const b = tree[0].replies[0].replies[0];
    expect(b.id).toBe("b");
    expect(tree[0].replies[0].replies.map((n) => n.id)).toEqual(["b", "x1", "y1", "x2", "y2"]);
    expect(tree[0].replies[0].replies.every((n) => n.displayDepth === 2)).toBe(true);
  });

  it("counts every comment once, whatever the cap", () => {
    const rest = chain(12);
    for (const depth of [1, 2, 5, 10]) expect(countNodes(buildThreads([c("root", null)], rest, depth))).toBe(13);
  });
});

describe("buildThreads: placeholders of deleted comments", () => {
  it("keeps a deleted comment in the middle of a chain, so its replies stay in place", () => {
    const tree = buildThreads([c("root", null)], [c("mid", "root", "deleted"), c("leaf", "mid")], 5);
    expect(shape(tree)).toEqual([{ id: "root", d: 0, r: [{ id: "mid", d: 1, r: [{ id: "leaf", d: 2, r: [] }] }] }]);
    expect(tree[0].replies[0].status).toBe("deleted");
  });

  it("drops a chain of deleted comments with nothing visible below, and keeps one with a visible grandchild", () => {
    const roots = [c("dead-root", null, "deleted"), c("live-root", null, "deleted")];
    const rest = [
      c("dead-1", "dead-root", "deleted"),
      c("dead-2", "dead-1", "deleted"),
      c("live-1", "live-root", "deleted"),
      c("live-2", "live-1"),
    ];
    expect(shape(buildThreads(roots, rest, 5))).toEqual([
      { id: "live-root", d: 0, r: [{ id: "live-1", d: 1, r: [{ id: "live-2", d: 2, r: [] }] }] },
    ]);
  });

  it("a deleted leaf under a live comment simply disappears", () => {
    const tree = buildThreads([c("root", null)], [c("gone", "root", "deleted"), c("kept", "root")], 5);
    expect(shape(tree)).toEqual([{ id: "root", d: 0, r: [{ id: "kept", d: 1, r: [] }] }]);
  });
});

describe("finding 9: buildThreads without recursion", () => {
  it("builds a reply chain 20,000 deep without overflowing the stack", () => {
    const roots = [c("root", null)];
    const chain = Array.from({ length: 20_000 }, (_, i) => c(`n${i}`, i === 0 ? "root" : `n${i - 1}`));
    const tree = buildThreads(roots, chain, 5);
    expect(countNodes(tree)).toBe(20_001);
    // Four nested levels, then the rest flat at the last level, in time order, each with its real parent.
    const last = tree[0].replies[0].replies[0].replies[0].replies;
    expect(last).toHaveLength(20_000 - 3);
    expect(last.at(-1)).toMatchObject({ id: "n19999", parentId: "n19998", displayDepth: 4 });
  });

  it("a chain 20,000 deep of deleted comments is pruned to nothing", () => {
    const roots = [c("root", null, "deleted")];
    const chain = Array.from({ length: 20_000 }, (_, i) => c(`d${i}`, i === 0 ? "root" : `d${i - 1}`, "deleted"));
    expect(buildThreads(roots, chain, 100_000)).toEqual([]);
  });
});
