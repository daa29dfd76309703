import Link from "next/link";
import { SubscribeForm } from "@/components/following/subscribe-form";
import { publication } from "@/lib/site";

// Plain <a>s for the feeds: they are XML documents, not pages for the client router.
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-zinc-200 py-8 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-4 sm:px-6">
        <p>
          {publication.name} · published with Gloss ·{" "}
          <Link href="/archive" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
            Archive
          </Link>
        </p>
        <p>
          Subscribe:{" "}
          <a
            href="/feed.xml"
            type="application/rss+xml"
            className="font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            RSS feed
          </a>
          {" · "}
          <a
            href="/feed.atom"
            type="application/atom+xml"
            className="font-medium text-accent-700 hover:underline dark:text-accent-300"
          >
            Atom feed
          </a>
        </p>
        <section aria-labelledby="subscribe-footer-title" className="basis-full">
          <h2 id="subscribe-footer-title" className="font-semibold text-zinc-800 dark:text-zinc-200">
            New articles by e-mail
          </h2>
          <SubscribeForm id="subscribe-footer-email" compact />
        </section>
      </div>
    </footer>
  );
}
