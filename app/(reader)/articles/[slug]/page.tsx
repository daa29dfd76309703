import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { AnnotationsSection } from "@/components/annotations/components/annotations-section";
import "@/components/annotations/components/conversation.css";
import { DensityBar } from "@/components/annotations/components/density-bar";
import { ArticleDate } from "@/components/article/article-date";
import { ArticlePager } from "@/components/article/article-pager";
import { CiteThis } from "@/components/article/cite-this";
import { CommentsSection } from "@/components/comments/comments-section";
import { SharedThreadParts } from "@/components/comments/shared-thread-parts";
import { SubscribeForm } from "@/components/following/subscribe-form";
import { LiveUpdates } from "@/components/live/live-updates";
import { PersonalLoader } from "@/components/personal/personal-loader";
import { labelNotedPassages } from "@/lib/annotations/conversation";
import { codePointLength, getConversation } from "@/lib/annotations/get-conversation";
import { markNotePassage } from "@/lib/annotations/mark-note-passage";
import { noteShareMetadata } from "@/lib/annotations/note-share-metadata";
import { authorSlug } from "@/lib/articles/author-slug";
import { getPublishedArticle, readingMinutes } from "@/lib/articles/get-published-article";
import { getViewer } from "@/lib/auth/get-viewer";
import { markCitedPassage } from "@/lib/citations/mark-cited-passage";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { articleJsonLd, articleMetadata } from "@/lib/feeds/article-metadata";
import { getArticlePersonal } from "@/lib/personal/get-article-personal";
import { citedPassageSchema } from "@/lib/validation/citation";
import { commentSortSchema } from "@/lib/validation/comment";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(slug: string) {
  const found = await getPublishedArticle(slug);
  if (!found) notFound();
  if ("movedTo" in found) permanentRedirect(`/articles/${found.movedTo}`);
  return found.article;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  // Threads rendered alone for scripts/server.mjs (below): their page is never seen.
  if ((await headers()).get("x-gloss-assemble")?.startsWith("threads ")) return {};
  const found = await getPublishedArticle((await params).slug);
  if (!found || "movedTo" in found) return { title: "Not found" };
  const metadata = articleMetadata(siteUrl(), found.article);
  // A shared note (?note=<id>): its preview quotes the passage and the note — public notes only.
  const note = (await searchParams).note;
  const shared = typeof note === "string" ? await noteShareMetadata(found.article, siteUrl(), note) : null;
  if (!shared) return metadata;
  return {
    ...metadata,
    openGraph: { ...metadata.openGraph, ...shared.openGraph },
    twitter: { ...metadata.twitter, ...shared.twitter },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const query = await searchParams;
  const one = (k: string) => (typeof query[k] === "string" ? (query[k] as string) : undefined);
  // scripts/server.mjs assembles the shared page from a shell and each thread's HTML (issue 21): it
  // asks its own process for one or the other (the header never comes from outside: the server
  // drops it from every request it is sent).
  const assemble = (await headers()).get("x-gloss-assemble");
  if (assemble?.startsWith("threads ")) {
    const [, mark = "", ids = ""] = assemble.split(" ");
    return (
      <SharedThreadParts
        slug={(await params).slug}
        sort={commentSortSchema.parse(one("sort"))}
        page={pageNumber(one("page"))}
        mark={mark}
        ids={ids.split(",")}
      />
    );
  }
  const article = await load((await params).slug);
  // The page is the same for every viewer (cached and shared, scripts/lib/shared-pages.mjs): nothing
  // here reads the session, except on the per-request variants a reader without JavaScript
  // uses — the reply and report forms (?replyTo=, ?report=) and the page after a held post (?posted=).
  const replyTo = one("replyTo");
  const report = replyTo ? undefined : one("report");
  const perRequest = !!(replyTo || report || one("posted"));
  const viewer = perRequest ? await getViewer(await headers()) : null;
  const personal = perRequest
    ? { viewer, replyTo, report, data: await getArticlePersonal(viewer, article.slug) }
    : undefined;
  const page = pageNumber(one("page"));
  const revision = article.currentRevision!;
  // The notes list's "Show in text" without JavaScript: the passage of a public note, marked.
  const note = one("note");
  // A "Cite this passage" link (?passage=<exact>&prefix=…&suffix=…#passage-cited): the passage marked.
  const cited = one("passage") === undefined ? null : citedPassage(revision, one);
  // Where the conversation is (density bar, "N readers noted this"): computed here, cached with the page.
  const [marked, conversation] = await Promise.all([
    cited?.found ? cited.html : note ? markNotePassage(article.slug, revision.html, note) : revision.html,
    getConversation(article.slug, revision.text),
  ]);
  const html = labelNotedPassages(marked, conversation.noted);
  return (
    <div className="mx-auto grid max-w-6xl gap-x-12 px-4 py-10 sm:px-6 lg:grid-cols-[minmax(0,44rem)_minmax(14rem,1fr)]">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: articleJsonLd(siteUrl(), article) }} />
      <article className="min-w-0" aria-labelledby="article-title" data-revision={revision.number}>
        <header className="mb-8">
          {article.publication ? (
            <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">
              {article.publication}
            </p>
          ) : null}
          <h1
            id="article-title"
            className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl"
          >
            {article.title}
          </h1>
          <p className="mt-4 text-base text-zinc-700 dark:text-zinc-300">
            by{" "}
            <Link
              href={`/author/${encodeURIComponent(authorSlug(article.authorName))}`}
              rel="author"
              className="font-semibold hover:underline"
            >
              {article.authorName}
            </Link>
            {article.affiliation ? (
              <span className="text-zinc-600 dark:text-zinc-400">, {article.affiliation}</span>
            ) : null}
          </p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {article.publishedAt ? <ArticleDate date={article.publishedAt} /> : null} ·{" "}
            {readingMinutes(revision.wordCount)} min read
          </p>
          <ArchiveLinks label="Categories" base="/category" terms={article.categories} />
          <ArchiveLinks label="Tags" base="/tag" terms={article.tags} />
        </header>
        {cited && !cited.found ? (
          <p
            role="status"
            className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          >
            {cited.message}
          </p>
        ) : null}
        <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
        <div className="relative" data-annotation-host />
        {article.credit ? (
          <p className="mt-10 border-t border-zinc-200 pt-4 text-sm italic text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            {article.credit}
          </p>
        ) : null}
        <CiteThis base={siteUrl()} article={article} accessed={clock.now()} />
        <ArticlePager article={{ id: article.id, publishedAt: article.publishedAt }} />
      </article>
      <DensityBar
        marks={conversation.marks.map((m) => [m.at, m.count, m.quote, m.id])}
        length={codePointLength(revision.text)}
      />
      {/* Beside the article (grid row 1) and next after it for keyboard and screen-reader users. */}
      <aside aria-label="Margin notes" className="hidden lg:col-start-2 lg:row-start-1 lg:block" data-margin-column />
      <div className="min-w-0 lg:col-start-1">
        {/* After the article, not in it: the article's headings stay its own. */}
        <section
          aria-labelledby="subscribe-article-title"
          className="mt-10 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="subscribe-article-title" className="text-base font-semibold">
            New articles by e-mail
          </h2>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            One e-mail per new article. Confirm once; unsubscribe with one click.
          </p>
          <SubscribeForm id="subscribe-article-email" />
        </section>
        <AnnotationsSection slug={article.slug} />
        <CommentsSection
          slug={article.slug}
          sort={commentSortSchema.parse(one("sort"))}
          page={page}
          personal={personal}
          focus={one("comment") ?? replyTo ?? report}
          focusAfter={one("after")}
          shell={assemble === "shell" && !personal}
        />
        <PersonalLoader slug={article.slug} />
        <LiveUpdates slug={article.slug} />
      </div>
    </div>
  );
}

const pageNumber = (raw: string | undefined) => Math.max(1, Math.min(10_000, Number.parseInt(raw ?? "1", 10) || 1));

/** The passage a "Cite this passage" link names, marked in the article — or why it is not. */
function citedPassage(
  revision: { html: string; text: string; blockIds: string[] },
  one: (k: string) => string | undefined,
): { found: true; html: string } | { found: false; message: string } {
  const query = citedPassageSchema.safeParse({ passage: one("passage"), prefix: one("prefix"), suffix: one("suffix") });
  if (!query.success)
    return { found: false, message: "That passage link cannot be read: it names no passage, or too long a one." };
  const { passage, prefix, suffix } = query.data;
  const marked = markCitedPassage(revision, { exact: passage, prefix, suffix });
  return marked.found
    ? { found: true, html: marked.html }
    : { found: false, message: "That passage is no longer in the article." };
}

/** The article's categories or tags, each a link to its archive (nothing when it has none). */
function ArchiveLinks({
  label,
  base,
  terms,
}: {
  label: string;
  base: string;
  terms: { slug: string; name: string }[];
}) {
  if (!terms.length) return null;
  return (
    <div className="mt-2 flex flex-wrap items-baseline gap-x-2 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">{label}:</span>
      <ul aria-label={label} className="flex flex-wrap gap-x-2 gap-y-1">
        {terms.map((t) => (
          <li key={t.slug}>
            <Link
              href={`${base}/${encodeURIComponent(t.slug)}`}
              rel={base === "/tag" ? "tag" : undefined}
              className="font-medium text-accent-700 hover:underline dark:text-accent-300"
            >
              {t.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
