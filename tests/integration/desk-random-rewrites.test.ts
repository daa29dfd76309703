import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { renderArticle } from "@/lib/articles/render-article";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { createReviewNote } from "@/lib/reviews/create-review-note";
import { listReviewNotes } from "@/lib/reviews/list-review-notes";
import { seededRandom } from "../anchoring/support/long-article";
import { landsOnOwnPassage, randomRevision, type TracedRevision } from "../anchoring/support/random-revision";
import { seed } from "../anchoring/support/seed-article";
import { uniqueSlug } from "../seed/unique";
import { createTestUser } from "../seed/users";

// Review notes through 20 random draft rewrites (issue 16): each save re-anchors them; a note
// that stays anchored must sit on (what is left of) its own passage — 0 misplaced.

/** Lines a Markdown paragraph renders back unchanged (no markup, no list or heading starts). */
const plain = seed.text
  .split("\n")
  .map((l) =>
    l
      .replace(/[^A-Za-z0-9 ,.;:()-]/g, " ")
      .replace(/ +/g, " ")
      .trim(),
  )
  .filter((l) => l.length > 60 && /^[A-Za-z]/.test(l));

/** Trims lines, collapses spaces and drops empty lines, keeping each character's origin. */
function normalise(rev: TracedRevision): TracedRevision {
  const chars = Array.from(rev.text).map((char, i) => ({ char, origin: rev.origins[i] }));
  const lines: (typeof chars)[] = [[]];
  for (const c of chars) {
    if (c.char === "\n") lines.push([]);
    else lines[lines.length - 1].push(c);
  }
  const kept = lines
    .map((line) => {
      const out: typeof chars = [];
      for (const c of line)
        if (!(c.char === " " && (out.length === 0 || out[out.length - 1].char === " "))) out.push(c);
      while (out.length && out[out.length - 1].char === " ") out.pop();
      return out;
    })
    .filter((l) => l.length > 0 && /^[A-Za-z]/.test(l[0].char));
  const joined = kept.flatMap((l, i) => (i === 0 ? l : [{ char: "\n", origin: -1 }, ...l]));
  return { text: joined.map((c) => c.char).join(""), origins: joined.map((c) => c.origin) };
}

let author: Viewer, editor: Viewer;
beforeAll(async () => {
  author = (await createTestUser({ role: "contributor", label: "rr-author" })).viewer;
  editor = (await createTestUser({ role: "editor", label: "rr-editor" })).viewer;
});

describe("review notes through 20 random draft rewrites", () => {
  it("never lands a note on a wrong passage", async () => {
    expect(plain.length).toBeGreaterThan(8);
    const original = plain.join("\n");
    expect(renderArticle(plain.join("\n\n")).text).toBe(original);
    const slug = uniqueSlug("rr");
    await createArticle(author, { title: "Random rewrites", slug, body: plain.join("\n\n") });

    // 30 notes on whole words, 2–12 words long, spread over the text.
    const random = seededRandom(1616);
    const words = [...original.matchAll(/[A-Za-z]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const notes: { id: string; from: number; to: number }[] = [];
    while (notes.length < 30) {
      const first = Math.floor(random() * (words.length - 12));
      const from = words[first].start,
        to = words[first + 2 + Math.floor(random() * 10)].end;
      if (original.slice(from, to).includes("\n")) continue;
      const n = await createReviewNote(editor, slug, {
        type: "Annotation",
        body: { type: "TextualBody", value: `Note ${notes.length}` },
        target: {
          selector: [
            { type: "TextQuoteSelector", exact: original.slice(from, to) },
            { type: "TextPositionSelector", start: from, end: to },
          ],
        },
      });
      notes.push({ id: n.id, from, to });
    }

    // Each rewrite is made from the previous draft; origins are composed back to the original.
    let current: TracedRevision = { text: original, origins: Array.from(original, (_, i) => i) };
    let misplaced = 0,
      anchoredChecks = 0,
      orphaned = 0;
    for (let round = 0; round < 20; round++) {
      const step = normalise(randomRevision(current.text, random));
      const next: TracedRevision = {
        text: step.text,
        origins: step.origins.map((o) => (o < 0 ? -1 : current.origins[o])),
      };
      await updateArticle(author, slug, { body: next.text.split("\n").join("\n\n") });
      const { article, notes: rows } = await listReviewNotes(editor, slug);
      expect(article.latest!.text).toBe(next.text);
      for (const n of notes) {
        const row = rows.find((r) => r.id === n.id)!;
        if (row.state === "orphaned") {
          orphaned++;
          continue;
        }
        anchoredChecks++;
        // Positions are code points; the text is ASCII, so they index it directly.
        if (!landsOnOwnPassage(next, n.from, n.to, row.start!, row.end!)) misplaced++;
        expect(Array.from(next.text).slice(row.start!, row.end!).join("")).toBe(row.exact);
      }
      current = next;
    }
    console.log(
      `review notes, 20 rewrites × ${notes.length}: ${anchoredChecks} anchored placements checked, ${orphaned} orphaned, ${misplaced} misplaced`,
    );
    expect(misplaced).toBe(0);
    expect(anchoredChecks).toBeGreaterThan(100);
  }, 120_000);
});
