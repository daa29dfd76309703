import Link from "next/link";

const who: Record<string, string> = { moderator: "moderators, editors and admins", editor: "editors and admins", admin: "admins" };

// What a signed-in reader sees on a board page their role does not open.
export function NoAccess({ role = "moderator", signedInAs }: { role?: "moderator" | "editor" | "admin"; signedInAs: { name: string; role: string } }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">403 · Editorial board</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">You do not have access</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">This page is for {who[role]}. You are signed in as {signedInAs.name} ({signedInAs.role}).</p>
      <p className="mt-8"><Link href="/" className="font-medium text-accent-700 hover:underline dark:text-accent-300">Go to the latest articles</Link></p>
    </div>
  );
}
