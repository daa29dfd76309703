import { useEffect, useState } from "react";

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

/**
 * What `load` resolves to, loaded once the browser is idle after the component mounts (whenIdle);
 * null until then, and for good if it fails (the component goes on without it).
 */
export function useLoadedWhenIdle<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ value: T } | null>(null);
  useEffect(() => {
    let on = true;
    const cancel = whenIdle(() =>
      load().then(
        (value) => {
          if (on) setLoaded({ value });
        },
        () => {},
      ),
    );
    return () => {
      on = false;
      cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loaded once, on mount
  }, []);
  return loaded?.value ?? null;
}
