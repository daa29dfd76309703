import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { CommentThreads } from "./comment-threads";
import type { CommentView } from "./comment-view";
import { liveComments } from "./inert-cut";

// The drawing code's server copy is loaded with require() in the server bundle (thread-parts.tsx);
// vitest's require does not resolve TypeScript, so the test hands the same module over.
vi.mock("./thread-parts", async () => {
  const { splitModule } = await import("@/components/ui/split-module");
  const chunk = await import("./thread-chunk");
  return { threadParts: splitModule(chunk, async () => chunk), useIdleThreadParts: () => {} };
});

// Server actions (Auth.js, the database) are not what is measured here.
vi.mock("@/lib/actions/comments/like-comment", () => ({ likeCommentAction: async () => ({}) }));
vi.mock("@/lib/actions/comments/report-comment", () => ({ reportCommentAction: async () => ({}) }));
vi.mock("@/lib/actions/comments/post-comment", () => ({ postCommentAction: async () => ({}) }));

// The shared page's server HTML of a discussion (what every reader downloads, and what the
// browser holds as elements until the list wakes): its element count is Lighthouse's dom-size
// figure for a long discussion (issue 22: 800 at most for the whole page).

let next = 0;
const view = (depth: number, replies: CommentView[] = [], likes = 0): CommentView => ({
  id: `c${++next}`,
  parentId: null,
  author: { id: `u${next}`, name: `Reader ${next}`, image: null },
  body: null,
  html: "<p>One paragraph of a comment.</p>\n<p>And a second one.</p>",
  status: "approved",
  likes,
  createdAt: "2026-12-07T10:00:00.000Z",
  editedAt: null,
  depth,
  replies,
});

/** 30 threads of 1 + 2 replies (one of them with a reply of its own): 120 comments. */
const discussion = () => Array.from({ length: 30 }, () => view(0, [view(1, [view(2)], 3), view(1)], 5));

const render = (views: CommentView[], eager = false) =>
  renderToString(createElement(CommentThreads, { views, slug: "a-long-one", open: true, linkHoldThreshold: 2, eager }));
const elements = (html: string) => (html.match(/<[a-z][^>]*>/g) ?? []).length;

describe("the comment threads' server HTML", () => {
  it("carries every comment, the first ones as markup and the rest inside <noscript>", () => {
    const html = render(discussion());
    expect(html.match(/<article id="comment-/g)).toHaveLength(120);
    const outside = stripNoscript(html);
    expect(outside.match(/<article id="comment-/g)).toHaveLength(liveComments);
  });

  it("costs about 12 elements a comment (item, article, header, link, time, body, its 2 paragraphs, actions row, Reply, Report, like count; a replies list a thread): no avatar, name or heart elements", () => {
    const html = stripNoscript(render(discussion()));
    // 12.1 here (it was 14.7 with the avatar, name and heart as elements).
    expect(elements(html) / liveComments).toBeLessThanOrEqual(12.5);
    expect(html).not.toContain("aria-hidden");
    expect(html).toContain('data-initials="R');
  });

  it("names each permalink by the time it shows, then what it is (WCAG 2.5.3, label in name)", () => {
    const links = [
      ...stripNoscript(render(discussion())).matchAll(
        /<a href="\/articles\/a-long-one\/comments\/[^"]+"[^>]*aria-label="([^"]*)"[^>]*><time[^>]*>([^<]*)<\/time><\/a>/g,
      ),
    ];
    expect(links).toHaveLength(liveComments);
    for (const [, name, shown] of links) {
      expect(shown).not.toBe("");
      expect(name).toBe(`${shown}, link to this comment`);
    }
  });

  it("leaves a permalink's page (eager) and a short discussion whole", () => {
    expect(render(discussion(), true)).not.toContain("<noscript>");
    const short = Array.from({ length: 10 }, () => view(0));
    expect(render(short)).not.toContain("<noscript>");
  });
});

/** Removes <noscript>…</noscript> sections, nested ones included. */
function stripNoscript(html: string) {
  let out = "";
  let depth = 0;
  for (const part of html.split(/(<\/?noscript>)/)) {
    if (part === "<noscript>") depth++;
    else if (part === "</noscript>") depth--;
    else if (depth === 0) out += part;
  }
  return out;
}
