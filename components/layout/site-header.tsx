import Link from "next/link";
import { headers } from "next/headers";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { signOutAction } from "@/lib/actions/account/sign-out";
import { roleCan } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { moderationBadge } from "@/lib/moderation/list-queue";
import { roleLinks } from "@/lib/personal/get-article-personal";
import { HeaderSearch } from "@/components/search/header-search";
import { publication } from "@/lib/site";
import { AccountArea, accountNavClass, AnonymousLinks, PersonLinks } from "./account-area";

// On a page whose HTML is shared by every viewer (proxy.ts marks it), the header reads no session:
// its account area is a client island fed by the page's personal layer. Elsewhere it is rendered
// for the viewer (those pages are never shared with signed-in readers).
export async function SiteHeader() {
  const shared = (await headers()).get("x-gloss-shared-page") === "1";
  return (
    <header className="border-b border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="group flex flex-col leading-tight">
          <span className="font-serif text-2xl font-bold tracking-tight group-hover:underline">{publication.name}</span>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{publication.tagline}</span>
        </Link>
        <HeaderSearch />
        {shared ? <AccountArea signOut={signOutAction} /> : <ViewerAccount />}
      </div>
    </header>
  );
}

async function ViewerAccount() {
  const user = (await auth())?.user;
  const role = user?.role as Role | undefined;
  // The board sees what waits in the queue (these pages are never cached for signed-in readers, so it is live).
  const pending = roleCan(role, "moderation.read") ? (await moderationBadge()).total : null;
  const unread = user?.id ? await db.notification.count({ where: { userId: user.id, readAt: null } }) : null;
  return (
    <nav aria-label="Account" className={accountNavClass}>
      {user && role ? <PersonLinks person={{ name: user.name ?? "", links: roleLinks(role), pending, unread }} signOut={signOutAction} /> : <AnonymousLinks />}
    </nav>
  );
}
