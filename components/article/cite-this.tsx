import type { PublishedArticle } from "@/lib/articles/get-published-article";
import { apa, bluebook, oscola, plainText, type Styled } from "@/lib/citations/cite-article";
import { CopyButton } from "./copy-button-client";

type Props = {
  base: string;
  article: Pick<
    PublishedArticle,
    "slug" | "title" | "authorName" | "affiliation" | "publishedAt" | "updatedAt" | "excerpt"
  >;
  accessed: Date;
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const asHtml = (parts: Styled) =>
  parts.map((p) => (typeof p === "string" ? escapeHtml(p) : `<i>${escapeHtml(p.italic)}</i>`)).join("");

/**
 * "Cite this article": the citation in OSCOLA, Bluebook and APA, each with a Copy button, and
 * files for reference managers. A disclosure, so it opens without JavaScript; Copy needs it.
 */
export function CiteThis({ base, article, accessed }: Props) {
  const styles = [
    ["oscola", "OSCOLA", oscola(base, article, accessed)],
    ["bluebook", "Bluebook", bluebook(base, article)],
    ["apa", "APA", apa(base, article)],
  ] as const;
  const files = [
    ["cite.bib", "BibTeX"],
    ["cite.ris", "RIS (Zotero, Mendeley, EndNote)"],
    ["cite.json", "CSL-JSON"],
  ] as const;
  return (
    <details
      id="cite"
      className="cite-this mt-8 rounded-md border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      <summary className="cursor-pointer font-semibold">Cite this article</summary>
      <dl className="mt-3 space-y-4">
        {styles.map(([key, label, parts]) => (
          <div key={key}>
            <dt className="flex items-center justify-between gap-3">
              <span className="text-xs font-semibold uppercase tracking-wider text-zinc-600 dark:text-zinc-400">
                {label}
              </span>
              <CopyButton name={`Copy ${label} citation`} text={plainText(parts)} html={asHtml(parts)} />
            </dt>
            <dd data-citation={key} className="mt-1 select-all break-words font-serif text-base leading-relaxed">
              {parts.map((p, i) => (typeof p === "string" ? p : <i key={i}>{p.italic}</i>))}
            </dd>
          </div>
        ))}
      </dl>
      <ul aria-label="Citation files" className="mt-4 flex flex-wrap gap-x-4 gap-y-2">
        {files.map(([file, label]) => (
          <li key={file}>
            <a
              href={`/articles/${article.slug}/${file}`}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
