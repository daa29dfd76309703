// Builds reply trees from flat rows (pure; unit-tested). Replies sort oldest first. Nesting stops
// at `maxDepth` levels: below the last level, every further reply is listed flat at that level,
// in time order, keeping its real parentId (as WordPress does).
export type FlatComment = { id: string; parentId: string | null; createdAt: Date; status: string };
export type ThreadNode<T extends FlatComment> = T & { displayDepth: number; replies: ThreadNode<T>[] };

const byTime = (a: FlatComment, b: FlatComment) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);

// No recursion anywhere (explicit stacks): a reply chain thousands deep — possible through an
// import — must not overflow the stack.
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

  // Everything below `id` not placed yet, in time order.
  const allBelow = (id: string): T[] => {
    const out: T[] = [];
    const stack = [id];
    while (stack.length) {
      for (const c of children.get(stack.pop()!) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        out.push(c);
        stack.push(c.id);
      }
    }
    return out.sort(byTime);
  };

  type Frame = { c: T; depth: number; kids: T[] | null; next: number; replies: ThreadNode<T>[] };
  const visit = (root: T): ThreadNode<T> => {
    const stack: Frame[] = [{ c: root, depth: 0, kids: null, next: 0, replies: [] }];
    let result: ThreadNode<T> | null = null;
    const deliver = (node: ThreadNode<T>, flat?: ThreadNode<T>[]) => {
      stack.pop();
      const parent = stack.at(-1);
      if (parent) parent.replies.push(node, ...(flat ?? []));
      else result = node;
    };
    while (stack.length) {
      const f = stack.at(-1)!;
      if (f.kids === null) {
        seen.add(f.c.id);
        if (f.depth >= lastLevel) {
          // The last level: everything further down is listed flat beside this reply.
          const flat = allBelow(f.c.id).map((r) => ({ ...r, displayDepth: lastLevel, replies: [] }));
          const beside = f.depth === lastLevel && f.depth > 0;
          deliver({ ...f.c, displayDepth: f.depth, replies: beside ? [] : flat }, beside ? flat : undefined);
          continue;
        }
        f.kids = children.get(f.c.id) ?? [];
      }
      if (f.next < f.kids.length) {
        const r = f.kids[f.next++];
        if (!seen.has(r.id)) stack.push({ c: r, depth: f.depth + 1, kids: null, next: 0, replies: [] });
        continue;
      }
      if (f.depth + 1 === lastLevel) f.replies.sort(byTime);
      deliver({ ...f.c, displayDepth: f.depth, replies: f.replies });
    }
    return result!;
  };

  return roots.map((r) => prune(visit(r))).filter((n): n is ThreadNode<T> => n !== null);
}

/** A deleted comment stays as a placeholder only while something visible hangs below it (children pruned before parents). */
function prune<T extends FlatComment>(root: ThreadNode<T>): ThreadNode<T> | null {
  const order: ThreadNode<T>[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    stack.push(...n.replies);
  }
  const gone = (n: ThreadNode<T>) => n.status === "deleted" && n.replies.length === 0;
  for (let i = order.length - 1; i >= 0; i--) order[i].replies = order[i].replies.filter((r) => !gone(r));
  return gone(root) ? null : root;
}

export function countNodes(nodes: { replies: unknown[] }[]): number {
  let n = 0;
  const stack = [...nodes];
  while (stack.length) {
    n++;
    stack.push(...(stack.pop()!.replies as { replies: unknown[] }[]));
  }
  return n;
}
