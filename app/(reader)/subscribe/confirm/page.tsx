import type { Metadata } from "next";
import { publication } from "@/lib/site";
import { confirmationIsLive } from "@/lib/subscribers/subscribe";

export const metadata: Metadata = { title: "Confirm new articles by e-mail", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link in the confirmation mail. Opening it changes nothing (mail scanners open links); the
// button does, once. (No no-referrer policy here: Chromium would send `Origin: null` with the
// form, which the Origin check refuses; the site-wide policy sends other sites the origin only.)
export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const live = await confirmationIsLive(token);
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">New articles by e-mail</h1>
      {live ? (
        <>
          <p className="mt-3 text-zinc-700 dark:text-zinc-300">
            Press the button to get each new article of {publication.name} at this address.
          </p>
          <form action="/api/subscribers/confirm" method="post" className="mt-4">
            <input type="hidden" name="token" value={token} />
            <button
              type="submit"
              className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              Yes, send me new articles
            </button>
          </form>
        </>
      ) : (
        <p role="alert" className="mt-3 text-zinc-800 dark:text-zinc-200">
          This link has expired or was already used. Use the form at the bottom of any page to ask for a new one.
        </p>
      )}
    </div>
  );
}
