import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { annotateQuotes } from "../seed/annotations";
import { publishSeedCopy } from "../seed/articles";
import { createTestUser } from "../seed/users";

describe("exportAnnotations (npm run gloss -- export:annotations)", () => {
  it("exports the public notes as one W3C AnnotationCollection and never a private one", async () => {
    const { viewer: editor } = await createTestUser({ role: "editor", label: "export-editor" });
    const { viewer: reader } = await createTestUser({ label: "export-reader" });
    const slug = await publishSeedCopy(editor);
    const [publicId] = await annotateQuotes(reader, slug, [
      { exact: "The ransomware software used is referred to as Roadsweep" },
    ]);
    await createAnnotation(reader, slug, {
      target: { selector: { type: "TextQuoteSelector", exact: "Manez" } },
      audience: "private",
      body: { type: "TextualBody", value: "private: check the spelling" },
    });

    const collection = await exportAnnotations(slug);
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(1);
    const [item] = collection.first.items;
    expect(item.id.endsWith(`/api/annotations/${slug}/${publicId}`)).toBe(true);
    expect(JSON.stringify(collection)).not.toContain("check the spelling");
    const target = item.target as { selector: { type: string }[] };
    expect(target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
  });
});
