import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { decodeParam } from "@/components/article/archive-view";
import { Avatar } from "@/components/ui/avatar";
import { getPublicProfile } from "@/lib/users/get-public-profile";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => getPublicProfile(decodeParam(id)));
const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await load((await params).id);
  return profile
    ? { title: profile.name, description: profile.bio || undefined, robots: { index: false } }
    : { title: "Not found" };
}

// A person's page: where an annotation's author link (`/users/<id>`, its W3C `creator`) leads.
export default async function UserPage({ params }: Props) {
  const profile = await load((await params).id);
  if (!profile) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <header className="flex items-center gap-4 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <Avatar name={profile.name} image={profile.image} size={64} />
        <div>
          <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">Reader</p>
          <h1 className="mt-1 font-serif text-3xl font-bold leading-tight tracking-tight">{profile.name}</h1>
        </div>
      </header>
      {profile.bio ? <p className="mt-6 font-serif text-lg leading-relaxed">{profile.bio}</p> : null}
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-zinc-600 dark:text-zinc-400">Member since</dt>
        <dd>{month.format(profile.joined)}</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Contributions</dt>
        <dd>
          {plural(profile.comments, "comment", "comments")} · {plural(profile.notes, "public note", "public notes")}
        </dd>
      </dl>
      {profile.authorPath ? (
        <p className="mt-6">
          <Link href={profile.authorPath} className="font-medium text-accent-700 underline dark:text-accent-300">
            Articles by {profile.name}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
