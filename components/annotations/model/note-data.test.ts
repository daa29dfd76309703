import { describe, expect, it } from "vitest";
import { buildThreads, filterChoices, matchesFilter, type NoteData, noteFromJson, parseTags } from "./note-data";
import { storedListing } from "./passages";
import { stackTops } from "./stack-tops";

const base = "http://localhost:3000/api/annotations/an-article";

const json = (over: Record<string, unknown> = {}) => ({
  id: `${base}/n1`,
  type: "Annotation",
  motivation: "commenting",
  created: "2024-01-01T10:00:00.000Z",
  modified: "2024-01-01T10:00:00.000Z",
  creator: { id: "http://localhost:3000/users/u1", type: "Person", name: "Ann" },
  body: [
    { type: "TextualBody", value: "A *note*", format: "text/markdown", purpose: "commenting" },
    { type: "TextualBody", value: "law", purpose: "tagging" },
  ],
  target: {
    source: "http://localhost:3000/articles/an-article",
    selector: [
      { type: "TextQuoteSelector", exact: "quoted", prefix: "a ", suffix: " b" },
      { type: "TextPositionSelector", start: 2, end: 8 },
    ],
  },
  audience: "public",
  status: "approved",
  state: "anchored",
  blockId: "b1",
  html: "<p>A <em>note</em></p>",
  edited: false,
  ...over,
});

const note = (id: string, over: Partial<NoteData> = {}): NoteData => ({
  ...noteFromJson(json({ id: `${base}/${id}` })),
  created: `2024-01-01T10:00:0${id.length}.000Z`,
  ...over,
});

describe("noteFromJson", () => {
  it("reads a note's author, text, tags, quote and position from the W3C JSON", () => {
    expect(noteFromJson(json())).toEqual({
      id: "n1",
      parentId: null,
      authorId: "u1",
      authorName: "Ann",
      created: "2024-01-01T10:00:00.000Z",
      edited: false,
      motivation: "commenting",
      audience: "public",
      group: null,
      status: "approved",
      state: "anchored",
      html: "<p>A <em>note</em></p>",
      body: "A *note*",
      tags: ["law"],
      quote: { exact: "quoted", prefix: "a ", suffix: " b" },
      position: { start: 2, end: 8 },
      originalQuote: null,
      page: false,
      reasons: [],
      canEdit: false,
      editableUntil: null,
    });
  });

  it("reads a note on the whole article (a target without a selector) as a page note, and a reply as none", () => {
    const page = noteFromJson(json({ target: { source: "http://localhost:3000/articles/an-article" } }));
    expect(page).toMatchObject({ page: true, quote: null, position: null, parentId: null });
    expect(noteFromJson(json({ target: `${base}/n0`, motivation: "replying" })).page).toBe(false);
  });

  it("lists page notes first and apart: never among the placed or orphaned ones", () => {
    const threads = buildThreads([
      note("a"),
      { ...note("bb"), page: true, quote: null, position: null },
      { ...note("ccc"), state: "orphaned" },
    ]);
    const listing = storedListing(threads);
    expect(listing.page.map((t) => t.id)).toEqual(["bb"]);
    expect(listing.anchored.map((t) => t.id)).toEqual(["a"]);
    expect(listing.orphaned.map((t) => t.id)).toEqual(["ccc"]);
  });

  it("reads what the viewer may do from the server (no edit window is computed in the browser)", () => {
    expect(noteFromJson(json({ canEdit: true, editableUntil: "2024-01-01T10:15:00.000Z" }))).toMatchObject({
      canEdit: true,
      editableUntil: "2024-01-01T10:15:00.000Z",
    });
    expect(noteFromJson(json({ canEdit: true, editableUntil: null }))).toMatchObject({
      canEdit: true,
      editableUntil: null,
    });
  });

  it("reads why a pending note is held", () => {
    expect(noteFromJson(json({ status: "pending", reasons: ["links", "first_comment"] })).reasons).toEqual([
      "links",
      "first_comment",
    ]);
  });

  it("reads a reply's parent from its target, and an orphan's original quote", () => {
    const reply = noteFromJson(
      json({
        id: `${base}/r1`,
        motivation: "replying",
        target: `${base}/n1`,
        body: { type: "TextualBody", value: "Yes", purpose: "replying" },
      }),
    );
    expect(reply).toMatchObject({
      id: "r1",
      parentId: "n1",
      motivation: "replying",
      body: "Yes",
      quote: null,
      tags: [],
    });
    const orphan = noteFromJson(
      json({
        state: "orphaned",
        originalQuote: "gone words",
        target: { source: "x", selector: [{ type: "TextQuoteSelector", exact: "gone words" }] },
      }),
    );
    expect(orphan).toMatchObject({ state: "orphaned", originalQuote: "gone words", position: null });
  });

  it("copes with a private highlight without body or creator name", () => {
    expect(
      noteFromJson(json({ body: undefined, motivation: "highlighting", audience: "private", creator: undefined })),
    ).toMatchObject({
      motivation: "highlighting",
      audience: "private",
      body: "",
      tags: [],
      authorId: null,
      authorName: "someone",
    });
  });
});

describe("group notes and the margin's group switcher (issue 19)", () => {
  it("reads a group note's group, and filters the margin by layer", () => {
    const inGroup = noteFromJson(json({ id: `${base}/g1`, audience: "group", group: "seminar" }));
    expect(inGroup).toMatchObject({ audience: "group", group: "seminar" });
    // A group id without audience "group" is no group note.
    expect(noteFromJson(json({ group: "seminar" }))).toMatchObject({ audience: "public", group: null });
    const mine = noteFromJson(json({ id: `${base}/p1`, audience: "private" }));
    const pub = noteFromJson(json({ id: `${base}/n2` }));
    const threads = buildThreads([inGroup, mine, pub]);
    const shown = (layer: string) =>
      threads.filter((t) => matchesFilter(t, { person: "", tag: "", layer })).map((t) => t.id);
    expect(shown("")).toEqual(["g1", "p1", "n2"]);
    expect(shown("seminar")).toEqual(["g1"]);
    expect(shown("other-group")).toEqual([]);
    expect(shown("private")).toEqual(["p1"]);
    expect(shown("public")).toEqual(["n2"]);
  });
});

describe("buildThreads", () => {
  it("nests replies under their notes, oldest first", () => {
    const threads = buildThreads([
      note("bb"),
      note("a"),
      note("r1", { parentId: "a" }),
      note("r22", { parentId: "r1" }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(["a", "bb"]);
    expect(threads[0].replies[0].id).toBe("r1");
    expect(threads[0].replies[0].replies[0].id).toBe("r22");
  });

  it("keeps a deleted note only while it has live replies", () => {
    const threads = buildThreads([
      note("a", { status: "deleted" }),
      note("bb", { status: "deleted" }),
      note("r1", { parentId: "bb" }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(["bb"]);
  });

  it("drops replies whose note the viewer cannot see", () => {
    expect(buildThreads([note("r1", { parentId: "hidden" })])).toEqual([]);
  });
});

describe("filters", () => {
  it("lists the people and tags, and matches a thread by its author or a tag", () => {
    const threads = buildThreads([note("a", { authorId: "u2", authorName: "Zoe", tags: ["sea"] }), note("bb")]);
    expect(filterChoices(threads)).toEqual({
      people: [
        { id: "u1", name: "Ann" },
        { id: "u2", name: "Zoe" },
      ],
      tags: ["law", "sea"],
    });
    expect(threads.filter((t) => matchesFilter(t, { person: "u2", tag: "" })).map((t) => t.id)).toEqual(["a"]);
    expect(threads.filter((t) => matchesFilter(t, { person: "", tag: "law" })).map((t) => t.id)).toEqual(["bb"]);
  });
});

describe("parseTags", () => {
  it("splits on commas, trims, drops # and duplicates", () => {
    expect(parseTags(" law, the sea ,#law,, ")).toEqual(["law", "the sea"]);
  });
});

describe("stackTops", () => {
  it("keeps each box at its passage unless the box above reaches down to it", () => {
    expect(stackTops([0, 100, 110, 400], [50, 40, 30, 10], 8)).toEqual([0, 100, 148, 400]);
    expect(stackTops([-20], [10])).toEqual([0]);
  });
});
