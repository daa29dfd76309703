import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

// Where deleting an account lands (issue 18, item 13): it says it is done and what stays.
export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-12 sm:px-6">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Your account is deleted</h1>
      <p role="status" className="text-zinc-700 dark:text-zinc-300">
        You are signed out, and your name, email, picture, tokens and sessions are removed. Your comments and notes
        stay, shown as written by “deleted user”.
      </p>
      <p className="mt-6 text-sm">
        <Link href="/" className="font-medium text-accent-700 underline dark:text-accent-300">
          Back to the articles
        </Link>{" "}
        ·{" "}
        <Link href="/signup" className="font-medium text-accent-700 underline dark:text-accent-300">
          Create a new account
        </Link>
      </p>
    </div>
  );
}
