import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as containerGet } from "@/app/api/annotations/[slug]/route";
import { GET as myNotesGet } from "@/app/api/me/notes/route";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { csvCell, csvColumns, exportMyNotes } from "@/lib/notes/export-my-notes";
import { listMyNotes } from "@/lib/notes/list-my-notes";
import { myNoteFacets } from "@/lib/notes/my-note-facets";
import { normalizeSearchQuery } from "@/lib/search/normalize-search-query";
import { prepareTsQuery } from "@/lib/search/prepare-ts-query";
import { searchNotes } from "@/lib/search/search-notes";
import { searchSiteNotes } from "@/lib/search/search-site-notes";
import { setSetting } from "@/lib/settings/get-settings";
import { insertArticle } from "../seed/articles";
import { annotateGroup, makeGroup } from "../seed/groups";
import { uniqueWord } from "../seed/unique";
import { ban, createTestUser } from "../seed/users";
import { expectAppError } from "./helpers";
import { bearerFor, call } from "./route-helpers";

vi.mock("@/auth", () => ({ auth: async () => null }));

// My notes (/notes, GET /api/me/notes and its exports) and the notes search (/search's Notes tab,
// the container's ?q=), on the real PostgreSQL: its tsvector trigger, GIN index and the one
// visibility rule (visibleAnnotations).

type NoteSpec = {
  exact?: string;
  body: string;
  tags?: string[];
  audience?: "public" | "private";
  parentId?: string;
};

async function note(viewer: Viewer, slug: string, spec: NoteSpec) {
  clock.advance(20_000); // past the flood interval, and each note a moment newer
  const bodies = [
    { type: "TextualBody", value: spec.body, purpose: spec.parentId ? "replying" : "commenting" },
    ...(spec.tags ?? []).map((t) => ({ type: "TextualBody", value: t, purpose: "tagging" })),
  ];
  const { annotation } = await createAnnotation(viewer, slug, {
    body: bodies,
    audience: spec.audience ?? "public",
    ...(spec.parentId
      ? { motivation: "replying", target: `http://localhost/api/annotations/${slug}/${spec.parentId}` }
      : { target: { selector: { type: "TextQuoteSelector", exact: spec.exact ?? "passage worth quoting" } } }),
  });
  return annotation;
}

const prepared = async (q: string) => (await prepareTsQuery(normalizeSearchQuery(q)))!;
const found = async (viewer: Viewer | null, q: string, filters = {}) =>
  (await searchNotes(viewer, await prepared(q), { limit: 50, filters })).hits.map((h) => h.id).sort();

let word: string;
let me: Viewer;
let other: Viewer;
let held: Viewer;
let articleA: { id: string; slug: string };
let articleB: { id: string; slug: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  await setSetting("floodIntervalMs", 0);
  word = uniqueWord();
  me = (await createTestUser({ label: "notes-me", name: "Student Ada" })).viewer;
  other = (await createTestUser({ label: "notes-other", name: "Student Bo" })).viewer;
  held = (await createTestUser({ label: "notes-held", name: "New Reader", trusted: false })).viewer;
  articleA = await insertArticle({ label: "notes-a" });
  articleB = await insertArticle({ label: "notes-b" });
  ids.aPublic = (
    await note(me, articleA.slug, { body: `First thought about ${word} and the river`, tags: ["river", "law"] })
  ).id;
  ids.aPrivate = (
    await note(me, articleA.slug, {
      exact: "the bridge",
      body: `=HYPERLINK("http://evil") private ${word}, with "quotes"\nand a second line`,
      tags: ["law"],
      audience: "private",
    })
  ).id;
  ids.bPublic = (await note(me, articleB.slug, { exact: "Some words", body: `On B: ${word}`, tags: ["bridge"] })).id;
  ids.otherPublic = (await note(other, articleA.slug, { body: `Bo agrees about ${word}` })).id;
  ids.reply = (await note(me, articleA.slug, { parentId: ids.otherPublic, body: `My reply on ${word}` })).id;
  ids.otherPrivate = (
    await note(other, articleA.slug, { body: `Bo's secret ${word}`, audience: "private", exact: "the river" })
  ).id;
  ids.heldNote = (await note(held, articleA.slug, { body: `A held note on ${word}` })).id;
  await setSetting("floodIntervalMs", 15_000);
}, 60_000);

describe("my notes (/notes)", () => {
  it("lists everything I wrote, newest first, and nothing of anyone else's", async () => {
    const { notes, next } = await listMyNotes(me);
    expect(notes.map((n) => n.id)).toEqual([ids.reply, ids.bPublic, ids.aPrivate, ids.aPublic]);
    expect(next).toBeNull();
    const reply = notes[0];
    expect(reply.parentId).toBe(ids.otherPublic);
  });

  it("filters by article, tag, visibility and replies, and searches my own notes", async () => {
    const ids_ = async (q: Record<string, string>) => (await listMyNotes(me, q)).notes.map((n) => n.id);
    expect(await ids_({ article: articleB.slug })).toEqual([ids.bPublic]);
    expect(await ids_({ tag: "law" })).toEqual([ids.aPrivate, ids.aPublic]);
    expect(await ids_({ visibility: "private" })).toEqual([ids.aPrivate]);
    expect(await ids_({ visibility: "public", article: articleA.slug })).toEqual([ids.reply, ids.aPublic]);
    expect(await ids_({ replies: "exclude" })).toEqual([ids.bPublic, ids.aPrivate, ids.aPublic]);
    expect(await ids_({ q: "river" })).toEqual([ids.aPublic]);
    expect(await ids_({ q: word, tag: "law" })).toEqual([ids.aPrivate, ids.aPublic]);
    // The quoted passage is searched too ("bridge" is only in the private note's passage, and a tag of B's).
    expect(await ids_({ q: "bridge" })).toEqual([ids.bPublic, ids.aPrivate]);
    // Another reader's words are never in my list.
    expect(await ids_({ q: "agrees" })).toEqual([]);
    expect(await ids_({ q: "the of and" })).toEqual([]);
  });

  it("pages with a cursor, without gaps or repeats, with and without a search", async () => {
    for (const q of [{}, { q: word }]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMyNotes(me, { ...q, limit: 1, cursor });
        expect(page.notes.length).toBeLessThanOrEqual(1);
        seen.push(...page.notes.map((n) => n.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toEqual([ids.reply, ids.bPublic, ids.aPrivate, ids.aPublic]);
    }
  });

  it("refuses bad filters with a clear message, and anonymous readers", async () => {
    const visibility = await expectAppError(listMyNotes(me, { visibility: "everyone" }), "bad_request");
    expect(visibility.fields?.visibility).toMatch(/public, private/);
    await expectAppError(listMyNotes(me, { cursor: "not-a-cursor" }), "bad_request");
    await expectAppError(listMyNotes(me, { article: "Not A Slug!" }), "bad_request");
    await expectAppError(listMyNotes(null), "unauthorized");
    await expectAppError(exportMyNotes(null, "csv"), "unauthorized");
    await expectAppError(myNoteFacets(null), "unauthorized");
  });

  it("hostile queries are refused in the error envelope or find nothing, never a 500", async () => {
    const authorization = await bearerFor(me);
    const hostile = [
      "q=%00",
      "q=%ED%A0%80",
      `q=${"x".repeat(5000)}`,
      "tag=a%00b",
      "tag=%ED%A0%80",
      "group=%00",
      `article=${"a".repeat(500)}`,
      "cursor=%00",
      "limit=-1",
      "limit=abc",
      "visibility=public&visibility=private",
      "replies=some",
      "format=md&tag=a%00",
      "format=csv&q=%00",
    ];
    for (const query of hostile) {
      const r = await call(myNotesGet, { method: "GET", path: `/api/me/notes?${query}`, authorization });
      expect(r.status, query).toBeLessThan(500);
      if (r.status >= 400) expect(r.json?.error?.message, query).toBeTruthy();
    }
    for (const query of ["q=%00", "q=%ED%A0%80", `q=${"x".repeat(2000)}`, "q=a%00b"]) {
      const r = await call(containerGet, {
        method: "GET",
        path: `/api/annotations/${articleA.slug}/?${query}`,
        params: { slug: articleA.slug },
      });
      expect(r.status, query).toBeLessThan(500);
    }
    for (const filters of [{ tag: "a\u0000b" }, { author: "\ud800" }, { article: "x".repeat(500) }]) {
      const page = await searchSiteNotes(null, word, 1, filters);
      expect(page.notes.total).toBeGreaterThanOrEqual(0);
    }
  });

  it("lists, filters and exports my group notes; never another member's; the Notes tab shows them to members only", async () => {
    const owner = (await createTestUser({ label: "notes-owner" })).viewer;
    const group = await makeGroup(owner, [me]);
    const mine = (await annotateGroup(me, articleB.slug, group.id, `Group thought ${word}`)).id;
    const theirs = (await annotateGroup(owner, articleB.slug, group.id, `Owner's group ${word}`)).id;
    expect((await listMyNotes(me, { group: group.id })).notes.map((n) => n.id)).toEqual([mine]);
    expect((await listMyNotes(me, { visibility: "group" })).notes.map((n) => n.id)).toEqual([mine]);
    expect((await listMyNotes(me, { group: "no-such-group" })).notes).toEqual([]);
    expect((await myNoteFacets(me)).audiences).toContain("group");
    const csv = (await exportMyNotes(me, "csv", { group: group.id })).body;
    expect(csv).toContain(mine);
    expect(csv).not.toContain(theirs);
    expect(await found(me, `group ${word}`)).toEqual([mine, theirs].sort());
    expect(await found(other, `group ${word}`)).toEqual([]);
    expect(await found(null, `group ${word}`)).toEqual([]);
    await db.annotation.deleteMany({ where: { id: { in: [theirs, mine] } } });
  });

  it("every role reads only its own notes; a banned reader still reads and exports theirs", async () => {
    for (const role of ["contributor", "moderator", "editor", "admin"] as const) {
      const board = (await createTestUser({ role, label: `notes-${role}` })).viewer;
      expect((await listMyNotes(board)).notes).toEqual([]);
      expect((await listMyNotes(board, { q: word })).notes).toEqual([]);
      expect(JSON.parse((await exportMyNotes(board, "jsonld")).body).total).toBe(0);
    }
    const banned = (await createTestUser({ label: "notes-banned" })).viewer;
    const id = (await note(banned, articleB.slug, { body: `Before the ban ${word}`, audience: "private" })).id;
    await ban(banned.id);
    const bannedNow = {
      ...banned,
      status: "banned" as const,
      bannedUntil: new Date(clock.now().getTime() + 86_400_000),
    };
    expect((await listMyNotes(bannedNow)).notes.map((n) => n.id)).toEqual([id]);
    expect((await exportMyNotes(bannedNow, "csv")).body).toContain(id);
  });

  it("offers the articles, tags and audiences of my notes as filters", async () => {
    const facets = await myNoteFacets(me);
    expect(facets.articles.map((a) => a.slug).sort()).toEqual([articleA.slug, articleB.slug].sort());
    expect(facets.tags).toEqual(["bridge", "law", "river"]);
    expect(facets.audiences).toEqual(["public", "private"]);
  });
});

describe("exporting my notes", () => {
  it("CSV: RFC 4180 that a real parser reads back, formula-safe", async () => {
    const { body, type } = await exportMyNotes(me, "csv");
    expect(type).toMatch(/^text\/csv/);
    expect(body.endsWith("\r\n")).toBe(true);
    const rows = parse(body, { columns: true, skip_empty_lines: true, relax_column_count: false }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0])).toEqual([...csvColumns]);
    expect(rows.map((r) => r.id)).toEqual([ids.reply, ids.bPublic, ids.aPrivate, ids.aPublic]);
    const privateRow = rows.find((r) => r.id === ids.aPrivate)!;
    // A formula becomes text; quotes, commas and line breaks come back exactly.
    expect(privateRow.note).toBe(`'=HYPERLINK("http://evil") private ${word}, with "quotes"\nand a second line`);
    expect(privateRow).toMatchObject({ quote: "the bridge", visibility: "private", tags: "law", kind: "commenting" });
    const reply = rows.find((r) => r.id === ids.reply)!;
    expect(reply).toMatchObject({ kind: "reply", reply_to: ids.otherPublic, quote: "passage worth quoting" });
    expect(reply.url).toContain(`/articles/${articleA.slug}?note=${ids.otherPublic}#passage-${ids.otherPublic}`);
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(bad).replace(/^"|"$/g, "")[0]).toBe("'");
    expect(body).not.toContain("Bo agrees");
  });

  it("JSON-LD: one W3C AnnotationCollection of my notes, private ones included, others' never", async () => {
    const { body, type } = await exportMyNotes(me, "jsonld");
    expect(type).toContain("application/ld+json");
    const doc = JSON.parse(body);
    expect(doc["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc.type).toBe("AnnotationCollection");
    expect(doc.total).toBe(4);
    expect(doc.first.type).toBe("AnnotationPage");
    const items = doc.first.items as { id: string; type: string; audience: string; target: unknown }[];
    expect(items.map((i) => i.id.split("/").at(-1))).toEqual([ids.reply, ids.bPublic, ids.aPrivate, ids.aPublic]);
    expect(items.every((i) => i.type === "Annotation")).toBe(true);
    expect(items.find((i) => i.id.endsWith(ids.aPrivate))!.audience).toBe("private");
    const target = items.find((i) => i.id.endsWith(ids.aPublic))!.target as { selector: { type: string }[] };
    expect(target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect(body).not.toContain("secret");
  });

  it("Markdown: per article a heading, then each passage as a quote and the note", async () => {
    const { body } = await exportMyNotes(me, "md");
    expect(body).toMatch(/^# Notes by Student Ada\n/);
    const sections = body.split(/^## /m).slice(1);
    expect(sections.map((s) => s.split("\n")[0]).sort()).toEqual(
      [`Title of ${articleA.slug}`, `Title of ${articleB.slug}`].sort(),
    );
    const a = sections.find((s) => s.startsWith(`Title of ${articleA.slug}`))!;
    expect(a).toContain(`> the bridge\n\n=HYPERLINK`);
    expect(a).toContain(`> passage worth quoting\n\nFirst thought about ${word} and the river`);
    expect(a).toContain("*Reply to Student Bo's note on this passage:*");
    expect(body).not.toContain("Bo agrees");
  });

  it("through the API: the file with its type and name, the filters applied; anonymous → 401", async () => {
    const authorization = await bearerFor(me);
    const md = await call(myNotesGet, {
      method: "GET",
      path: `/api/me/notes?format=md&article=${articleB.slug}`,
      authorization,
    });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toMatch(/^attachment; filename="my-notes-.*\.md"$/);
    expect(md.headers.get("cache-control")).toContain("private");
    const text = md.text;
    expect(text).toContain(`Title of ${articleB.slug}`);
    expect(text).not.toContain(`Title of ${articleA.slug}`);
    const list = await call(myNotesGet, { method: "GET", path: "/api/me/notes?limit=2", authorization });
    const json = list.json as unknown as { items: { id: string; passageUrl: string }[]; next: string | null };
    expect(json.items.map((i) => i.id.split("/").at(-1))).toEqual([ids.reply, ids.bPublic]);
    expect(json.next).toBeTruthy();
    expect(json.items[0].passageUrl).toContain(`?note=${ids.otherPublic}#passage-`);
    expect((await call(myNotesGet, { method: "GET", path: "/api/me/notes?format=pdf", authorization })).status).toBe(
      400,
    );
    for (const path of ["/api/me/notes", "/api/me/notes?format=csv"]) {
      const anonymous = await call(myNotesGet, { method: "GET", path });
      expect(anonymous.status).toBe(401);
      expect(anonymous.text).not.toContain(word);
    }
  });
});

describe("searching notes", () => {
  it("never returns another reader's private note or a held one; each reader's own ones for them", async () => {
    const publicOnes = [ids.aPublic, ids.bPublic, ids.otherPublic, ids.reply].sort();
    expect(await found(null, word)).toEqual(publicOnes);
    expect(await found(me, word)).toEqual([...publicOnes, ids.aPrivate].sort());
    expect(await found(other, word)).toEqual([...publicOnes, ids.otherPrivate].sort());
    expect(await found(held, word)).toEqual([...publicOnes, ids.heldNote].sort());
    const moderator = (await createTestUser({ role: "moderator", label: "notes-mod" })).viewer;
    expect(await found(moderator, word)).toEqual(publicOnes);
    expect(await found(null, "secret")).not.toContain(ids.otherPrivate);
  });

  it("narrows by tag, author and article, and marks the matches", async () => {
    expect(await found(null, word, { tag: "river" })).toEqual([ids.aPublic]);
    expect(await found(null, word, { author: other.id })).toEqual([ids.otherPublic]);
    expect(await found(null, word, { article: articleB.slug })).toEqual([ids.bPublic]);
    expect(await found(null, word, { article: "no-such-article" })).toEqual([]);
    const page = await searchSiteNotes(null, `${word} river`);
    const hit = page.notes.hits[0];
    expect(hit.id).toBe(ids.aPublic);
    expect(hit.snippet.filter((s) => s.marked).map((s) => s.text.toLowerCase())).toEqual(
      expect.arrayContaining([word, "river"]),
    );
    expect(hit.author).toEqual({ id: me.id, name: "Student Ada" });
    // A short note is shown whole, its passage too.
    expect(hit.snippet.map((x) => x.text).join("")).toBe(`First thought about ${word} and the river`);
    expect(hit.quote.map((x) => x.text).join("")).toBe("passage worth quoting");
  });

  it("skips notes on an article that is no longer published", async () => {
    const c = await insertArticle({ label: "notes-c" });
    const writer = (await createTestUser({ label: "notes-gone" })).viewer;
    const id = (await note(writer, c.slug, { body: `Soon gone ${word}` })).id;
    expect(await found(null, word)).toContain(id);
    await db.article.update({ where: { id: c.id }, data: { status: "draft" } });
    expect(await found(null, word)).not.toContain(id);
  });

  it("the container's ?q= lists the matching notes the viewer may see; without q it is unchanged", async () => {
    const get = async (query: string, authorization?: string) => {
      const r = await call(containerGet, {
        method: "GET",
        path: `/api/annotations/${articleA.slug}/${query}`,
        params: { slug: articleA.slug },
        authorization,
      });
      expect(r.status).toBe(200);
      return r.json as unknown as { total: number; first: { id: string; items: { id: string }[] } };
    };
    const idsOf = (c: { first: { items: { id: string }[] } }) =>
      c.first.items.map((i) => i.id.split("/").at(-1)).sort();
    const all = await get("");
    expect(idsOf(all)).toEqual([ids.aPublic, ids.otherPublic, ids.reply].sort());
    expect(all.first.id).toMatch(/\?page=first$/);
    const river = await get("?q=river");
    expect(idsOf(river)).toEqual([ids.aPublic]);
    expect(river.total).toBe(1);
    expect(river.first.id).toContain("?q=river&page=first");
    expect(idsOf(await get("?q=secret"))).toEqual([]);
    expect(idsOf(await get(`?q=${word}`, await bearerFor(me)))).toEqual(
      [ids.aPublic, ids.aPrivate, ids.otherPublic, ids.reply].sort(),
    );
    expect(idsOf(await get("?q="))).toEqual(idsOf(all));
  });
});
