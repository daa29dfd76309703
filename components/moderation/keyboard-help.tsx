const keys: [string, string][] = [
  ["j", "next item"],
  ["k", "previous item"],
  ["a", "approve"],
  ["s", "spam"],
  ["t", "trash"],
  ["x", "select / unselect"],
];

// The queue's keyboard shortcuts, spelled out (they are ignored while typing in a field).
export function KeyboardHelp() {
  return (
    <details className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">Keyboard shortcuts</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {keys.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900">
                {k}
              </kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        They act on the focused item and are ignored while you type in a field.
      </p>
    </details>
  );
}
