import type { Metadata } from "next";
import { SubscribeForm } from "@/components/following/subscribe-form";
import { publication } from "@/lib/site";

export const metadata: Metadata = { title: "New articles by e-mail", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// Where the Subscribe form lands without JavaScript, and the confirmation button after that.
export default async function SubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const error = one(params.error).slice(0, 300);
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">New articles by e-mail</h1>
      {one(params.confirmed) ? (
        <p role="status" className="mt-3 text-zinc-800 dark:text-zinc-200">
          Thank you: you are subscribed. Each new article of {publication.name} will come to your inbox, once. Every
          mail has a link to unsubscribe.
        </p>
      ) : one(params.sent) ? (
        <p role="status" className="mt-3 text-zinc-800 dark:text-zinc-200">
          Check your inbox: if the address can receive mail, a link to confirm is on its way. It works once, for 48
          hours.
        </p>
      ) : error ? (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : (
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">
          One e-mail per new article of {publication.name}. You confirm once by mail; every mail has a one-click way
          out.
        </p>
      )}
      {one(params.confirmed) || one(params.sent) ? null : <SubscribeForm id="subscribe-page-email" />}
    </div>
  );
}
