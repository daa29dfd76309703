"use client";
import { Fragment } from "react";
import type { CommentView } from "./comment-view";
import { threadParts } from "./thread-parts";

/**
 * Threads of a shared page rendered alone, for scripts/server.mjs to keep each one's HTML under its
 * key (lib/comments/discussion-view.ts) and fill it into the page's shell: each thread follows a
 * `<template data-gloss-thread="mark.key">` mark, the last one ends at
 * `<template data-gloss-thread-end="mark">` (`mark`: the server's random token for this render, so
 * nothing else in the page can pass for a mark). The markup is CommentThreads' own (the same CommentItem).
 */
export function ThreadFragments({
  mark,
  parts,
  slug,
  open,
  linkHoldThreshold,
}: {
  mark: string;
  parts: { key: string; view: CommentView; cut?: [string, number][] }[];
  slug: string;
  open: boolean;
  linkHoldThreshold: number;
}) {
  // Rendered on the server alone (its own copy of the drawing code: thread-parts.tsx), so it adds
  // nothing to the browser's first-load JavaScript.
  const CommentItem = threadParts.get()?.CommentItem;
  if (!CommentItem) return null;
  return (
    <ol hidden>
      {parts.map(({ key, view, cut }) => (
        <Fragment key={key}>
          <template data-gloss-thread={`${mark}.${key}`} />
          <CommentItem
            comment={view}
            slug={slug}
            open={open}
            linkHoldThreshold={linkHoldThreshold}
            cut={cut ? new Map(cut) : null}
          />
        </Fragment>
      ))}
      <template data-gloss-thread-end={mark} />
    </ol>
  );
}
