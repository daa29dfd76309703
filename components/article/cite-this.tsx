import type { PublishedArticle } from "@/lib/articles/get-published-article";
import { citationText } from "@/lib/citations/cite-article";

type Props = {
  base: string;
  article: Pick<
    PublishedArticle,
    "slug" | "title" | "authorName" | "affiliation" | "publishedAt" | "updatedAt" | "excerpt"
  >;
  accessed: Date;
};

/** "Cite this article": the citation to paste (OSCOLA) and files for reference managers. Works without JavaScript. */
export function CiteThis({ base, article, accessed }: Props) {
  const files = [
    ["cite.bib", "BibTeX"],
    ["cite.ris", "RIS (Zotero, Mendeley, EndNote)"],
    ["cite.json", "CSL-JSON"],
  ] as const;
  return (
    <details className="mt-8 rounded-md border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-semibold">Cite this article</summary>
      <p className="mt-3 select-all font-serif text-base leading-relaxed">{citationText(base, article, accessed)}</p>
      <ul aria-label="Citation files" className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
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
