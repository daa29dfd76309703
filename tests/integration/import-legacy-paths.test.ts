import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { findLegacyRedirect } from "@/lib/articles/find-legacy-redirect";
import { db } from "@/lib/db";
import { importWxr } from "@/lib/import/import-wxr";
import { buildWxr } from "../seed/wxr";
import { exportFile } from "./import-helpers";

// Issue 18, item 5: after a WordPress move, the old permalinks lead to the new articles.
const fresh = () => {
  const hex = crypto.randomBytes(4).toString("hex");
  return {
    site: `https://legacy-${hex}.example.com`,
    id: 100_000 + crypto.randomInt(1_000_000_000),
    name: `freedom-of-navigation-${hex}`,
  };
};

describe("an imported post's old WordPress addresses", () => {
  it("redirect to the article: the date permalink (in the blog's local date), ?p=<id>; a draft's do not", async () => {
    const a = fresh();
    const draft = { id: a.id + 1, name: `${a.name}-draft` };
    const file = exportFile(
      buildWxr({
        site: a.site,
        posts: [
          {
            id: a.id,
            name: a.name,
            title: "Freedom of navigation",
            date: "2023-03-14 23:30:00",
            dateGmt: "2023-03-15 04:30:00",
          },
          { id: draft.id, name: draft.name, status: "draft", date: "2023-03-14 10:00:00" },
        ],
      }),
    );
    const report = await importWxr("command-line", file);
    const article = await db.article.findUniqueOrThrow({ where: { importKey: `${a.site}#post-${a.id}` } });
    expect(report.imported[0]).toEqual({
      title: "Freedom of navigation",
      path: `/articles/${article.slug}`,
      outcome: "created",
      status: "published",
    });

    for (const old of [
      `/2023/03/14/${a.name}/`,
      `/2023/03/14/${a.name}`,
      `/2023/03/14/${a.name.toUpperCase()}/`,
      `?p=${a.id}`,
    ])
      expect(await findLegacyRedirect(old), old).toBe(`/articles/${article.slug}`);
    // WordPress dated the permalink by the blog's clock, not UTC.
    expect(await findLegacyRedirect(`/2023/03/15/${a.name}/`)).toBeNull();
    // A draft was never public: its old address stays a 404.
    expect(await findLegacyRedirect(`/2023/03/14/${draft.name}/`)).toBeNull();
    expect(await findLegacyRedirect(`?p=${draft.id}`)).toBeNull();
    expect(await findLegacyRedirect("/2023/03")).toBeNull();

    // Re-running the import adds nothing and keeps the redirects.
    const before = await db.legacyPath.count({ where: { articleId: article.id } });
    expect((await importWxr("command-line", file)).articles.unchanged).toBe(2);
    expect(await db.legacyPath.count({ where: { articleId: article.id } })).toBe(before);
    expect(await findLegacyRedirect(`?p=${a.id}`)).toBe(`/articles/${article.slug}`);

    // An article renamed in Gloss: the old address follows it.
    await db.article.update({ where: { id: article.id }, data: { slug: `${article.slug}-renamed` } });
    expect(await findLegacyRedirect(`/2023/03/14/${a.name}/`)).toBe(`/articles/${article.slug}-renamed`);
  });

  it("an address another imported post already holds stays with the first", async () => {
    const a = fresh();
    const b = { ...fresh(), name: a.name };
    await importWxr(
      "command-line",
      exportFile(buildWxr({ site: a.site, posts: [{ id: a.id, name: a.name, date: "2023-03-14 10:00:00" }] })),
    );
    await importWxr(
      "command-line",
      exportFile(buildWxr({ site: b.site, posts: [{ id: b.id, name: b.name, date: "2023-03-14 10:00:00" }] })),
    );
    const first = await db.article.findUniqueOrThrow({ where: { importKey: `${a.site}#post-${a.id}` } });
    const second = await db.article.findUniqueOrThrow({ where: { importKey: `${b.site}#post-${b.id}` } });
    expect(await findLegacyRedirect(`/2023/03/14/${a.name}/`)).toBe(`/articles/${first.slug}`);
    expect(await findLegacyRedirect(`?p=${b.id}`)).toBe(`/articles/${second.slug}`);
  });
});
