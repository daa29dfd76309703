"use client";
import { useEffect, useRef, useState } from "react";
import type { ImportReport } from "@/lib/import/import-report";

type State = { phase: "idle" | "busy" } | { phase: "done"; report: ImportReport } | { phase: "error"; message: string };

const counts = (c: ImportReport["articles"]) =>
  `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged${c.kept ? `, ${c.kept} kept as edited here` : ""}`;

/** "Import refused: <reason>." — one sentence whether or not the server's message ends with a period. */
const refused = (reason: string) => `Import refused: ${reason.trim().replace(/\.+$/, "")}.`;

// Sends the chosen file as the request body (streamed, not a form) and shows the counts or the reason.
// The button is disabled while the upload runs, which drops the keyboard focus: when it ends, the
// focus goes to the result's heading, or back to the file input, which the error describes (so a
// screen reader reads the outcome once, where the focus lands; the live region says "Importing").
export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "busy";
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.phase === "done") resultHeading.current?.focus();
    else if (state.phase === "error") input.current?.focus();
  }, [state]);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("export") as HTMLInputElement).files?.[0];
    if (!file) return setState({ phase: "error", message: "Choose a WordPress export file first." });
    if (file.size > maxBytes)
      return setState({ phase: "error", message: refused(`the file is larger than ${maxBytes / 1024 / 1024} MB`) });
    setState({ phase: "busy" });
    try {
      const response = await fetch("/import/upload", {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/xml" },
      });
      const data = (await response.json().catch(() => null)) as {
        report?: ImportReport;
        error?: { message: string };
      } | null;
      if (response.ok && data?.report) setState({ phase: "done", report: data.report });
      else
        setState({
          phase: "error",
          message: refused(data?.error?.message ?? `the server answered ${response.status}`),
        });
    } catch {
      setState({ phase: "error", message: "The upload did not reach the server. Check the connection and try again." });
    }
  }

  return (
    <div className="mt-8 space-y-6">
      <form onSubmit={submit} className="space-y-4" aria-busy={busy}>
        <div>
          <label htmlFor="wxr-export" className="block text-sm font-medium">
            WordPress export (WXR)
          </label>
          <input
            ref={input}
            id="wxr-export"
            name="export"
            type="file"
            accept=".xml,application/xml,text/xml"
            required
            aria-invalid={state.phase === "error" || undefined}
            aria-describedby={state.phase === "error" ? "import-error" : undefined}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 dark:file:border-zinc-700 dark:file:bg-zinc-900"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          aria-disabled={busy}
          className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          {busy ? "Importing…" : "Import"}
        </button>
      </form>
      <div aria-live="polite" role="status">
        {state.phase === "busy" ? <p className="text-sm">Importing — a large export takes a minute.</p> : null}
      </div>
      {state.phase === "error" ? (
        <p id="import-error" className="text-sm text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
      {state.phase === "done" ? <ImportSummary report={state.report} heading={resultHeading} /> : null}
    </div>
  );
}

function ImportSummary({ report, heading }: { report: ImportReport; heading: React.Ref<HTMLHeadingElement> }) {
  const s = report.skipped;
  const rows: [string, string][] = [
    ["Articles", `${counts(report.articles)}; ${report.drafts} of them drafts`],
    ["Comments", counts(report.comments)],
    ["Skipped posts", `pages ${s.pages}, attachments ${s.attachments}, other ${s.otherPosts}`],
    [
      "Skipped comments",
      `spam ${s.spam}, pingbacks ${s.pingbacks}, trackbacks ${s.trackbacks}, other ${s.otherComments}`,
    ],
    ...(report.images
      ? ([["Images", `${report.images.imported} imported, ${report.images.notImported.length} not imported`]] as [
          string,
          string,
        ][])
      : []),
    ["Failed", String(report.failed.length)],
  ];
  return (
    <section aria-labelledby="import-result" className="rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="import-result" ref={heading} tabIndex={-1} className="font-semibold">
        Imported {report.site}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.failed.length ? (
        <ul className="mt-3 list-disc pl-5 text-sm" aria-label="Posts that failed">
          {report.failed.map((f, i) => (
            <li key={i}>
              {f.post}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {report.images?.notImported.length ? (
        <ul className="mt-3 list-disc pl-5 text-sm" aria-label="Images not imported">
          {report.images.notImported.slice(0, 200).map((i) => (
            <li key={i.src} className="break-all">
              Image not imported: {i.src} in {i.post} ({i.reason})
            </li>
          ))}
        </ul>
      ) : null}
      {report.imported?.length ? (
        <>
          <h3 id="imported-articles" className="mt-4 text-sm font-semibold">
            Imported articles
          </h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Their old WordPress addresses now lead here.</p>
          <ul className="mt-2 space-y-1 text-sm" aria-labelledby="imported-articles">
            {report.imported.map((a) => (
              <li key={a.path}>
                <a href={a.path} className="text-accent-700 underline dark:text-accent-300">
                  {a.title}
                </a>
                <span className="text-zinc-600 dark:text-zinc-400">
                  {" "}
                  — {a.outcome}
                  {a.status === "published" ? "" : `, ${a.status}`}
                </span>
              </li>
            ))}
          </ul>
          {report.notListed ? <p className="mt-1 text-sm">… and {report.notListed} more.</p> : null}
        </>
      ) : null}
    </section>
  );
}
