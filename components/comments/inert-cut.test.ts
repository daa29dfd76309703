import { describe, expect, it } from "vitest";
import type { CommentView } from "./comment-view";
import { commentElements, countAll, inertCut, liveComments, threadSize, threadsKey } from "./inert-cut";

let next = 0;
const view = (replies: CommentView[] = [], more?: number): CommentView => ({
  id: `c${++next}`,
  parentId: null,
  author: { id: "a", name: "Ann Reader", image: null },
  body: null,
  html: "<p>x</p>",
  status: "approved",
  likes: 0,
  createdAt: "2026-12-07T00:00:00.000Z",
  editedAt: null,
  replies,
  ...(more ? { moreReplies: { count: more, cursor: null } } : {}),
});

describe("the server HTML's cut after the first comments (issue 22)", () => {
  it("leaves a page of n comments or fewer whole", () => {
    const views = [view(), view([view(), view()]), view()];
    expect(countAll(views)).toBe(5);
    expect(inertCut(views, 5)).toBeNull();
    expect(inertCut(views, 9)).toBeNull();
    expect(inertCut([], 3)).toBeNull();
  });

  it("cuts the top-level list after the thread that holds the n-th comment's last ancestor", () => {
    const views = [view(), view(), view(), view()];
    expect(inertCut(views, 2)).toEqual(new Map([[threadsKey, 2]]));
  });

  it("cuts inside a long thread: every list on the path keeps what comes before, in reading order", () => {
    // 1 root, its replies r1 (with r1a, r1b) and r2, then two more threads: reading order
    // root, r1, r1a, r1b, r2, t2, t3. The 3rd comment is r1a.
    const r1 = view([view(), view()]);
    const r2 = view();
    const root = view([r1, r2]);
    const views = [root, view(), view()];
    const cut = inertCut(views, 3)!;
    expect(cut.get(threadsKey)).toBe(1); // threads 2 and 3 are inert
    expect(cut.get(root.id)).toBe(1); // r2 is inert
    expect(cut.get(r1.id)).toBe(1); // r1b is inert
    expect(cut.size).toBe(3);
  });

  it("makes all the replies of the n-th comment inert, and its 'more replies' with them", () => {
    const last = view([view()], 7);
    const views = [view(), last];
    expect(inertCut(views, 2)).toEqual(
      new Map([
        [threadsKey, 2],
        [last.id, 0],
      ]),
    );
    // Only a stub after the cut: still a cut (the stub goes into the <noscript>).
    const stubOnly = view([], 4);
    expect(inertCut([view(), stubOnly], 2)).toEqual(
      new Map([
        [threadsKey, 2],
        [stubOnly.id, 0],
      ]),
    );
  });

  it("ends the live part sooner when long comments reach the element budget", () => {
    const long = (paragraphs: number) => ({
      ...view(),
      html: Array.from({ length: paragraphs }, (_, i) => `<p>Paragraph ${i} with <em>emphasis</em>.</p>`).join("\n"),
    });
    expect(commentElements(long(10))).toBe(30);
    const views = Array.from({ length: 40 }, () => long(10));
    // 30 elements each: the 14th comment reaches 420.
    expect(inertCut(views)).toEqual(new Map([[threadsKey, 14]]));
    // Short ones stop at the comment count.
    expect(inertCut(Array.from({ length: 40 }, () => view()))).toEqual(new Map([[threadsKey, liveComments]]));
  });

  it("carries an ancestor's 'more replies' after the cut", () => {
    const parent = view([view(), view()], 12);
    const cut = inertCut([parent], 3);
    expect(cut).toEqual(
      new Map([
        [threadsKey, 1],
        [parent.id, 2],
      ]),
    );
  });
});

describe("the room a thread keeps until it is laid out (content-visibility)", () => {
  it("counts the live comments of a thread: their fixed part and their text, not what the cut sends to <noscript>", () => {
    const one = threadSize(view());
    expect(one).toEqual({ rem: Math.ceil(7 + 2.6), chars: 1 });
    const r1 = view();
    const r2 = view();
    const root = view([r1, r2]);
    expect(threadSize(root)).toEqual({ rem: Math.ceil(3 * 9.6), chars: 3 });
    // r2 after the cut: in <noscript>, no room.
    expect(threadSize(root, new Map([[root.id, 1]]))).toEqual({ rem: Math.ceil(2 * 9.6), chars: 2 });
  });

  it("grows with the text and its paragraphs; a deleted comment and a 'Show more replies' keep a line's room", () => {
    const long = { ...view(), html: `<p>${"a".repeat(300)}</p><p>b</p>` };
    expect(threadSize(long)).toEqual({ rem: Math.ceil(7 + 2 * 2.6), chars: 301 });
    const deleted = { ...view([], 4), status: "deleted" as const };
    expect(threadSize(deleted)).toEqual({ rem: Math.ceil(3.5 + 3), chars: 0 });
  });
});
