import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        The article may have moved or been unpublished, or the link is mistyped.
      </p>
      <p className="mt-8">
        <Link href="/" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
          Go to the latest articles
        </Link>
      </p>
    </div>
  );
}
