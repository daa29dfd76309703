import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type PlannedArticle, planPost } from "./plan-post";
import type { WxrChannel } from "./validate-wxr";
import type { WxrItem } from "./wxr-item";

const channel: WxrChannel = {
  version: "1.2",
  siteUrl: "https://blog.test",
  title: "Blog",
  authors: new Map([["ada", "Ada Lovelace"]]),
  items: 1,
};
const now = new Date("2025-01-01T00:00:00Z");
const item = (extra: Partial<WxrItem> = {}): WxrItem => ({
  postId: "10",
  title: "A title",
  postType: "post",
  status: "publish",
  postName: "a-title",
  link: "",
  creator: "ada",
  postDate: "2024-02-15 09:30:00",
  postDateGmt: "2024-02-15 08:30:00",
  pubDate: "",
  password: "",
  content: "Body text.",
  excerpt: "",
  terms: [],
  comments: [],
  oversized: false,
  ...extra,
});
const article = (extra: Partial<WxrItem> = {}): PlannedArticle => {
  const plan = planPost(item(extra), channel, now);
  if (!("article" in plan)) throw new Error("skipped");
  return plan.article;
};

describe("planPost", () => {
  it("skips pages, attachments, other post types and trashed posts", () => {
    expect(planPost(item({ postType: "page" }), channel, now)).toEqual({ skip: "pages" });
    expect(planPost(item({ postType: "attachment", status: "inherit" }), channel, now)).toEqual({
      skip: "attachments",
    });
    expect(planPost(item({ postType: "nav_menu_item" }), channel, now)).toEqual({ skip: "otherPosts" });
    expect(planPost(item({ status: "trash" }), channel, now)).toEqual({ skip: "otherPosts" });
  });

  it("maps a published post: key, byline, date, slug, excerpt", () => {
    expect(article()).toMatchObject({
      importKey: "https://blog.test#post-10",
      title: "A title",
      authorName: "Ada Lovelace",
      status: "published",
      publishedAt: new Date("2024-02-15T08:30:00Z"),
      publishAt: null,
      slug: "a-title",
      excerpt: "Body text.",
      body: "Body text.",
    });
    expect(article({ creator: "ghost" }).authorName).toBe("ghost");
    expect(article({ excerpt: "<p>Hand <em>written</em></p>" }).excerpt).toBe("Hand written");
  });

  it("keeps drafts, pending, private and password-protected posts away from readers", () => {
    for (const extra of [
      { status: "draft", postDateGmt: "0000-00-00 00:00:00" },
      { status: "pending" },
      { status: "private" },
      { password: "secret" },
    ]) {
      expect(article(extra)).toMatchObject({ status: "draft", publishedAt: null, publishAt: null });
    }
  });

  it("schedules future posts, and publishes those whose time has passed", () => {
    expect(article({ status: "future", postDateGmt: "2025-06-01 12:00:00" })).toMatchObject({
      status: "scheduled",
      publishAt: new Date("2025-06-01T12:00:00Z"),
    });
    expect(article({ status: "future", postDateGmt: "2024-06-01 12:00:00" })).toMatchObject({
      status: "published",
      publishAt: null,
    });
  });

  it("makes a slug from the post name, the title or the id", () => {
    expect(article({ postName: "%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82" }).slug).toBe("post-10");
    expect(article({ postName: "caf%c3%a9-talk" }).slug).toBe("cafe-talk");
    expect(article({ postName: "", title: "Drafty Title!" }).slug).toBe("drafty-title");
    expect(article({ postName: "", title: "" })).toMatchObject({ slug: "post-10", title: "(no title)" });
  });

  it("reads categories and tags by their nicename, once each", () => {
    const planned = article({
      terms: [
        { domain: "category", nicename: "news", name: "News" },
        { domain: "category", nicename: "news", name: "News" },
        { domain: "post_tag", nicename: "caf%c3%a9", name: "Caf&eacute;" },
        { domain: "post_format", nicename: "post-format-aside", name: "Aside" },
        { domain: "post_tag", nicename: "%d1%82%d0%b5%d0%b3", name: "тег" },
      ],
    });
    expect(planned.categories).toEqual([{ slug: "news", name: "News" }]);
    expect(planned.tags[0]).toEqual({ slug: "cafe", name: "Café" });
    expect(planned.tags[1]).toMatchObject({ name: "тег", slug: expect.stringMatching(/^tag-[0-9a-f]{8}$/) });
  });

  it("refuses a published post without a date, an id, or with an oversized body", () => {
    for (const extra of [{ postDateGmt: "", postDate: "", pubDate: "" }, { postId: "" }, { oversized: true }]) {
      expect(() => planPost(item(extra), channel, now)).toThrow(AppError);
    }
  });
});
