import { headers } from "next/headers";
import Link from "next/link";
import { auth } from "@/auth";
import { HeaderSearch } from "@/components/search/header-search";
import { signOutAction } from "@/lib/actions/account/sign-out";
import { roleCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { moderationBadge } from "@/lib/moderation/list-queue";
import { roleLinks } from "@/lib/personal/get-article-personal";
import { publication } from "@/lib/site";
import { AccountArea, AnonymousLinks, accountNavClass, PersonLinks } from "./account-area";

// The masthead row: the publication's name, then (on a wide screen, in one row) the sections, the
// search box and the account links. On a phone the row is the name and a Menu button; the menu is a
// <details> disclosure (keyboard and screen readers know it, and it needs no JavaScript) whose
// content a wide screen shows inline (globals.css, `.site-menu`).
//
// A signed-in reader's wide row holds only the bell and the account menu (account-area.tsx: the
// account's and the board's links and Sign out behind one button), so it fits at 1024 px for every role.
// Per-viewer items (the account links; a notifications bell, say) go in the account nav, or, when
// they must stay in the phone's one row, in the `data-header-slot="viewer"` box before the menu.
// On a page whose HTML is shared by every viewer (proxy.ts marks it) the header reads no session:
// those items are a client island fed by the page's personal layer (AccountArea). Elsewhere they
// are rendered for the viewer (those pages are never shared with signed-in readers).
export async function SiteHeader() {
  const shared = (await headers()).get("x-gloss-shared-page") === "1";
  return (
    <header className="relative border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto flex min-h-14 max-w-6xl items-center gap-2 px-4 py-1.5 sm:min-h-16 sm:gap-4 sm:px-6">
        <Link href="/" className="group mr-auto flex min-w-0 flex-col leading-tight">
          <span className="truncate font-serif text-[1.375rem] font-bold tracking-[-0.015em] group-hover:underline sm:text-2xl">
            {publication.name}
          </span>
          <span className="hidden text-xs text-zinc-600 sm:block dark:text-zinc-400">{publication.tagline}</span>
        </Link>
        <div data-header-slot="viewer" className="contents" />
        <details className="site-menu">
          <summary className="site-menu-button" aria-label="Menu">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              width="22"
              height="22"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <path className="site-menu-bars" d="M4 7h16M4 12h16M4 17h16" />
              <path className="site-menu-close" d="M6 6l12 12M18 6L6 18" />
            </svg>
          </summary>
          <div className="site-menu-panel">
            <nav aria-label="Sections" className="text-sm">
              <Link href="/archive" className="header-link">
                Archive
              </Link>
            </nav>
            <HeaderSearch />
            {shared ? <AccountArea signOut={signOutAction} /> : <ViewerAccount />}
          </div>
        </details>
      </div>
    </header>
  );
}

async function ViewerAccount() {
  const user = (await auth())?.user;
  const role = user?.role as Role | undefined;
  // The board sees what waits in the queue (these pages are never cached for signed-in readers, so it is live).
  const pending = role && roleCan(role, "moderation.read") ? (await moderationBadge(role)).total : null;
  const unread = user?.id ? await db.notification.count({ where: { userId: user.id, readAt: null } }) : null;
  return (
    <nav aria-label="Account" className={accountNavClass}>
      {user && role ? (
        <PersonLinks
          person={{ name: user.name ?? "", links: roleLinks(role), pending, unread }}
          signOut={signOutAction}
        />
      ) : (
        <AnonymousLinks />
      )}
    </nav>
  );
}
