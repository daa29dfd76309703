// Builds reply trees from flat rows (pure; unit-tested). Replies sort oldest first. Nesting stops
// at `maxDepth` levels: below the last level, every further reply is listed flat at that level,
// in time order, keeping its real parentId (as WordPress does).
export type FlatComment = { id: string; parentId: string | null; createdAt: Date; status: string };
export type ThreadNode<T extends FlatComment> = T & { displayDepth: number; replies: ThreadNode<T>[] };

const byTime = (a: FlatComment, b: FlatComment) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

export function buildThreads<T extends FlatComment>(roots: T[], descendants: T[], maxDepth: number): ThreadNode<T>[] {
  const children = new Map<string, T[]>();
  for (const c of descendants) {
    if (!c.parentId) continue;
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  for (const list of children.values()) list.sort(byTime);
  const lastLevel = Math.max(1, maxDepth) - 1;
  const seen = new Set<string>();

  const allBelow = (id: string): T[] => (children.get(id) ?? []).filter((c) => !seen.has(c.id) && seen.add(c.id)).flatMap((c) => [c, ...allBelow(c.id)]);

  const visit = (c: T, depth: number): ThreadNode<T> => {
    seen.add(c.id);
    if (depth >= lastLevel) {
      const flat = allBelow(c.id).sort(byTime).map((r) => ({ ...r, displayDepth: lastLevel, replies: [] }));
      return { ...c, displayDepth: depth, replies: depth === lastLevel && depth > 0 ? [] : flat, ...(depth === lastLevel && depth > 0 ? { _flat: flat } : {}) } as ThreadNode<T>;
    }
    const replies: ThreadNode<T>[] = [];
    for (const r of children.get(c.id) ?? []) {
      if (seen.has(r.id)) continue;
      const node = visit(r, depth + 1);
      const flat = (node as { _flat?: ThreadNode<T>[] })._flat;
      delete (node as { _flat?: unknown })._flat;
      replies.push(node, ...(flat ?? []));
    }
    if (depth + 1 === lastLevel) replies.sort(byTime);
    return { ...c, displayDepth: depth, replies };
  };

  return roots.map((r) => prune(visit(r, 0))).filter((n): n is ThreadNode<T> => n !== null);
}

/** A deleted comment stays as a placeholder only while something visible hangs below it. */
function prune<T extends FlatComment>(node: ThreadNode<T>): ThreadNode<T> | null {
  node.replies = node.replies.map(prune).filter((r): r is ThreadNode<T> => r !== null);
  return node.status === "deleted" && node.replies.length === 0 ? null : node;
}

export function countNodes(nodes: { replies: unknown[] }[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.replies as { replies: unknown[] }[]), 0);
}
