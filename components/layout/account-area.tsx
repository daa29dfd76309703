"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { loadPersonal, usePersonal } from "@/components/personal/personal-store";
import { SignInLink } from "./sign-in-link";

const boardLink = "header-link font-medium";
// On a wide screen: one row of the same height and width whoever is signed in, so the header does not
// change size when a shared page learns who is reading. On a phone it is a list inside the menu
// (components/layout/site-header.tsx), every link a full-width 44-pixel row.
export const accountNavClass =
  "flex w-full flex-col items-stretch gap-1 text-sm lg:h-10 lg:w-auto lg:min-w-[30rem] lg:flex-row lg:flex-nowrap lg:items-center lg:justify-end lg:gap-2 lg:whitespace-nowrap";

/** The anonymous visitor's links (also what a shared page shows until it knows who is reading). */
export function AnonymousLinks() {
  return (
    <>
      <SignInLink className="header-link" />
      <Link
        href="/signup"
        className="header-button bg-zinc-900 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        Create account
      </Link>
    </>
  );
}

type Person = {
  name: string;
  links: { href: string; label: string }[];
  pending: number | null;
  unread?: number | null;
};

/** The notification bell: a link to /notifications with the unread count (from the personal layer, never the shared HTML). */
export function NotificationsLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/notifications"
      aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
      className={`flex items-center gap-1.5 ${boardLink}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" fill="currentColor">
        <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.4 2.8A1 1 0 0 0 4.5 14h11a1 1 0 0 0 .9-1.6L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
      </svg>
      {unread ? (
        <span
          aria-hidden="true"
          className="rounded-full bg-accent-700 px-1.5 text-xs font-semibold tabular-nums text-white dark:bg-accent-300 dark:text-zinc-950"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

/** A signed-in reader's links: the board's by role (Moderation with the number of items waiting: held, or reported and still shown), their name, Sign out. */
export function PersonLinks({ person, signOut }: { person: Person; signOut: () => Promise<void> }) {
  return (
    <>
      {person.links.map((l) =>
        l.label === "Moderation" && person.pending !== null ? (
          <Link
            key={l.href}
            href={l.href}
            aria-label={`Moderation, ${person.pending} waiting`}
            className={`gap-1.5 ${boardLink}`}
          >
            Moderation
            <span
              aria-hidden="true"
              className={`rounded-full px-1.5 text-xs tabular-nums ${person.pending ? "bg-amber-700 text-white dark:bg-amber-300 dark:text-zinc-950" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
            >
              {person.pending}
            </span>
          </Link>
        ) : (
          <Link key={l.href} href={l.href} className={boardLink}>
            {l.label}
          </Link>
        ),
      )}
      {typeof person.unread === "number" ? <NotificationsLink unread={person.unread} /> : null}
      {/* A board member's wide row is full below 1536 px (the masthead would shrink): there Groups
          and My notes are in the phone menu and on the account page. */}
      <span className={person.links.length ? "contents lg:hidden 2xl:contents" : "contents"}>
        <Link href="/groups" className="header-link">
          Groups
        </Link>
        <Link href="/notes" className={boardLink}>
          My notes
        </Link>
      </span>
      <Link href="/account" className="header-link font-medium" aria-label={`Account: ${person.name}`}>
        {person.name}
      </Link>
      <form action={signOut} className="flex">
        <button
          type="submit"
          className="header-button w-full border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      </form>
    </>
  );
}

const articleSlug = (path: string) => /^\/articles\/([a-z0-9-]{1,120})$/.exec(path)?.[1] ?? "";

// The header's account area on a page whose HTML is shared by every viewer (the article page):
// the anonymous links until the page's personal layer says who is reading.
export function AccountArea({ signOut }: { signOut: () => Promise<void> }) {
  const slug = articleSlug(usePathname());
  useEffect(() => {
    if (slug) void loadPersonal(slug);
  }, [slug]);
  const me = usePersonal(slug);
  return (
    <nav aria-label="Account" className={accountNavClass}>
      {me?.viewer ? <PersonLinks person={me.viewer} signOut={signOut} /> : <AnonymousLinks />}
    </nav>
  );
}
