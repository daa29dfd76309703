import Link from "next/link";

// What a signed-in commenter or moderator sees instead of the studio.
export function NoAccess({ role }: { role: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-red-700 dark:text-red-400">403</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">You do not have access</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">
        The studio is where editors write and publish articles. Your account is a <strong>{role}</strong> account; an administrator can give it the editor role.
      </p>
      <p className="mt-8"><Link href="/" className="font-medium text-accent-700 hover:underline dark:text-accent-300">Go to the latest articles</Link></p>
    </div>
  );
}
