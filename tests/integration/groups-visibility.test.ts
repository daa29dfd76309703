import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAnnotations } from "@/lib/annotations/export-annotations";
import { getAnnotation } from "@/lib/annotations/get-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { buildCommentFeed } from "@/lib/feeds/build-comment-feed";
import { type FeedComments, listFeedComments } from "@/lib/feeds/list-feed-comments";
import { joinGroup } from "@/lib/groups/join-group";
import { leaveGroup } from "@/lib/groups/leave-group";
import { liveGroupsOf } from "@/lib/groups/live-groups-of";
import { closeLiveBus } from "@/lib/live/live-bus";
import { getArticlePersonal, getArticlePersonalOfSession } from "@/lib/personal/get-article-personal";
import { searchSite } from "@/lib/search/search-site";
import { openSession } from "@/lib/users/sessions";
import { annotate } from "../seed/annotations";
import { insertArticle } from "../seed/articles";
import { annotateGroup, makeGroup, replyTo } from "../seed/groups";
import { member } from "../seed/users";
import { collect, sleep } from "./live-helpers";

// Issue 19: the one visibility rule (lib/annotations/visibility.ts), as a table — every audience ×
// every viewer × every surface that shows notes: visible (✓) or not (✗). The viewer-dependent
// surfaces are the container (list and get) and the article page as the viewer sees it (the
// shared page plus their personal layer, by user id and by session); the shared page, the
// comment feed, search, the export and the live events are the same for everyone: public only.

type Audience = "public" | "group" | "private" | "board";
type ViewerName = "anonymous" | "member" | "nonMember" | "author" | "owner" | "admin";

// Who sees a note of each audience. The group's author and owner are members; the board's
// author is a moderator; the admin is on the board but in no reading group.
const expected: Record<Audience, Record<ViewerName, boolean>> = {
  public: { anonymous: true, member: true, nonMember: true, author: true, owner: true, admin: true },
  group: { anonymous: false, member: true, nonMember: false, author: true, owner: true, admin: false },
  private: { anonymous: false, member: false, nonMember: false, author: true, owner: false, admin: false },
  board: { anonymous: false, member: false, nonMember: false, author: true, owner: false, admin: true },
};

const audiences = Object.keys(expected) as Audience[];
const viewerNames = Object.keys(expected.public) as ViewerName[];

let slug: string;
let articleId: string;
const viewers = {} as Record<ViewerName, Viewer | null>;
const notes = {} as Record<Audience, { id: string; word: string }>;
// Who wrote each note ("author" of the table's row).
const authors = {} as Record<Audience, Viewer>;
let groupId: string;

beforeAll(async () => {
  ({ slug, id: articleId } = await insertArticle({ label: "groups-visibility" }));
  const owner = await member("commenter", { name: "Group Owner" });
  const student = await member("commenter", { name: "Student Author" });
  const classmate = await member("commenter", { name: "Classmate" });
  const outsider = await member("commenter", { name: "Outsider" });
  const moderator = await member("moderator", { name: "Board Author" });
  const admin = await member("admin", { name: "Admin Reader" });
  const group = await makeGroup(owner, [student, classmate]);
  groupId = group.id;

  const word = (a: Audience) => `zq${a}${Math.random().toString(36).slice(2, 8)}`;
  const write = async (a: Audience, author: Viewer) => {
    const w = word(a);
    const text = `Note for ${a}: ${w}`;
    const note =
      a === "group"
        ? await annotateGroup(author, slug, groupId, text)
        : a === "board"
          ? await annotateGroup(author, slug, "board", text)
          : await annotate(author, slug, text, a);
    notes[a] = { id: note.id, word: w };
    authors[a] = author;
  };
  await write("public", student);
  await write("group", student);
  await write("private", student);
  await write("board", moderator);
  Object.assign(viewers, { anonymous: null, member: classmate, nonMember: outsider, owner, admin });
});

afterAll(async () => {
  await closeLiveBus();
});

// The table's "author" is each row's own author.
const viewerFor = (a: Audience, v: ViewerName) => (v === "author" ? authors[a] : viewers[v]);

async function pageNotes(viewer: Viewer | null) {
  const shared = (await listAnnotations(null, slug)).annotations.map((n) => n.id);
  const personal = (await getArticlePersonal(viewer, slug)).notes.map((n) => (n as { id: string }).id.split("/").pop());
  return new Set([...shared, ...personal]);
}

describe("the one visibility rule: audience × viewer × surface", () => {
  for (const a of audiences)
    for (const v of viewerNames)
      it(`${a} note, ${v}: ${expected[a][v] ? "visible" : "hidden"} in the container, the page and the personal layer`, async () => {
        const viewer = viewerFor(a, v);
        const want = expected[a][v];
        const { id } = notes[a];
        const list = (await listAnnotations(viewer, slug)).annotations.map((n) => n.id);
        expect(list.includes(id), "container list").toBe(want);
        const got = await getAnnotation(viewer, slug, id).then(
          () => true,
          () => false,
        );
        expect(got, "container get").toBe(want);
        expect((await pageNotes(viewer)).has(id), "the article page (shared + personal)").toBe(want);
        if (viewer) {
          // The server answers the personal layer from the session cookie itself: the same rule.
          const bySession = await getArticlePersonalOfSession(await openSession(viewer.id), slug);
          const ids = bySession.notes.map((n) => (n as { id: string }).id.split("/").pop());
          expect(ids.includes(id), "personal layer by session").toBe(want && a !== "public");
        }
      });

  it("the shared page, the comment feed, search, the export and the live events carry public notes only", async () => {
    const shared = (await listAnnotations(null, slug)).annotations.map((n) => n.id);
    const exported = JSON.stringify(await exportAnnotations(slug));
    const feed = buildCommentFeed("http://localhost", (await listFeedComments(slug)) as FeedComments, new Date());
    const events = await db.liveEvent.findMany({ where: { articleId }, select: { itemId: true, groupId: true } });
    for (const a of audiences) {
      const { id, word } = notes[a];
      const isPublic = a === "public";
      expect(shared.includes(id), `shared page: ${a}`).toBe(isPublic);
      expect(exported.includes(word), `export: ${a}`).toBe(isPublic);
      expect(feed.includes(word), `feed: ${a}`).toBe(false);
      const search = JSON.stringify(await searchSite(word));
      expect(search.includes(id), `search: ${a}`).toBe(false);
      // Every stream carries an event without a group; a group note's carries its group.
      expect(
        events.some((e) => e.itemId === id && e.groupId === null),
        `events for every stream: ${a}`,
      ).toBe(isPublic);
    }
  });

  for (const v of viewerNames)
    it(`the live events stream of ${v} carries the events of the notes ${v} may see (private notes send none)`, async () => {
      const seen = new Map<Audience, boolean>();
      for (const a of audiences) {
        const viewer = viewerFor(a, v);
        const stream = await collect(slug, "0", await liveGroupsOf(viewer));
        await sleep(150);
        seen.set(
          a,
          stream.events.some((e) => e.json?.id === notes[a].id),
        );
        await stream.close();
      }
      for (const a of audiences) expect(seen.get(a), `${a} note`).toBe(expected[a][v] && a !== "private");
    });

  it("the personal layer lists the viewer's groups for the switcher, and which they run", async () => {
    const groupsOf = async (v: Viewer | null) =>
      (await getArticlePersonal(v, slug)).groups.map((g) => ({ id: g.id, kind: g.kind, runs: g.runs }));
    expect(await groupsOf(null)).toEqual([]);
    expect(await groupsOf(viewers.nonMember)).toEqual([]);
    expect(await groupsOf(viewers.owner)).toEqual([{ id: groupId, kind: "custom", runs: true }]);
    expect(await groupsOf(viewers.member)).toEqual([{ id: groupId, kind: "custom", runs: false }]);
    expect(await groupsOf(authors.board)).toEqual([{ id: "board", kind: "board", runs: true }]);
    expect(await groupsOf(viewers.admin)).toEqual([{ id: "board", kind: "board", runs: true }]);
  });

  it("replies in a group's thread stay in the group; a member who left sees only what they wrote", async () => {
    const classmate = viewers.member!;
    const reply = await replyTo(classmate, slug, notes.group.id, "A reply only the group sees.");
    expect(reply).toMatchObject({ audience: "group", groupId });
    const outsiderSees = (await listAnnotations(viewers.nonMember, slug)).annotations.map((n) => n.id);
    expect(outsiderSees).not.toContain(reply.id);
    expect((await pageNotes(viewers.owner)).has(reply.id)).toBe(true);

    const leaver = await member("commenter", { name: "Leaver" });
    const token = (await db.group.findUniqueOrThrow({ where: { id: groupId } })).inviteToken!;
    await joinGroup(leaver, { token });
    const mine = await annotateGroup(leaver, slug, groupId, "Written before leaving.");
    await leaveGroup(leaver, groupId);
    const after = await pageNotes(leaver);
    expect(after.has(mine.id), "their own note stays theirs").toBe(true);
    expect(after.has(notes.group.id), "the group's other notes are gone").toBe(false);
    expect((await pageNotes(viewers.owner)).has(mine.id), "and stays in the group").toBe(true);
  });
});
