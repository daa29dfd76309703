import type { Metadata } from "next";
import Link from "next/link";
import { listArchiveIndex } from "@/lib/articles/list-archive-index";
import { siteUrl } from "@/lib/env";

// Read per request (the database is not there at build time), like the other reader pages.
export const dynamic = "force-dynamic";

export function generateMetadata(): Metadata {
  return { title: "Archive", alternates: { canonical: `${siteUrl()}/archive` } };
}

const plural = (n: number) => `${n} ${n === 1 ? "article" : "articles"}`;

// Every month and every category that holds an article (issue 18, item 10), linked from the home
// page and the footer.
export default async function ArchivePage() {
  const { months, categories } = await listArchiveIndex();
  const years = [...new Set(months.map((m) => m.year))];
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="mb-10 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <h1 className="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">Archive</h1>
        <p className="mt-2 text-zinc-700 dark:text-zinc-300">Every article, by month and by category.</p>
      </header>
      <div className="grid gap-10 sm:grid-cols-2">
        <section aria-labelledby="by-month">
          <h2 id="by-month" className="text-lg font-semibold">
            By month
          </h2>
          {years.length === 0 ? (
            <p className="mt-3">Nothing is published yet.</p>
          ) : (
            years.map((year) => (
              <div key={year} className="mt-4">
                <h3 className="text-sm font-semibold text-zinc-600 dark:text-zinc-400">{year}</h3>
                <ul className="mt-1 space-y-1" aria-label={`Months of ${year}`}>
                  {months
                    .filter((m) => m.year === year)
                    .map((m) => (
                      <li key={m.path}>
                        <Link
                          href={m.path}
                          className="text-accent-700 underline decoration-1 underline-offset-2 hover:decoration-2 dark:text-accent-300"
                        >
                          {m.label}
                        </Link>{" "}
                        <span className="text-sm text-zinc-600 dark:text-zinc-400">({plural(m.count)})</span>
                      </li>
                    ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section aria-labelledby="by-category">
          <h2 id="by-category" className="text-lg font-semibold">
            By category
          </h2>
          <ul className="mt-4 space-y-1" aria-label="Categories">
            {categories.map((c) => (
              <li key={c.path}>
                <Link
                  href={c.path}
                  className="text-accent-700 underline decoration-1 underline-offset-2 hover:decoration-2 dark:text-accent-300"
                >
                  {c.name}
                </Link>{" "}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">({plural(c.count)})</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
