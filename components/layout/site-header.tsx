import Link from "next/link";
import { auth } from "@/auth";
import { signOutAction } from "@/lib/actions/account/sign-out";
import type { Role } from "@/lib/generated/prisma/enums";
import { queueCounts } from "@/lib/moderation/list-queue";
import { HeaderSearch } from "@/components/search/header-search";
import { publication } from "@/lib/site";
import { SignInLink } from "./sign-in-link";
import { roleCan } from "@/lib/auth/permissions";

// The header is the only viewer-dependent part of a reader page: signed-in requests bypass the page cache.
export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  // The board sees what waits in the queue (signed-in pages are never cached, so this is live).
  const role = user?.role as Role | undefined;
  const pending = roleCan(role, "moderation.read") ? (await queueCounts()).pending : null;
  const boardLink = "rounded-md px-2 py-1.5 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800";
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="group flex flex-col leading-tight">
          <span className="font-serif text-2xl font-bold tracking-tight group-hover:underline">{publication.name}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{publication.tagline}</span>
        </Link>
        <HeaderSearch />
        <nav aria-label="Account" className="flex flex-wrap items-center gap-3 text-sm">
          {user ? (
            <>
              {roleCan(role, "articles.read_drafts") ? <Link href="/studio" className={boardLink}>Studio</Link> : null}
              {roleCan(role, "imports.run") ? <Link href="/import" className={boardLink}>Import</Link> : null}
              {pending !== null ? (
                <Link href="/moderation" aria-label={`Moderation, ${pending} pending`} className={`flex items-center gap-1.5 ${boardLink}`}>
                  Moderation
                  <span aria-hidden="true" className={`rounded-full px-1.5 text-xs tabular-nums ${pending ? "bg-amber-700 text-white dark:bg-amber-300 dark:text-zinc-950" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}>{pending}</span>
                </Link>
              ) : null}
              <Link href="/account" className="font-medium hover:underline" aria-label={`Account: ${user.name}`}>{user.name}</Link>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Sign out</button>
              </form>
            </>
          ) : (
            <>
              <SignInLink className="hover:underline" />
              <Link href="/signup" className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300">Create account</Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
