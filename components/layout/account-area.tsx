"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { loadPersonal, usePersonal } from "@/components/personal/personal-store";
import { avatarColour, initialsOf } from "@/components/ui/avatar";
import { SignInLink } from "./sign-in-link";

const boardLink = "header-link font-medium";
// On a wide screen: one row of the same height (and, for most names, width) whoever is signed in —
// the bell and the account menu's button, or Sign in and Create account — so the header does not
// change size when a shared page learns who is reading. On a phone it is a list inside the menu
// (components/layout/site-header.tsx), every link a full-width 44-pixel row.
export const accountNavClass =
  "flex w-full flex-col items-stretch gap-1 text-sm lg:h-10 lg:w-auto lg:min-w-[16rem] lg:flex-row lg:flex-nowrap lg:items-center lg:justify-end lg:gap-2 lg:whitespace-nowrap";

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
      {/* Words on a phone, where the bell is one row of the Menu's list; the icon alone in the wide row. */}
      <span aria-hidden="true" className="lg:hidden">
        Notifications
      </span>
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

/** The Moderation link with the number of items waiting (held, or reported and still shown). */
function ModerationLink({ href, pending }: { href: string; pending: number }) {
  return (
    <Link href={href} aria-label={`Moderation, ${pending} waiting`} className={`gap-1.5 ${menuItem}`}>
      Moderation
      <span
        aria-hidden="true"
        className={`rounded-full px-1.5 text-xs tabular-nums ${pending ? "bg-amber-700 text-white dark:bg-amber-300 dark:text-zinc-950" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"}`}
      >
        {pending}
      </span>
    </Link>
  );
}

const menuItem = "header-link account-menu-item";
const menuId = "account-menu";

/** Initials on a colour derived from the name; drawn by CSS (`content: attr(data-initials)`), so they are not part of the button's text. */
function MenuAvatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden="true"
      className="account-avatar"
      data-initials={initialsOf(name)}
      style={{ background: avatarColour(name) }}
    />
  );
}

/**
 * A signed-in reader's account menu, the same for every role (GitHub's, Discourse's, Ghost's): on a
 * wide screen one button with their picture and name (`Account: <name>`, with the number of items
 * waiting in moderation for the board) opens a panel with Account settings, My notes, Groups, the
 * board's links by role (Moderation with its count); Sign out stays beside it. The panel is a `popover`
 * opened by the button's `popovertarget`, so it works without JavaScript, and the browser closes
 * it on Escape (focus back on the button) or a click outside; with JavaScript the button also says
 * aria-expanded, and the panel closes after one of its links is followed. On a phone the button is
 * not shown: the same items are a list in the header's Menu (globals.css, `.account-menu`).
 */
export function PersonLinks({ person, signOut }: { person: Person; signOut: () => Promise<void> }) {
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<boolean | null>(null);
  const pathname = usePathname();
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    setOpen(el.matches(":popover-open"));
    const onToggle = (e: Event) => setOpen((e as ToggleEvent).newState === "open");
    el.addEventListener("toggle", onToggle);
    return () => el.removeEventListener("toggle", onToggle);
  }, []);
  useEffect(() => {
    // A link followed inside the panel (client navigation keeps the header): close it.
    if (panel.current?.matches(":popover-open")) panel.current.hidePopover();
  }, [pathname]);
  const closeOnLink = (e: React.MouseEvent) => {
    if ((e.target as Element).closest("a") && panel.current?.matches(":popover-open")) panel.current.hidePopover();
  };
  const pending = person.pending ?? 0;
  return (
    <>
      {typeof person.unread === "number" ? <NotificationsLink unread={person.unread} /> : null}
      <div className="account-menu">
        <button
          type="button"
          popoverTarget={menuId}
          aria-controls={menuId}
          aria-expanded={open ?? undefined}
          aria-label={`Account: ${person.name}`}
          aria-describedby={pending ? `${menuId}-pending` : undefined}
          title={person.name}
          className="account-menu-button"
        >
          <MenuAvatar name={person.name} />
          <span className="min-w-0 max-w-56 truncate font-medium">{person.name}</span>
          {pending ? (
            <span
              aria-hidden="true"
              className="rounded-full bg-amber-700 px-1.5 text-xs tabular-nums text-white dark:bg-amber-300 dark:text-zinc-950"
            >
              {pending > 99 ? "99+" : pending}
            </span>
          ) : null}
          <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" fill="currentColor" className="shrink-0">
            <path d="M5.2 7.2a.75.75 0 0 1 1.06 0L10 10.94l3.74-3.74a.75.75 0 1 1 1.06 1.06l-4.27 4.27a.75.75 0 0 1-1.06 0L5.2 8.26a.75.75 0 0 1 0-1.06Z" />
          </svg>
        </button>
        {pending ? (
          <span id={`${menuId}-pending`} hidden>
            {pending} waiting in moderation
          </span>
        ) : null}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: closes the panel after a link inside it is followed; the links themselves are the controls */}
        <div id={menuId} ref={panel} popover="auto" className="account-menu-panel" onClick={closeOnLink}>
          <p className="account-menu-heading">
            Signed in as{" "}
            <strong className="block truncate font-semibold text-zinc-900 dark:text-zinc-100">{person.name}</strong>
          </p>
          <Link href="/account" className={menuItem}>
            Account settings
          </Link>
          <Link href="/notes" className={menuItem}>
            My notes
          </Link>
          <Link href="/groups" className={menuItem}>
            Groups
          </Link>
          {person.links.length ? <hr className="account-menu-rule" /> : null}
          {person.links.map((l) =>
            l.label === "Moderation" && person.pending !== null ? (
              <ModerationLink key={l.href} href={l.href} pending={person.pending} />
            ) : (
              <Link key={l.href} href={l.href} className={menuItem}>
                {l.label}
              </Link>
            ),
          )}
        </div>
      </div>
      {/* Beside the menu, not in it: "Signed in: button Sign out" (CONTRACT.md) stays one click away. */}
      <form action={signOut} className="flex">
        <button
          type="submit"
          className="header-button border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
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
