import type { Metadata } from "next";
import { ReplyMailUnsubscribeForm } from "@/components/account/reply-mail-form";

export const metadata: Metadata = { title: "Reply e-mails", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The link at the end of every reply mail. Opening it changes nothing (mail scanners open links);
// the button does.
export default async function ReplyMailPage({ searchParams }: Props) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Reply e-mails</h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        Stop the e-mail Gloss sends when someone replies to your comments or notes?
      </p>
      <ReplyMailUnsubscribeForm userId={one(params.u)} token={one(params.t)} />
    </div>
  );
}
