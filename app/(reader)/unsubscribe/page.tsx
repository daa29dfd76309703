import type { Metadata } from "next";
import Link from "next/link";
import { stopLabels, validMailToken } from "@/lib/notifications/mail-links";

export const metadata: Metadata = { title: "Stop e-mails", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// The link at the end of each mail. Opening it changes nothing (scanners open links); the button
// posts to the same signed address that List-Unsubscribe names. Works without JavaScript.
export default async function UnsubscribePage({ searchParams }: Props) {
  const p = await searchParams;
  const [k, i, t, done, error] = [one(p.k), one(p.i), one(p.t), one(p.done), one(p.error).slice(0, 300)];
  const doneKind = done in stopLabels ? stopLabels[done as keyof typeof stopLabels] : null;
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Stop e-mails</h1>
      {doneKind ? (
        <p role="status" className="mt-3 text-zinc-800 dark:text-zinc-200">
          Done: no more {doneKind}.{" "}
          {done === "articles" ? (
            "You can subscribe again at any time."
          ) : (
            <>
              You can turn it back on in{" "}
              <Link
                href="/account#notifications"
                className="font-medium text-accent-700 underline dark:text-accent-300"
              >
                your account
              </Link>
              .
            </>
          )}
        </p>
      ) : error ? (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : validMailToken(k, i, t) ? (
        <>
          <p className="mt-3 text-zinc-700 dark:text-zinc-300">Stop {stopLabels[k as keyof typeof stopLabels]}?</p>
          <form action={`/api/unsubscribe`} method="post" className="mt-4">
            <input type="hidden" name="k" value={k} />
            <input type="hidden" name="i" value={i} />
            <input type="hidden" name="t" value={t} />
            <input type="hidden" name="from" value="page" />
            <button
              type="submit"
              className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              Stop these e-mails
            </button>
          </form>
        </>
      ) : (
        <p role="alert" className="mt-3 text-zinc-800 dark:text-zinc-200">
          This link is not valid. You can change your e-mail on{" "}
          <Link href="/account#notifications" className="font-medium text-accent-700 underline dark:text-accent-300">
            your account page
          </Link>
          .
        </p>
      )}
    </div>
  );
}
