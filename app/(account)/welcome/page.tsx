import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/get-viewer";
import { db } from "@/lib/db";
import { safeReturnPath } from "@/lib/http/form-state";
import { getSettings } from "@/lib/settings/get-settings";
import { publication } from "@/lib/site";

export const metadata: Metadata = { title: "Welcome", robots: { index: false } };

const link = "font-medium text-accent-700 underline dark:text-accent-300";

// Where a new account lands (issue 18, item 13): what they can do now, and the way back.
export default async function WelcomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const viewer = await getViewer(await headers());
  if (!viewer) redirect("/signin");
  const returnTo = safeReturnPath((await searchParams).returnTo);
  const { holdFirstContribution } = await getSettings();
  const unconfirmed = await db.user.findUnique({
    where: { id: viewer.id },
    select: { emailConfirmed: true, email: true },
  });
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">
        Welcome to {publication.name}, {viewer.name}
      </h1>
      <p className="mt-3 text-zinc-700 dark:text-zinc-300">
        Your account is ready and you are signed in. Here is what you can do now:
      </p>
      <ol className="mt-6 list-decimal space-y-4 pl-6">
        <li>
          <strong>Read and discuss.</strong> Every article has comments below it; reply to a comment or start a thread.
        </li>
        <li>
          <strong>Write notes in the margin.</strong> Select a passage of an article to add a note beside it — public
          for everyone, or private, only for you.
        </li>
        <li>
          <strong>Say who you are.</strong> Add a picture and a short bio on{" "}
          <Link href="/account#profile" className={link}>
            your account page
          </Link>
          .
        </li>
      </ol>
      {unconfirmed && !unconfirmed.emailConfirmed ? (
        <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          <strong>Confirm your e-mail address.</strong> We sent a link to {unconfirmed.email}. Until you open it, your
          comments and notes wait before others see them. No mail?{" "}
          <Link href="/account" className={link}>
            Send it again from your account page
          </Link>
          .
        </p>
      ) : null}
      {holdFirstContribution ? (
        <p className="mt-6 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          Your first comment or note waits for a moderator before others see it; after one is approved, the next ones
          appear at once.
        </p>
      ) : null}
      <p className="mt-8">
        {returnTo !== "/" ? (
          <Link
            href={returnTo}
            className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
          >
            Continue where you were
          </Link>
        ) : (
          <Link
            href="/"
            className="rounded-md bg-zinc-900 px-4 py-2 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
          >
            Read the latest articles
          </Link>
        )}
      </p>
    </div>
  );
}
