import type { DiffPart } from "@/lib/articles/diff-revisions";

const CONTEXT_WORDS = 30;

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const words = (parts: DiffPart[], op: DiffPart["op"]) =>
  parts.filter((p) => p.op === op).reduce((n, p) => n + countWords(p.text), 0);

/** An unchanged stretch, shortened to the words next to the changes around it. */
function Unchanged({ text, first, last }: { text: string; first: boolean; last: boolean }) {
  const tokens = text.split(/(\s+)/);
  const keep = CONTEXT_WORDS * 2; // a word and the space after it
  if (tokens.length <= keep * (first || last ? 1 : 2) + keep) return <span>{text}</span>;
  const head = first ? "" : tokens.slice(0, keep).join("").trimEnd();
  const tail = last ? "" : tokens.slice(-keep).join("").trimStart();
  const hidden = countWords(text) - countWords(head) - countWords(tail);
  return (
    <>
      {head ? <span>{head}</span> : null}
      <span className="my-3 block select-none text-center font-sans text-xs text-zinc-500 dark:text-zinc-400">
        ⋯ {hidden.toLocaleString("en")} unchanged words ⋯
      </span>
      {tail ? <span>{tail}</span> : null}
    </>
  );
}

// A word-level diff of two Markdown bodies: insertions and deletions marked in the running text,
// long unchanged stretches shortened to the words around the changes.
export function WordDiff({ parts, from, to }: { parts: DiffPart[]; from: number; to: number }) {
  const added = words(parts, "added");
  const removed = words(parts, "removed");
  return (
    <section aria-labelledby="diff-title" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="diff-title" className="text-lg font-semibold">
          Changes from revision {from} to revision {to}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <span className="text-green-800 dark:text-green-300">
            +{added} {added === 1 ? "word" : "words"}
          </span>
          ,{" "}
          <span className="text-red-800 dark:text-red-300">
            −{removed} {removed === 1 ? "word" : "words"}
          </span>
        </p>
      </div>
      {parts.every((p) => p.op === "same") ? (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">The two bodies are identical.</p>
      ) : (
        <div
          className="mt-4 whitespace-pre-wrap break-words rounded-lg border border-zinc-200 p-4 font-serif text-[1.05rem] leading-relaxed sm:p-6 dark:border-zinc-800"
          data-testid="diff"
        >
          {parts.map((p, i) =>
            p.op === "same" ? (
              <Unchanged key={i} text={p.text} first={i === 0} last={i === parts.length - 1} />
            ) : p.op === "added" ? (
              <ins
                key={i}
                className="rounded-sm bg-green-100 text-green-950 no-underline dark:bg-green-900/60 dark:text-green-100"
              >
                {p.text}
              </ins>
            ) : (
              <del
                key={i}
                className="rounded-sm bg-red-100 text-red-950 decoration-red-700 dark:bg-red-900/60 dark:text-red-100"
              >
                {p.text}
              </del>
            ),
          )}
        </div>
      )}
    </section>
  );
}
