// Work whose outcome must not shape a request's answer (a mail that may be slow or fail): it runs
// after the answer, and a failure is logged in one line, never shown. Tests await `mailSettled()`.
const pending = new Set<Promise<void>>();

export function deliverLater(label: string, task: () => Promise<unknown>) {
  const run: Promise<void> = Promise.resolve()
    .then(task)
    .then(
      () => {},
      (e: unknown) => console.error(`[mail] ${label} failed: ${e instanceof Error ? e.message : String(e)}`),
    )
    .finally(() => pending.delete(run));
  pending.add(run);
}

/** Resolves once every delivery started so far has finished (or failed). */
export async function mailSettled() {
  while (pending.size) await Promise.all([...pending]);
}
