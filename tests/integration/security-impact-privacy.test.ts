import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { updateArticle } from "@/lib/articles/update-article";
import { annotateQuotes } from "../seed/annotations";
import { publishSeedCopy, seedBody } from "../seed/articles";
import { createTestUser } from "../seed/users";

// Issue 18, item 3: the edit-impact preview (PATCH ?dryRun=1, the studio's panel) listed another
// reader's private note — its quote and id — to the editor. Private notes are counted, never shown.
const privateQuote = "Iran has always viewed the rebellious group as a terrorist organisation";
const publicQuote = "The relation between Albania and Iran";

describe("impact preview privacy (issue 18, item 3)", () => {
  it("counts an orphaned private note but never shows its quote or id to the editor", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor", label: "editor" });
    const { viewer: reader } = await createTestUser({ label: "reader" });
    const { viewer: other } = await createTestUser({ label: "other" });
    const slug = await publishSeedCopy(editor);
    const { annotation: mine } = await createAnnotation(reader, slug, {
      target: { selector: { type: "TextQuoteSelector", exact: privateQuote } },
      body: { type: "TextualBody", value: "only for me" },
      audience: "private",
    });
    const [publicId] = await annotateQuotes(other, slug, [{ exact: publicQuote }]);

    // Deleting the paragraph orphans both notes.
    const body = seedBody
      .split("\n\n")
      .filter((p) => !p.startsWith("The relation between Albania and Iran"))
      .join("\n\n");
    expect(body).not.toContain(privateQuote);
    for (const dryRun of [true, false]) {
      const { impact } = await updateArticle(
        editor,
        slug,
        { body: dryRun ? body : `${body}\n\nA closing line.` },
        { dryRun },
      );
      const json = JSON.stringify(impact);
      expect(json).not.toContain(mine.id);
      expect(json).not.toContain("terrorist organisation");
      expect(impact!.orphaned.map((o) => o.id)).toEqual([publicId]);
      expect(impact!.privateOrphaned).toBe(1);
    }
  });
});
