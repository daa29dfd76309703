import { beforeAll, describe, expect, it } from "vitest";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotateQuotes } from "../seed/annotations";
import { publishSeedCopy, seedBody } from "../seed/articles";
import { createTestUser } from "../seed/users";
import { currentText, rangeOf, sliceCodePoints } from "./studio-helpers";

// Issue 20: publishing an edit that rewords a quoted passage follows the note to the new
// wording; its stored selectors describe the new text exactly, and its history keeps the old.

let editor: Viewer;
let reader: Viewer;

beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", label: "history-editor" })).viewer;
  reader = (await createTestUser({ label: "history-reader" })).viewer;
});

const anchorsOf = (ids: string[]) =>
  Promise.all(
    ids.map((id) =>
      db.annotation.findUniqueOrThrow({
        where: { id },
        select: { state: true, exact: true, prefix: true, suffix: true, start: true, end: true },
      }),
    ),
  );

const replaceOnce = (text: string, from: string, to: string) => {
  expect(text.split(from).length, `“${from}” must occur once`).toBe(2);
  return text.replace(from, to);
};

describe("publishing an edit that rewords a quoted passage", () => {
  it("rewrites the note's selectors to the new passage and keeps the old ones in its history", async () => {
    const slug = await publishSeedCopy(editor);
    const [reworded, untouched, shifted] = await annotateQuotes(reader, slug, [
      { exact: "Albania announced that it has cut all diplomatic ties with Iran" },
      { exact: "This forced the state of Albania to take the system offline for 24 hours" },
      { exact: "However, that does not justify this act of vengeance." },
    ]);
    const [before] = await anchorsOf([reworded]);
    const [untouchedBefore] = await anchorsOf([untouched]);

    // A word inserted inside the quote, an apostrophe curled nearby, a sentence added earlier.
    let body = replaceOnce(
      seedBody,
      "Albania announced that it has cut all diplomatic ties with Iran",
      "Albania announced that it has cut all diplomatic and trade ties with Iran",
    );
    body = `An editor's introduction.\n\n${body}`;
    const published = await updateArticle(editor, slug, { body, baseRevision: 1 });
    expect(published.revision).toBe(2);
    expect(published.impact!.orphaned).toEqual([]);

    const text = await currentText(slug);
    const [after] = await anchorsOf([reworded]);
    const newExact = "Albania announced that it has cut all diplomatic and trade ties with Iran";
    const range = rangeOf(text, newExact);
    expect(after).toMatchObject({ state: "anchored", exact: newExact, start: range.start, end: range.end });
    // Prefix, exact and suffix are the new text around it, verbatim.
    expect(sliceCodePoints(text, after.start! - after.prefix!.length, after.end! + after.suffix!.length)).toBe(
      after.prefix! + after.exact! + after.suffix!,
    );
    expect(text.split(after.prefix! + after.exact! + after.suffix!)).toHaveLength(2);
    const revision = await db.article.findUniqueOrThrow({
      where: { slug },
      select: { currentRevision: { select: { id: true } } },
    });
    const stored = await db.annotation.findUniqueOrThrow({
      where: { id: reworded },
      select: { anchorRevisionId: true, body: true },
    });
    expect(stored.anchorRevisionId).toBe(revision.currentRevision!.id);

    // The history has the selectors it had before, with the note's text unchanged.
    const history = await db.annotationRevision.findMany({ where: { annotationId: reworded } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ body: stored.body, editedById: null });
    expect(history[0].anchor).toMatchObject({
      exact: before.exact,
      prefix: before.prefix,
      suffix: before.suffix,
      start: before.start,
      end: before.end,
      state: "anchored",
    });

    // A note whose passage only shifted keeps no history entry, and describes its new place.
    const [untouchedAfter] = await anchorsOf([untouched]);
    expect(untouchedAfter.exact).toBe(untouchedBefore.exact);
    expect(untouchedAfter.start).toBe(rangeOf(text, untouchedBefore.exact!).start);
    // Written by the position-only statement: its text as it was, its revision and version moved on.
    expect(untouchedAfter).toMatchObject({ prefix: untouchedBefore.prefix, suffix: untouchedBefore.suffix });
    expect(
      await db.annotation.findUniqueOrThrow({
        where: { id: untouched },
        select: { anchorRevisionId: true, version: true },
      }),
    ).toEqual({ anchorRevisionId: revision.currentRevision!.id, version: 2 });
    expect(await db.annotationRevision.count({ where: { annotationId: { in: [untouched, shifted] } } })).toBe(0);
  });

  it("keeps the selectors of a note orphaned by the edit as they were, with no history entry", async () => {
    const slug = await publishSeedCopy(editor);
    const [gone] = await annotateQuotes(reader, slug, [
      { exact: "Iran has always viewed the rebellious group as a terrorist organisation" },
    ]);
    const [before] = await anchorsOf([gone]);
    const body = seedBody
      .split("\n\n")
      .filter((paragraph) => !paragraph.includes("Iran has always viewed the rebellious group"))
      .join("\n\n");
    await updateArticle(editor, slug, { body, baseRevision: 1 });
    const [after] = await anchorsOf([gone]);
    expect(after).toEqual({ ...before, state: "orphaned" });
    expect(await db.annotationRevision.count({ where: { annotationId: gone } })).toBe(0);
  });
});
