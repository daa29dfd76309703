import { describe, expect, it } from "vitest";
import { planComments } from "./plan-comments";
import type { WxrComment } from "./wxr-item";

const site = "https://blog.test";
const fallback = new Date("2024-01-01T00:00:00Z");
const c = (id: number, parent = 0, extra: Partial<WxrComment> = {}): WxrComment => ({
  id: String(id),
  parent: String(parent),
  author: `Author ${id}`,
  date: "",
  dateGmt: "2024-02-01 10:00:00",
  content: `Comment ${id}`,
  approved: "1",
  type: "",
  ...extra,
});

describe("planComments", () => {
  it("orders parents before replies whatever the file order", () => {
    const { planned } = planComments([c(3, 2), c(2, 1), c(1), c(4, 1)], site, fallback);
    expect(planned.map((p) => [p.wpId, p.parentWpId])).toEqual([
      ["1", null],
      ["2", "1"],
      ["4", "1"],
      ["3", "2"],
    ]);
    expect(planned[0]).toMatchObject({
      importKey: "https://blog.test#comment-1",
      authorName: "Author 1",
      body: "Comment 1",
      html: "<p>Comment 1</p>",
      status: "approved",
      createIfMissing: true,
    });
  });

  it("maps statuses and skips pingbacks, trackbacks, spam and other types with counts", () => {
    const { planned, skipped } = planComments(
      [
        c(1),
        c(2, 0, { approved: "0" }),
        c(3, 0, { approved: "trash" }),
        c(4, 0, { approved: "spam" }),
        c(5, 0, { type: "pingback" }),
        c(6, 0, { type: "trackback" }),
        c(7, 0, { type: "note" }),
        c(8, 0, { approved: "post-trashed" }),
      ],
      site,
      fallback,
    );
    expect(skipped).toEqual({ spam: 1, pingbacks: 1, trackbacks: 1, otherComments: 1 });
    expect(planned.filter((p) => p.createIfMissing).map((p) => [p.wpId, p.status])).toEqual([
      ["1", "approved"],
      ["2", "pending"],
      ["3", "trash"],
      ["8", "trash"],
    ]);
    expect(planned.filter((p) => !p.createIfMissing).map((p) => [p.wpId, p.status])).toEqual([["4", "spam"]]);
  });

  it("hangs a reply to a skipped comment from the nearest imported ancestor", () => {
    const { planned } = planComments(
      [
        c(1),
        c(2, 1, { approved: "spam" }),
        c(3, 2),
        c(4, 99),
        c(5, 6, { type: "pingback" }),
        c(6, 5, { type: "pingback" }),
        c(7, 5),
      ],
      site,
      fallback,
    );
    const parents = Object.fromEntries(planned.filter((p) => p.createIfMissing).map((p) => [p.wpId, p.parentWpId]));
    expect(parents).toEqual({ "1": null, "3": "1", "4": null, "7": null });
  });

  it("cuts loops in corrupt threading and survives very deep chains", () => {
    const loop = planComments([c(1, 2), c(2, 1), c(3, 2)], site, fallback).planned;
    expect(loop.filter((p) => p.parentWpId === null)).toHaveLength(1);
    expect(loop.map((p) => p.wpId)).toHaveLength(3);
    const chain = Array.from({ length: 20_000 }, (_, i) => c(i + 1, i, { content: "x" }));
    const deep = planComments(chain.reverse(), site, fallback).planned;
    expect(deep[0].wpId).toBe("1");
    expect(deep.at(-1)!.wpId).toBe("20000");
  });

  it("dates from the GMT column, then the local one, then the post's", () => {
    const { planned } = planComments(
      [
        c(1),
        c(2, 0, { dateGmt: "0000-00-00 00:00:00", date: "2024-05-05 05:05:05" }),
        c(3, 0, { dateGmt: "", date: "" }),
      ],
      site,
      fallback,
    );
    expect(planned.map((p) => p.createdAt.toISOString())).toEqual([
      "2024-02-01T10:00:00.000Z",
      "2024-05-05T05:05:05.000Z",
      "2024-01-01T00:00:00.000Z",
    ]);
  });

  it("names anonymous commenters and decodes entities in names", () => {
    const { planned } = planComments([c(1, 0, { author: "" }), c(2, 0, { author: "Jo &amp; Al" })], site, fallback);
    expect(planned.map((p) => p.authorName)).toEqual(["Anonymous", "Jo & Al"]);
  });
});
