"use client";
import { useEffect, useId, useRef, useState } from "react";
import { CopyButton } from "@/components/article/copy-button-client";
import type { TextQuote } from "@/lib/anchoring/types";
import { MAX_CITED_QUOTE, passageLink } from "@/lib/citations/passage-link";
import type { TextSelection } from "../hooks/use-text-selection";
import { placeUnder } from "./selection-toolbar";

type Props = {
  host: HTMLElement;
  selection: TextSelection;
  slug: string;
  quote: TextQuote;
  onClose(): void;
};

// "Cite this passage": the quotation, the article's citation (OSCOLA, as the Cite box on the page
// shows it) and a link that opens the article at this passage, each ready to copy.
export function CitePassage({ host, selection, slug, quote, onClose }: Props) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const [citation] = useState(
    () => document.querySelector('[data-citation="oscola"]')?.textContent?.trim() ?? document.title,
  );
  const link = passageLink(location.origin, slug, quote);
  const quotation = `‘${quote.exact.trim()}’`;
  const tooLong = quote.exact.length > MAX_CITED_QUOTE;
  useEffect(() => box.current?.focus(), []);
  return (
    <section
      ref={box}
      tabIndex={-1}
      data-annotation-ui
      aria-labelledby={`${id}-title`}
      style={placeUnder(host, selection.rect, Math.min(448, host.getBoundingClientRect().width))}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
      className="absolute z-30 w-[min(28rem,100%)] space-y-2 rounded-lg border border-zinc-200 bg-white p-3 font-sans text-sm shadow-xl outline-none dark:border-zinc-700 dark:bg-zinc-900"
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        Cite this passage
      </h2>
      <blockquote className="border-l-4 border-amber-300 pl-2 font-serif italic text-zinc-700 dark:border-amber-700 dark:text-zinc-300">
        <p className="line-clamp-4">{quote.exact.trim()}</p>
      </blockquote>
      <p data-passage-citation className="break-words font-serif text-base leading-relaxed">
        {citation}
      </p>
      {tooLong ? (
        <p className="text-red-700 dark:text-red-400">
          Select a shorter passage (at most {MAX_CITED_QUOTE.toLocaleString("en")} characters) to link to it.
        </p>
      ) : (
        <p>
          <a href={link} className="font-medium text-accent-700 underline dark:text-accent-300">
            Link to this passage
          </a>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton
          name="Copy quotation and citation"
          label="Copy quotation and citation"
          text={tooLong ? `${quotation} — ${citation}` : `${quotation} — ${citation}, ${link}`}
        />
        {tooLong ? null : <CopyButton name="Copy link" label="Copy link" text={link} />}
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded-md px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Close
        </button>
      </div>
    </section>
  );
}
