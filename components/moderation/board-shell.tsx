import Link from "next/link";
import { roleCan } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

const sections = [
  { href: "/moderation", label: "Queue", permission: "moderation.read" },
  { href: "/moderation/users", label: "Users", permission: "moderation.read" },
  { href: "/moderation/log", label: "Audit log", permission: "moderation.read" },
  { href: "/moderation/settings", label: "Rules", permission: "settings.manage" },
  { href: "/moderation/subscribers", label: "Subscribers", permission: "subscribers.read" },
] as const;

// The frame of every moderation page: its title and the board's sections (those the role opens).
export function BoardShell({
  title,
  current,
  role,
  children,
  intro,
}: {
  title: string;
  current: string;
  role: Role;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-zinc-200 pb-4 dark:border-zinc-800">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wider text-zinc-500 dark:text-zinc-400">
            Editorial board
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
          {intro ? <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{intro}</div> : null}
        </div>
        <nav aria-label="Moderation sections">
          <ul className="flex flex-wrap gap-1 text-sm">
            {sections
              .filter((s) => roleCan(role, s.permission))
              .map((s) => (
                <li key={s.href}>
                  <Link
                    href={s.href}
                    aria-current={current === s.href ? "page" : undefined}
                    className="block rounded-md px-3 py-1.5 hover:bg-zinc-100 aria-[current=page]:bg-zinc-900 aria-[current=page]:text-white dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-100 dark:aria-[current=page]:text-zinc-900"
                  >
                    {s.label}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      </div>
      <div className="mt-6">{children}</div>
    </div>
  );
}
