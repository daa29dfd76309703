"use client";
import { type ReactNode, useEffect } from "react";
import { CommentItem } from "./comment-item";
import type { CommentView } from "./comment-view";
import { threadsHydrated } from "./threads-wake";

export type CommentThreadsProps = {
  views: CommentView[];
  slug: string;
  open: boolean;
  linkHoldThreshold: number;
  replyTo?: { id: string; node: ReactNode };
};

/**
 * The page's comment threads. A client component on purpose: the page's RSC payload then carries
 * each comment once, as its JSON (CommentView, without the Markdown source), instead of every
 * element of every comment's markup — which was more than half of a long discussion's HTML
 * (issue 22: 438 kB for 84 comments) and most of the cost of rendering it again after each new
 * comment (issue 21). The HTML is the same server-rendered markup as before (CommentItem is the
 * one component for the page and for comments fetched as JSON); nothing here reads the viewer.
 */
export function CommentThreadsList({ views, slug, open, linkHoldThreshold, replyTo }: CommentThreadsProps) {
  useEffect(threadsHydrated, []);
  return (
    <ol
      data-comment-threads
      className="mt-8 divide-y divide-zinc-100 dark:divide-zinc-900"
      aria-label="Comment threads"
    >
      {views.map((c) => (
        <CommentItem
          key={c.id}
          comment={c}
          slug={slug}
          open={open}
          linkHoldThreshold={linkHoldThreshold}
          replyTo={replyTo}
        />
      ))}
    </ol>
  );
}
