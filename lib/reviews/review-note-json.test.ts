import { describe, expect, it, vi } from "vitest";
import { noteFromJson } from "@/components/annotations/model/note-data";
import { waitingFor } from "@/components/studio/review-list";
import { passageChanged, type ReviewNoteRow, reviewNoteJson } from "./review-note-json";

vi.mock("@/lib/env", () => ({ siteUrl: () => "http://gloss.test" }));

const row = (over: Partial<ReviewNoteRow> = {}): ReviewNoteRow => ({
  id: "n1",
  articleId: "a1",
  authorId: "u1",
  parentId: null,
  threadId: "n1",
  body: "Cite it.",
  html: "<p>Cite it.</p>",
  exact: "breached the treaty",
  prefix: "vessel ",
  suffix: " of amity",
  start: 10,
  end: 29,
  blockId: "b1",
  anchorRevisionId: "r1",
  state: "anchored",
  originalExact: "breached the treaty",
  resolvedAt: null,
  version: 1,
  createdAt: new Date("2026-12-07T10:00:00Z"),
  editedAt: null,
  deletedAt: null,
  author: { id: "u1", name: "Eda", deletedAt: null },
  article: { slug: "s" },
  ...over,
});

describe("review notes as W3C JSON and in the margin's model", () => {
  it("says whether the passage changed since the note", () => {
    expect(passageChanged(row())).toBe(false);
    expect(passageChanged(row({ exact: "breached the treaty (art. X)" }))).toBe(true);
    expect(passageChanged(row({ state: "orphaned" }))).toBe(true);
  });

  it("carries state, resolved, changed and the selectors; the margin's model reads them", () => {
    const json = reviewNoteJson(row({ resolvedAt: new Date() }), { viewerId: "u1" });
    expect(json).toMatchObject({
      type: "Annotation",
      state: "anchored",
      resolved: true,
      changed: false,
      canEdit: true,
    });
    expect(JSON.stringify(json.target)).toContain('"TextPositionSelector","start":10,"end":29');
    expect(json.id).toMatch(/\/api\/reviews\/s\/n1$/);
    const note = noteFromJson(json as Record<string, unknown>);
    expect(note).toMatchObject({
      id: "n1",
      resolved: true,
      changed: false,
      state: "anchored",
      canEdit: true,
      quote: { exact: "breached the treaty" },
    });
    // An orphaned note shows no position, and its original quote.
    const orphan = reviewNoteJson(row({ state: "orphaned" }));
    expect(JSON.stringify(orphan.target)).not.toContain("TextPositionSelector");
    expect(orphan).toMatchObject({ changed: true, originalQuote: "breached the treaty" });
    // Readers' notes carry neither field.
    expect(noteFromJson({ id: "x", target: { selector: [] } })).not.toHaveProperty("resolved");
  });

  it("reads the Review tab's waiting time", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(waitingFor(new Date("2026-12-07T11:59:00Z"), now)).toBe("1 minute");
    expect(waitingFor(new Date("2026-12-07T09:00:00Z"), now)).toBe("3 hours");
    expect(waitingFor(new Date("2026-12-04T12:00:00Z"), now)).toBe("3 days");
  });
});
