import { beforeAll, describe, expect, it } from "vitest";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { annotateQuotes, type NoteSpec } from "../seed/annotations";
import { publishSeedCopy, seedBody } from "../seed/articles";
import { createTestUser } from "../seed/users";
import { anchorsOf, currentText, rangeOf, sliceCodePoints } from "./studio-helpers";

// Re-anchoring through the edits editors really make to the seed article. Every note must end up
// either exactly on its passage in the new text or orphaned — never on another passage.

type Place = { exact: string; prefix?: string };
/** `at`: exactly there. `orphaned`: nowhere. `mayOrphan`: the passage itself was edited, so orphaned is right too. `within`: a rewritten passage: orphaned, or inside it. */
type Expect = { at: Place; mayOrphan?: boolean } | { orphaned: true } | { within: string };

const notes: (NoteSpec & { name: string })[] = [
  { name: "untouched opening", exact: "Albania announced that it has cut all diplomatic ties with Iran" },
  { name: "typo inside", exact: "by not adhering to the nuclear dela which was signed by both Nation States in 2015" },
  { name: "doubled word inside", exact: "It took arms against against the Pahlavi dynasty" },
  { name: "rewritten sentence", exact: "The ransomware software used is referred to as Roadsweep" },
  { name: "deleted paragraph", exact: "Iran has always viewed the rebellious group as a terrorist organisation" },
  {
    name: "reordered paragraph",
    exact: "The USA in response of the cyber-attacks conducted against Albania has imposed sanctions",
  },
  { name: "repeated phrase, second", exact: "an offensive act of aggregation", prefix: "Iran has committed " },
  { name: "heading", exact: "Motive behind the said attack" },
  { name: "short repeated word", exact: "MEK", prefix: "Mujahedeen of Iran (" },
  {
    name: "sentence beside a rewrite",
    exact: "These attacks have been primarily been targeted on journalists and activists",
  },
  { name: "second section", exact: "This forced the state of Albania to take the system offline for 24 hours" },
  { name: "near the end", exact: "However, that does not justify this act of vengeance." },
];

const replaceOnce = (text: string, from: string, to: string) => {
  expect(text.split(from).length, `“${from}” must occur once in the body`).toBe(2);
  return text.replace(from, to);
};
const paragraphs = (body: string) => body.split("\n\n");
const paragraphStarting = (body: string, start: string) => paragraphs(body).findIndex((p) => p.startsWith(start));

const rewritten =
  "Investigators named the malware Roadsweep: once it runs, it lists the files of a device and encrypts them.";
const editorsNote =
  "Editor’s note: Albania announced that it has cut all diplomatic ties with Iran in September 2022. This piece explains the background.";

const edits: Record<string, (body: string) => string> = {
  "typo fixes": (body) => {
    let out = replaceOnce(body, "nuclear dela", "nuclear deal");
    out = replaceOnce(out, "against against", "against");
    out = replaceOnce(out, "diplomatical ties", "diplomatic ties");
    out = replaceOnce(out, "have been tensed", "have been tense");
    return out.split("act of aggregation").join("act of aggression");
  },
  "a sentence rewritten": (body) =>
    replaceOnce(
      body,
      "The ransomware software used is referred to as Roadsweep, which is a new software which upon execution enumerates and encrypts files on the attacked device.",
      rewritten,
    ),
  "a paragraph inserted before": (body) => {
    const list = paragraphs(body);
    list.splice(
      paragraphStarting(body, "## Motive"),
      0,
      "Before turning to motives, recall that the attacks came in three waves, each against a different system.",
    );
    return [editorsNote, ...list].join("\n\n");
  },
  "a paragraph deleted": (body) =>
    paragraphs(body)
      .filter((p) => !p.startsWith("The relation between Albania and Iran"))
      .join("\n\n"),
  "paragraphs reordered": (body) => {
    const list = paragraphs(body);
    const a = paragraphStarting(body, "According to a Microsoft report");
    const b = paragraphStarting(body, "The USA in response");
    [list[a], list[b]] = [list[b], list[a]];
    return list.join("\n\n");
  },
};
const eachEdit = Object.values(edits);
edits["all of them at once"] = (body) => eachEdit.reduce((text, edit) => edit(text), body);

// What each edit must do to the notes; a note not named here stays exactly on its own passage.
const expected: Record<string, Record<string, Expect>> = {
  "typo fixes": {
    "typo inside": {
      at: { exact: "by not adhering to the nuclear deal which was signed by both Nation States in 2015" },
      mayOrphan: true,
    },
    "doubled word inside": { at: { exact: "It took arms against the Pahlavi dynasty" }, mayOrphan: true },
    "repeated phrase, second": {
      at: { exact: "an offensive act of aggression", prefix: "Iran has committed " },
      mayOrphan: true,
    },
  },
  "a sentence rewritten": { "rewritten sentence": { within: rewritten } },
  "a paragraph inserted before": {
    "untouched opening": {
      at: {
        exact: "Albania announced that it has cut all diplomatic ties with Iran",
        prefix: "Earlier at the beginning of last month, ",
      },
    },
  },
  "a paragraph deleted": { "deleted paragraph": { orphaned: true } },
  "paragraphs reordered": {},
};
expected["all of them at once"] = Object.assign({}, ...Object.values(expected));

let editor: Viewer;
let reader: Viewer;

beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", label: "reanchor-editor" })).viewer;
  reader = (await createTestUser({ label: "reanchor-reader" })).viewer;
});

describe("re-anchoring notes through realistic edits of the seed article", () => {
  for (const [scenario, edit] of Object.entries(edits)) {
    it(scenario, async () => {
      const slug = await publishSeedCopy(editor);
      const ids = await annotateQuotes(reader, slug, notes);
      const newBody = edit(seedBody);
      expect(newBody).not.toBe(seedBody);

      const dryRun = await updateArticle(editor, slug, { body: newBody, baseRevision: 1 }, { dryRun: true });
      const published = await updateArticle(editor, slug, { body: newBody, baseRevision: 1 });
      expect(published.revision).toBe(2);
      // The preview the editor confirmed is exactly what publishing did.
      expect(published.impact).toEqual(dryRun.impact);

      const text = await currentText(slug);
      const revision = await db.article.findUniqueOrThrow({
        where: { slug },
        select: { currentRevision: { select: { id: true, blockIds: true } } },
      });
      const anchors = await anchorsOf(ids);
      const misplaced: string[] = [];
      const outcome: Record<string, string> = {};
      notes.forEach((note, i) => {
        const anchor = anchors[i];
        const want = expected[scenario][note.name] ?? { at: { exact: note.exact, prefix: note.prefix } };
        if (anchor.state === "orphaned") {
          outcome[note.name] = "orphaned";
          const allowed = "orphaned" in want || "within" in want || ("mayOrphan" in want && want.mayOrphan);
          if (!allowed) misplaced.push(`${note.name}: orphaned, but its passage is still there`);
          expect(anchor.originalExact).toBe(note.exact); // readers still see what it was written on
          return;
        }
        outcome[note.name] = `${anchor.start}–${anchor.end}`;
        // Anchored: the stored quote is exactly the text at the stored position…
        expect(sliceCodePoints(text, anchor.start!, anchor.end!)).toBe(anchor.exact);
        // …in the block readers see it beside.
        const blockIndex = Array.from(text).slice(0, anchor.start!).join("").split("\n").length - 1;
        expect(anchor.blockId).toBe(revision.currentRevision!.blockIds[blockIndex]);
        if ("orphaned" in want)
          misplaced.push(
            `${note.name}: anchored at ${anchor.start}–${anchor.end} (“${anchor.exact}”), but its passage was deleted`,
          );
        else if ("within" in want) {
          const region = rangeOf(text, want.within);
          if (anchor.start! < region.start || anchor.end! > region.end)
            misplaced.push(`${note.name}: anchored outside its rewritten passage: “${anchor.exact}”`);
        } else {
          const right = rangeOf(text, want.at.exact, want.at.prefix);
          if (anchor.start !== right.start || anchor.end !== right.end)
            misplaced.push(
              `${note.name}: at ${anchor.start}–${anchor.end} (“${anchor.exact}”), must be ${right.start}–${right.end}`,
            );
        }
      });
      expect(misplaced, JSON.stringify(outcome, null, 1)).toEqual([]);

      const orphanedIds = ids.filter((_, i) => anchors[i].state === "orphaned");
      expect(published.impact!.orphaned.map((o) => o.id).sort()).toEqual(orphanedIds.sort());
      expect(published.impact!.kept + published.impact!.moved + published.impact!.orphaned.length).toBe(notes.length);
      for (const [name, want] of Object.entries(expected[scenario])) {
        if ("orphaned" in want) expect(outcome[name], name).toBe("orphaned");
      }
    });
  }

  it("an untouched article keeps every note where it was (kept, not moved)", async () => {
    const slug = await publishSeedCopy(editor);
    const ids = await annotateQuotes(reader, slug, notes.slice(0, 4));
    const before = await anchorsOf(ids);
    const result = await updateArticle(editor, slug, {
      body: `${seedBody}\n\nA closing paragraph added at the very end.`,
    });
    expect(result.impact).toEqual({ kept: 4, moved: 0, orphaned: [], privateOrphaned: 0 });
    expect((await anchorsOf(ids)).map((a) => [a.start, a.end])).toEqual(before.map((a) => [a.start, a.end]));
  });
});
