import { describe, expect, it } from "vitest";
import type { Cursor } from "@/lib/http/cursor";
import {
  after,
  buildDisplayTrees,
  type DisplayNode,
  pageCost,
  type Selection,
  type SkeletonRow,
  selectBounded,
  sortNodes,
} from "./bound-thread";
import { buildThreads, countNodes } from "./build-thread";

let t = 0;
const row = (id: string, parentId: string | null, status = "approved", likeCount = 0): SkeletonRow => ({
  id,
  parentId,
  status,
  likeCount,
  createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, t++)),
});

/** The shown tree as nested ids, with each stub as "+count". */
function shape(node: DisplayNode, s: Selection): unknown {
  const kids = (s.shown.get(node.row.id) ?? []).map((c) => shape(c, s));
  const more = s.more.get(node.row.id);
  return kids.length || more ? { [node.row.id]: [...kids, ...(more ? [`+${more.count}`] : [])] } : node.row.id;
}

/** A pseudo-random discussion: `n` comments, replies to recent ones, deep chains, some deleted. */
function discussion(n: number, seed: number) {
  let x = seed;
  const random = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows: SkeletonRow[] = [];
  for (let i = 0; i < n; i++) {
    const parent = i && random() < 0.6 ? rows[Math.floor(random() * rows.length)] : null;
    rows.push(row(`c${i}`, parent?.id ?? null, random() < 0.1 ? "deleted" : "approved"));
  }
  return { roots: rows.filter((r) => !r.parentId), replies: rows.filter((r) => r.parentId) };
}

describe("buildDisplayTrees", () => {
  it("draws the same tree as buildThreads (nesting cap, flat last level, pruned placeholders)", () => {
    for (const maxDepth of [1, 3, 5])
      for (const seed of [1, 2, 3]) {
        const { roots, replies } = discussion(300, seed);
        const nodes = buildDisplayTrees(roots, replies, maxDepth);
        const mine = (n: DisplayNode): unknown => ({ id: n.row.id, d: n.displayDepth, r: n.children.map(mine) });
        const theirs = (n: ReturnType<typeof buildThreads>[number]): unknown => ({
          id: n.id,
          d: n.displayDepth,
          r: n.replies.map(theirs),
        });
        const expected = buildThreads(roots, replies, maxDepth).map(theirs);
        expect(
          roots
            .map((r) => nodes.get(r.id))
            .filter(Boolean)
            .map((n) => mine(n!)),
        ).toEqual(expected);
      }
  });

  it("counts each node's subtree", () => {
    const nodes = buildDisplayTrees([row("r", null)], [row("a", "r"), row("b", "a"), row("c", "r")], 5);
    expect(nodes.get("r")!.size).toBe(4);
    expect(nodes.get("a")!.size).toBe(2);
  });
});

describe("selectBounded", () => {
  it("shows a small discussion whole", () => {
    const { roots, replies } = discussion(80, 7);
    const nodes = buildDisplayTrees(roots, replies, 5);
    const tops = roots.map((r) => nodes.get(r.id)).filter((n): n is DisplayNode => !!n);
    const s = selectBounded(tops, 100);
    expect(s.ids.size).toBe(nodes.size);
    expect(s.more.size).toBe(0);
  });

  it("never carries more than the budget, and every left-out comment is counted in exactly one stub", () => {
    for (const seed of [11, 12, 13]) {
      const { roots, replies } = discussion(2000, seed);
      const nodes = buildDisplayTrees(roots.slice(0, 50), replies, 5);
      const tops = roots
        .slice(0, 50)
        .map((r) => nodes.get(r.id))
        .filter((n): n is DisplayNode => !!n);
      const s = selectBounded(tops, 100);
      expect(s.ids.size).toBeLessThanOrEqual(100);
      const hidden = [...s.more.values()].reduce((n, m) => n + m.count, 0);
      expect(s.ids.size + hidden).toBe(tops.reduce((n, top) => n + top.size, 0));
      // Shown replies are the first ones of their parent (the cursor names the last of them).
      for (const [id, shown] of s.shown) {
        const kids = nodes.get(id)!.children;
        expect(shown.map((c) => c.row.id)).toEqual(kids.slice(0, shown.length).map((c) => c.row.id));
        const more = s.more.get(id);
        if (more) expect(more.cursor?.id).toBe(shown.at(-1)!.row.id);
      }
    }
  });

  it("gives every thread its first reply before any thread its second", () => {
    const roots = [row("A", null), row("B", null), row("C", null)];
    const replies = [row("a1", "A"), row("a2", "A"), row("a3", "A"), row("b1", "B"), row("b2", "B"), row("c1", "C")];
    const nodes = buildDisplayTrees(roots, replies, 5);
    const s = selectBounded(
      roots.map((r) => nodes.get(r.id)!),
      6,
    );
    expect(roots.map((r) => shape(nodes.get(r.id)!, s))).toEqual([
      { A: ["a1", "+2"] },
      { B: ["b1", "+1"] },
      { C: ["c1"] },
    ]);
    const s8 = selectBounded(
      roots.map((r) => nodes.get(r.id)!),
      8,
    );
    expect(roots.map((r) => shape(nodes.get(r.id)!, s8))).toEqual([
      { A: ["a1", "a2", "+1"] },
      { B: ["b1", "b2"] },
      { C: ["c1"] },
    ]);
    // A stub with nothing of its branch shown starts from the first reply.
    const none = selectBounded(
      roots.map((r) => nodes.get(r.id)!),
      3,
    );
    expect(none.more.get("A")).toEqual({ count: 3, cursor: null });
  });

  it("a forced path shows a reply deep in a long branch, past the budget, with its own replies first", () => {
    const roots = [row("R", null)];
    const replies: SkeletonRow[] = [];
    for (let i = 0; i < 40; i++) replies.push(row(`k${i}`, "R"));
    replies.push(row("d2", "k30"), row("d3", "d2"), row("x1", "d3"), row("x2", "d3"));
    const nodes = buildDisplayTrees(roots, replies, 5);
    const path = ["R", "k30", "d2", "d3"].map((id) => nodes.get(id)!);
    const s = selectBounded([nodes.get("R")!], 5, { forced: path, expand: { node: nodes.get("d3")!, after: null } });
    for (const n of path) expect(s.ids.has(n.row.id)).toBe(true);
    expect(s.ids.has("x1") && s.ids.has("x2")).toBe(true);
    const stub = s.more.get("R")!;
    expect(stub.count + s.ids.size).toBe(nodes.get("R")!.size);
  });

  it("an expanded branch after a cursor starts after it", () => {
    const roots = [row("R", null)];
    const replies = Array.from({ length: 10 }, (_, i) => row(`k${i}`, "R"));
    const nodes = buildDisplayTrees(roots, replies, 5);
    const R = nodes.get("R")!;
    const cursor = { t: replies[3].createdAt.getTime(), id: "k3" };
    const s = selectBounded([R], 4, { expand: { node: R, after: cursor } });
    expect(s.shown.get("R")!.map((n) => n.row.id)).toEqual(["k4", "k5", "k6", "k7"]);
    expect(s.more.get("R")).toEqual({ count: 2, cursor: { t: replies[7].createdAt.getTime(), id: "k7" } });
  });
});

describe("selectBounded with a weight budget", () => {
  it("long comments make fewer; a reply too heavy to fit ends its parent's run while other threads go on", () => {
    const roots = [row("A", null), row("B", null)];
    const heavy = (id: string, parent: string, bytes: number) => ({ ...row(id, parent), htmlBytes: bytes });
    const replies = [
      heavy("a1", "A", 100),
      heavy("a2", "A", 40_000),
      heavy("a3", "A", 100),
      heavy("b1", "B", 100),
      heavy("b2", "B", 100),
      heavy("b3", "B", 100),
    ];
    const nodes = buildDisplayTrees(roots, replies, 5);
    const tops = roots.map((r) => nodes.get(r.id)!);
    const unbounded = selectBounded(tops, 100);
    expect(unbounded.ids.size).toBe(8);
    const cost = (id: string) => pageCost(nodes.get(id)!);
    const bytes = cost("A") + cost("B") + cost("a1") + cost("b1") + cost("b2") + cost("b3") + 10;
    const s = selectBounded(tops, 100, { bytes });
    expect(roots.map((r) => shape(nodes.get(r.id)!, s))).toEqual([{ A: ["a1", "+2"] }, { B: ["b1", "b2", "b3"] }]);
    let total = 0;
    for (const id of s.ids) total += cost(id);
    expect(total).toBeLessThanOrEqual(bytes);
  });
});

describe("after", () => {
  it("pages in each order without gaps or repeats, ties broken by id", () => {
    const roots = [row("R", null)];
    const replies = [
      row("a", "R", "approved", 2),
      row("b", "R", "approved", 5),
      row("c", "R", "approved", 2),
      row("d", "R", "approved", 0),
    ];
    const R = buildDisplayTrees(roots, replies, 5).get("R")!;
    for (const sort of ["oldest", "newest", "top"] as const) {
      const sorted = sortNodes(R.children, sort);
      const seen: string[] = [];
      let cursor: Cursor | null = null;
      for (let i = 0; i < 10; i++) {
        const next: DisplayNode | undefined = after(sorted, cursor, sort)[0];
        if (!next) break;
        seen.push(next.row.id);
        cursor = { t: next.row.createdAt.getTime(), id: next.row.id, n: next.row.likeCount };
      }
      expect(seen).toEqual(sorted.map((n) => n.row.id));
    }
    expect(sortNodes(R.children, "top").map((n) => n.row.id)).toEqual(["b", "a", "c", "d"]);
    expect(countNodes([])).toBe(0);
  });
});
