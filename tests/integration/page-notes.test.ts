import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { annotationJson } from "@/lib/annotations/annotation-json";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { getConversation } from "@/lib/annotations/get-conversation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { noteShareMetadata } from "@/lib/annotations/note-share-metadata";
import { updateArticle } from "@/lib/articles/update-article";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { defaultSettings } from "@/lib/settings/get-settings";
import { annotateQuotes } from "../seed/annotations";
import { insertArticle, publishSeedCopy, seedBody } from "../seed/articles";
import { ban, createTestUser, established } from "../seed/users";
import { expectAppError } from "./helpers";

// Page notes: a note on the whole article, posted as a W3C annotation whose target is the article
// itself with no selector. Listed with the others (first in the margin, by the UI), never placed
// in the text, so never orphaned by a new revision.

let editor: Viewer;
beforeAll(async () => {
  editor = (await createTestUser({ role: "editor", label: "page-notes-editor" })).viewer;
});
afterEach(() => clock.reset());

const pageNote = (slug: string, value: string, target: unknown = { source: `http://localhost/articles/${slug}` }) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  body: { type: "TextualBody", value },
  target,
});

/** Posts past the flood interval. */
async function post(viewer: Viewer | null, slug: string, input: unknown) {
  clock.advance(defaultSettings.floodIntervalMs + 1_000);
  return createAnnotation(viewer, slug, input);
}

describe("page notes", () => {
  it("are created from a target without a selector, stored with no passage, and listed as such", async () => {
    const reader = await established();
    const { slug } = await insertArticle({ label: "page-note" });
    const { annotation, held } = await post(reader, slug, pageNote(slug, "The whole argument rests on one source."));
    expect(held).toBe(false);
    expect(annotation).toMatchObject({ exact: null, start: null, blockId: null, state: "anchored", parentId: null });

    const json = annotationJson(annotation) as Record<string, unknown>;
    expect(json.target).toEqual({ source: expect.stringMatching(new RegExp(`/articles/${slug}$`)) });
    expect(json.state).toBe("anchored");

    // A W3C target may be the source's address itself (a string), relative or absolute.
    const second = await post(reader, slug, pageNote(slug, "And a second thought.", `/articles/${slug}`));
    expect(second.annotation.exact).toBeNull();

    const listed = await listAnnotations(null, slug);
    expect(listed.annotations.map((a) => a.id)).toEqual([annotation.id, second.annotation.id]);
    expect(listed.total).toBe(2);
    // A reply to a page note is an ordinary reply.
    const reply = await post(reader, slug, {
      motivation: "replying",
      bodyValue: "Agreed.",
      target: `http://localhost/api/annotations/${slug}/${annotation.id}`,
    });
    expect(reply.annotation.parentId).toBe(annotation.id);
  });

  it("refuses a target without a selector that is not this article, a page highlight and an empty page note, storing nothing", async () => {
    const reader = await established();
    const { slug } = await insertArticle({ label: "page-note-bad" });
    const other = await insertArticle({ label: "page-note-other" });
    const cases: [unknown, string][] = [
      [pageNote(slug, "Elsewhere.", { source: `http://localhost/articles/${other.slug}` }), "target.selector"],
      [pageNote(slug, "Nowhere.", {}), "target.selector"],
      [pageNote(slug, "Not a URL.", "::"), "target.selector"],
      [{ ...pageNote(slug, ""), motivation: "highlighting" }, "body"],
      [pageNote(slug, "   "), "body"],
      [
        pageNote(slug, "Unknown selector.", { source: `/articles/${slug}`, selector: { type: "CssSelector" } }),
        "target.selector",
      ],
    ];
    for (const [input, field] of cases) {
      const error = await expectAppError(post(reader, slug, input), "bad_request");
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    expect(await db.annotation.count({ where: { article: { slug } } })).toBe(0);
  });

  it("are refused to the signed-out and the banned", async () => {
    const { slug } = await insertArticle({ label: "page-note-refused" });
    await expectAppError(post(null, slug, pageNote(slug, "Anonymous.")), "unauthorized");
    const banned = await established();
    await ban(banned.id);
    await expectAppError(post(banned, slug, pageNote(slug, "Banned.")), "forbidden");
    expect(await db.annotation.count({ where: { article: { slug } } })).toBe(0);
  });

  it("private page notes reach only their author", async () => {
    const reader = await established();
    const { slug } = await insertArticle({ label: "page-note-private" });
    const { annotation } = await post(reader, slug, { ...pageNote(slug, "Just for me."), audience: "private" });
    expect((await listAnnotations(null, slug)).annotations).toHaveLength(0);
    expect((await listAnnotations(reader, slug)).annotations.map((a) => a.id)).toEqual([annotation.id]);
  });

  it("are never orphaned by a new revision, while a note on a removed passage is", async () => {
    const reader = await established();
    const slug = await publishSeedCopy(editor);
    const gone = "Iran has always viewed the rebellious group as a terrorist organisation";
    const paragraph = seedBody.split("\n\n").find((p) => p.includes(gone))!;
    const [onPassage] = await annotateQuotes(reader, slug, [{ exact: gone }]);
    const { annotation } = await post(reader, slug, pageNote(slug, "About the whole piece."));

    await updateArticle(editor, slug, { body: seedBody.replace(`\n\n${paragraph}`, "") });

    const rows = await db.annotation.findMany({
      where: { id: { in: [onPassage, annotation.id] } },
      select: { id: true, state: true, exact: true, start: true, version: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(onPassage)?.state).toBe("orphaned");
    expect(byId.get(annotation.id)).toMatchObject({ state: "anchored", exact: null, start: null, version: 1 });
    expect(await db.annotationRevision.count({ where: { annotationId: annotation.id } })).toBe(0);
  });
});

describe("where the conversation is (server side)", () => {
  it("places public anchored notes on the bar and labels a passage three readers noted; page and private notes are not placed", async () => {
    const { slug } = await insertArticle({ label: "conversation" });
    const text = "Some words here name the river and the bridge.\nA second paragraph has a passage worth quoting here.";
    const readers = await Promise.all([established(), established(), established(), established()]);
    await annotateQuotes(readers[0], slug, [{ exact: "passage worth quoting" }]);
    await annotateQuotes(readers[1], slug, [{ exact: "worth quoting here" }]);
    await annotateQuotes(readers[2], slug, [{ exact: "a passage worth" }]);
    await annotateQuotes(readers[3], slug, [{ exact: "river" }]);
    await post(readers[3], slug, pageNote(slug, "On everything."));
    await post(readers[3], slug, {
      ...pageNote(slug, "Mine alone.", {
        selector: { type: "TextQuoteSelector", exact: "bridge" },
      }),
      audience: "private",
    });

    const { marks, noted } = await getConversation(slug, text);
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(4);
    expect(marks[0]).toMatchObject({ count: 1, quote: "river" });
    expect(marks[0].at).toBeLessThan(50);
    expect(marks.slice(1).every((m) => m.at > 50)).toBe(true);
    expect(noted).toEqual([{ blockId: "b000002", readers: 3, id: expect.any(String) }]);
  });
});

describe("sharing a note (OpenGraph)", () => {
  it("quotes the passage and the note for a public approved note, and gives nothing for others", async () => {
    const reader = await established();
    const { id: articleId, slug } = await insertArticle({ label: "share" });
    const article = { id: articleId, slug, title: `Title of ${slug}` };
    const [publicId] = await annotateQuotes(reader, slug, [{ exact: "passage worth quoting" }]);
    const og = await noteShareMetadata(article, "https://gloss.example", publicId);
    expect(og?.openGraph).toMatchObject({
      title: `“passage worth quoting” — a note on Title of ${slug}`,
      description: expect.stringMatching(/^Test Reader: Note 1 on “passage worth quoting”/),
      url: `https://gloss.example/articles/${slug}?note=${publicId}`,
    });

    const page = await post(reader, slug, pageNote(slug, "The whole of it."));
    expect((await noteShareMetadata(article, "https://gloss.example", page.annotation.id))?.openGraph).toMatchObject({
      title: `A note on Title of ${slug}`,
      description: "Test Reader: The whole of it.",
    });

    const secret = await post(reader, slug, { ...pageNote(slug, "A secret."), audience: "private" });
    expect(await noteShareMetadata(article, "https://gloss.example", secret.annotation.id)).toBeNull();
    await db.annotation.update({ where: { id: publicId }, data: { status: "pending" } });
    expect(await noteShareMetadata(article, "https://gloss.example", publicId)).toBeNull();
    expect(await noteShareMetadata(article, "https://gloss.example", "no such id")).toBeNull();
    const other = await insertArticle({ label: "share-other" });
    expect(
      await noteShareMetadata(
        { id: other.id, slug: other.slug, title: "x" },
        "https://gloss.example",
        page.annotation.id,
      ),
    ).toBeNull();
  });
});
