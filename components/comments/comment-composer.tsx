"use client";
import Link from "next/link";
import { usePersonalState } from "@/components/personal/personal-store";
import { signInHref } from "@/lib/http/sign-in-href";
import { CommentForm } from "./comment-form";

// Where a reader writes a new comment. The shared page carries the form (a signed-in reader
// without JavaScript posts with it); once the personal layer says who is reading, an anonymous
// reader gets "Sign in to comment" and a banned one the ban, in the same reserved space, so the
// comments below do not move.
export function CommentComposer({ slug }: { slug: string }) {
  const { data: me } = usePersonalState(slug);
  let body;
  if (me && !me.viewer) {
    body = (
      <div className="flex min-h-56 flex-col justify-center rounded-md border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700">
        <p>
          <a
            href={signInHref(`/articles/${slug}#comments`)}
            className="font-medium text-accent-700 underline dark:text-accent-300"
          >
            Sign in to comment
          </a>
        </p>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          No account yet?{" "}
          <Link href="/signup" className="underline">
            Create one
          </Link>{" "}
          — it takes a name, an email and a password.
        </p>
      </div>
    );
  } else if (me?.ban) {
    body = (
      <p
        role="note"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
      >
        {me.ban.notice}
      </p>
    );
  } else if (me && !me.canComment) {
    body = <p className="text-sm text-zinc-700 dark:text-zinc-300">Comments are closed on this article.</p>;
  } else {
    body = <CommentForm slug={slug} label="Comment" submitLabel="Post comment" />;
  }
  return <div className="min-h-56">{body}</div>;
}
