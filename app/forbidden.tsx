import Link from "next/link";

// Answered with HTTP 403 (forbidden() from a page): a signed-in person whose role does not open it.
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">
        403 · Editorial board
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">You do not have access</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        This page is for the editorial board. Your account does not have the role it needs.
      </p>
      <p className="mt-8">
        <Link href="/" className="font-medium text-accent-700 hover:underline dark:text-accent-300">
          Go to the latest articles
        </Link>
      </p>
    </div>
  );
}
