"use client";
import { useSyncExternalStore } from "react";

// A module the server renders with synchronously but the browser loads later (after hydration, on
// idle, or when first needed), so it is not part of a page's first-load JavaScript — without a
// Suspense boundary in the server's HTML (React outlines a large completed boundary after its
// fallback and shows it only once a script runs: a reader without JavaScript would not see it).
//
//   const form = splitModule(
//     typeof window === "undefined" ? (require("./form") as typeof import("./form")) : null,
//     () => import("./form"),
//   );
//
// `typeof window` is a build-time constant: the browser's bundle drops the `require` branch and
// with it the module, which it then gets with `import()` as a separate chunk.

export type SplitModule<M> = {
  /** The module if it is here (always on the server). */
  get(): M | null;
  /** Loads it once (again after a failure); resolves with it. */
  load(): Promise<M>;
  subscribe(listener: () => void): () => void;
};

export function splitModule<M>(serverCopy: M | null, importer: () => Promise<M>): SplitModule<M> {
  let mod = serverCopy;
  let loading: Promise<M> | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => mod,
    load() {
      if (mod) return Promise.resolve(mod);
      loading ??= importer().then(
        (m) => {
          mod = m;
          for (const l of [...listeners]) l();
          return m;
        },
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The module once here (null until then in the browser; while hydrating, what it is now). */
export function useSplitModule<M>(split: SplitModule<M>): M | null {
  return useSyncExternalStore(split.subscribe, split.get, split.get);
}
