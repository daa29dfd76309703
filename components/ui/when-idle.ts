/**
 * Runs `fn` in a task of its own once the browser is idle (at the latest after `timeout` ms).
 * Work a component starts in its mount effect otherwise runs in hydration's commit task (React
 * flushes every mount effect there when the commit leaves sync work): loading a chunk there —
 * a script and, for some, a stylesheet whose insertion restyles the whole page — lengthens the
 * page's longest task. Returns what cancels it.
 */
export function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 1);
  return () => clearTimeout(id);
}
