// Which comments one page load carries (pure; unit-tested). A discussion of thousands must not be
// sent whole: the page (or one request for a branch) holds at most `budget` comments counting
// replies. Every top-level comment of the page is shown; the rest of the budget goes round by
// round — each shown comment gets its next reply, level by level, thread after thread — so small
// discussions show whole, and long ones show every thread's first replies (and the first reply of
// the first reply…) before anyone's tenth. What is left out of a branch becomes a stub on the
// comment it hangs from: how many comments it hides and a cursor (its last shown reply) to go on.
//
// Works on the "display tree" the page draws (buildThreads' rules): replies nest up to
// `maxDepth` levels; below the last level every further reply is listed flat at that level under
// the comment of the level above, in time order; a deleted comment stays as a placeholder only
// while something visible hangs below it.
import type { Cursor } from "@/lib/http/cursor";

export type SkeletonRow = {
  id: string;
  parentId: string | null;
  createdAt: Date;
  likeCount: number;
  status: string;
  htmlBytes?: number;
};
export type DisplayNode = {
  row: SkeletonRow;
  depth: number;
  displayDepth: number;
  children: DisplayNode[];
  size: number;
};
export type ReplySort = "oldest" | "newest" | "top";
export type Selection = {
  ids: Set<string>;
  more: Map<string, { count: number; cursor: Cursor | null }>;
  shown: Map<string, DisplayNode[]>;
};

const byTime = (a: DisplayNode, b: DisplayNode) =>
  a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.row.id < b.row.id ? -1 : 1);
const orders: Record<ReplySort, (a: DisplayNode, b: DisplayNode) => number> = {
  oldest: byTime,
  newest: (a, b) => byTime(b, a),
  top: (a, b) => b.row.likeCount - a.row.likeCount || byTime(a, b),
};

export function sortNodes(nodes: DisplayNode[], sort: ReplySort) {
  return [...nodes].sort(orders[sort]);
}

/** A cursor naming a node's place in an order: its time, id and (for top) its likes. */
export function cursorOf(n: DisplayNode, sort: ReplySort): Cursor {
  return { t: n.row.createdAt.getTime(), id: n.row.id, ...(sort === "top" ? { n: n.row.likeCount } : {}) };
}

/** The nodes of `sorted` that come after the cursor in that order. */
export function after(sorted: DisplayNode[], cursor: Cursor | null, sort: ReplySort) {
  if (!cursor) return sorted;
  const key: DisplayNode = {
    row: { id: cursor.id, parentId: null, createdAt: new Date(cursor.t), likeCount: cursor.n ?? 0, status: "approved" },
    depth: 0,
    displayDepth: 0,
    children: [],
    size: 0,
  };
  return sorted.filter((n) => orders[sort](key, n) < 0 && n.row.id !== cursor.id);
}

/**
 * The display trees under `roots`, from every row of their threads (replies in any order). Rows
 * whose parent is not among the rows (held or removed) are unreachable, as on the page.
 */
export function buildDisplayTrees(
  roots: SkeletonRow[],
  rows: SkeletonRow[],
  maxDepth: number,
): Map<string, DisplayNode> {
  const children = new Map<string, SkeletonRow[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const lastLevel = Math.max(1, maxDepth) - 1;
  const flatUnder = Math.max(lastLevel - 1, 0); // the level whose comments hold the flat list
  const nodes = new Map<string, DisplayNode>();
  const visit = (row: SkeletonRow, depth: number, ancestors: DisplayNode[]) => {
    if (nodes.has(row.id)) return; // a cycle cannot happen, but never loop on bad data
    const node: DisplayNode = { row, depth, displayDepth: Math.min(depth, lastLevel), children: [], size: 1 };
    nodes.set(row.id, node);
    if (depth > 0) ancestors[Math.min(depth - 1, flatUnder)].children.push(node);
    const path = [...ancestors.slice(0, depth), node];
    for (const c of children.get(row.id) ?? []) visit(c, depth + 1, path);
  };
  for (const r of roots) visit(r, 0, []);
  const prune = (n: DisplayNode): boolean => {
    n.children = n.children.filter(prune).sort(byTime);
    n.size = 1 + n.children.reduce((s, c) => s + c.size, 0);
    if (n.row.status === "deleted" && n.children.length === 0) {
      nodes.delete(n.row.id);
      return false;
    }
    return true;
  };
  for (const r of roots) {
    const n = nodes.get(r.id);
    if (n) prune(n);
  }
  return nodes;
}

/**
 * Chooses what to show. `tops` are shown whole (the page's threads, or the replies a branch
 * request pages through) and count against the budget; `forced` (a permalink's path, root first)
 * is shown whatever the budget; `expand` is a comment whose own replies come first (after its
 * cursor), with a budget of their own, as when its branch is asked for. `bytes` bounds the weight
 * too (see `pageCost`): a reply that does not fit ends its parent's run, others go on.
 */
export function selectBounded(
  tops: DisplayNode[],
  budget: number,
  options: { forced?: DisplayNode[]; expand?: { node: DisplayNode; after: Cursor | null }; bytes?: number } = {},
): Selection {
  const ids = new Set<string>(tops.map((t) => t.row.id));
  const shown = new Map<string, DisplayNode[]>();
  const ptr = new Map<string, number>();
  const listOf = (n: DisplayNode) =>
    options.expand?.node === n ? after(n.children, options.expand.after, "oldest") : n.children;
  const include = (parent: DisplayNode, child: DisplayNode) => {
    ids.add(child.row.id);
    const list = shown.get(parent.row.id);
    if (list) list.push(child);
    else shown.set(parent.row.id, [child]);
  };
  let used = tops.length;
  let weight = tops.reduce((w, t) => w + pageCost(t), 0);
  const forced = options.forced ?? [];
  for (let i = 1; i < forced.length; i++)
    if (!ids.has(forced[i].row.id)) {
      include(forced[i - 1], forced[i]);
      used++;
      weight += pageCost(forced[i]);
    }
  const blocked = new Set<string>();

  // Rounds: every shown comment (from `from`, level by level) gets its next reply while the budget lasts.
  const fill = (from: DisplayNode[], limit: number, bytes: number) => {
    let added = 0;
    for (let round = 0; added < limit; round++) {
      let more = false;
      let frontier = from;
      while (frontier.length && added < limit) {
        const next: DisplayNode[] = [];
        for (const n of frontier) {
          const list = listOf(n);
          let i = ptr.get(n.row.id) ?? 0;
          while (i < list.length && ids.has(list[i].row.id)) i++;
          if (i < list.length && added < limit && !blocked.has(n.row.id)) {
            const cost = pageCost(list[i]);
            if (cost <= bytes) {
              include(n, list[i]);
              added++;
              bytes -= cost;
              weight += cost;
              i++;
            } else blocked.add(n.row.id);
          }
          ptr.set(n.row.id, i);
          if (i < list.length && !blocked.has(n.row.id)) more = true;
          for (const c of shown.get(n.row.id) ?? []) next.push(c);
        }
        frontier = next;
      }
      if (!more || round > 100_000) break;
    }
    return added;
  };
  const bytes = options.bytes ?? Infinity;
  if (options.expand) used += fill([options.expand.node], Math.max(1, budget), bytes);
  blocked.clear();
  fill(tops, Math.max(0, budget - used), Math.max(0, bytes - weight));

  // Stubs: what each shown comment leaves out, and where its shown replies stop (the last of the
  // unbroken run from its first reply — a permalink's path can show one further on).
  const more = new Map<string, { count: number; cursor: Cursor | null }>();
  const stub = (n: DisplayNode) => {
    const list = listOf(n);
    let count = 0,
      run = 0;
    while (run < list.length && ids.has(list[run].row.id)) run++;
    for (const c of list) if (!ids.has(c.row.id)) count += c.size;
    const start = options.expand?.node === n ? options.expand.after : null;
    if (count) more.set(n.row.id, { count, cursor: run ? cursorOf(list[run - 1], "oldest") : start });
    for (const c of shown.get(n.row.id) ?? []) stub(c);
  };
  for (const t of tops) stub(t);
  for (const list of shown.values()) list.sort(byTime);
  return { ids, more, shown };
}

/**
 * About what one comment adds to the article page's HTML: its text twice (the markup and React's
 * payload, which escapes it) and the frame around it (author, time, links, the payload's
 * structure) — measured on the bench's page (scripts/bench-comments.mjs: 100 comments with 34 kB
 * of body HTML made 371 kB): ~2.3 × the HTML of its body + ~3 kB.
 */
export function pageCost(n: DisplayNode) {
  return Math.round(2.3 * (n.row.htmlBytes ?? 0)) + 3_000;
}
