import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { buildWxr, cdata, wxrFooter, wxrHeader } from "@/tests/seed/wxr";
import { readWxrItems } from "./read-wxr-items";
import { dtdRefusal } from "./stream-xml";
import { validateWxr } from "./validate-wxr";
import type { WxrItem } from "./wxr-item";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gloss-wxr-unit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (text: string | Buffer) => {
  const file = path.join(dir, `export-${++n}.xml`);
  fs.writeFileSync(file, text);
  return file;
};

async function refusal(text: string): Promise<string> {
  const error = await validateWxr(write(text)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).message;
}

async function items(text: string): Promise<WxrItem[]> {
  const found: WxrItem[] = [];
  await readWxrItems(write(text), async (item) => {
    found.push(item);
  });
  return found;
}

describe("validateWxr (pass 1)", () => {
  it("reads the version, the site and the authors of WXR 1.2 and 1.1", async () => {
    const v12 = await validateWxr(
      write(
        buildWxr({
          site: "https://Blog.Example.test/",
          authors: [
            ["ada", "Ada L."],
            ["bo", ""],
          ],
          posts: [{ id: 1 }, { id: 2 }],
        }),
      ),
    );
    expect(v12).toMatchObject({ version: "1.2", siteUrl: "https://blog.example.test", items: 2 });
    expect(Object.fromEntries(v12.authors)).toEqual({ ada: "Ada L.", bo: "bo" });
    const v11 = await validateWxr(
      write(buildWxr({ version: "1.1", site: "http://old.example.test/blog", posts: [{ id: 1 }] })),
    );
    expect(v11).toMatchObject({ version: "1.1", siteUrl: "http://old.example.test/blog" });
  });

  it("accepts a byte-order mark", async () => {
    const file = write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(buildWxr({ posts: [{ id: 1 }] }))]));
    expect((await validateWxr(file)).version).toBe("1.2");
  });

  it("refuses any DOCTYPE: entity expansion (billion laughs), external entities, even an empty one", async () => {
    const body = buildWxr({ posts: [{ id: 1 }] }).replace(/^<\?xml[^>]*>\n/, "");
    expect(
      await refusal(`<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n${body}`),
    ).toBe(dtdRefusal);
    expect(
      await refusal(`<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n${body}`),
    ).toBe(dtdRefusal);
    expect(await refusal(`<!DOCTYPE rss>\n${body}`)).toBe(dtdRefusal);
    expect(await refusal(`<!DOCTYPE rss [${"<!-- padding -->".repeat(10_000)}]>\n${body}`)).toBe(dtdRefusal);
  });

  it("refuses entities nobody declared", async () => {
    expect(
      await refusal(buildWxr({ posts: [{ id: 1 }] }).replace("<title>Post 1</title>", "<title>&undeclared;</title>")),
    ).toMatch(/not well-formed XML \(line \d+: invalid character entity/);
  });

  it("refuses malformed and truncated files with the line of the fault", async () => {
    const whole = buildWxr({ posts: [{ id: 1 }, { id: 2 }] });
    expect(await refusal(whole.slice(0, Math.floor(whole.length / 2)))).toMatch(
      /^the file is not well-formed XML \(line \d+: /,
    );
    expect(await refusal(whole.replace("</channel>", "</chanel>"))).toMatch(
      /not well-formed XML \(line 7: unexpected close tag\)/,
    );
    expect(await refusal("   \n")).toBe("the file is empty");
    expect(await refusal("just text")).toMatch(/not well-formed XML/);
  });

  it("refuses what is not a WordPress export", async () => {
    expect(
      await refusal(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`),
    ).toMatch(/not a WordPress export .*root element is <feed>/);
    expect(
      await refusal(`<rss version="2.0"><channel><title>Feed</title><link>https://x.test</link></channel></rss>`),
    ).toMatch(/does not declare the wp: export namespace/);
    expect(await refusal(buildWxr({ posts: [] }).replace(/export\/1\.2\//g, "export/1.0/"))).toMatch(
      /WXR 1\.0, which Gloss does not read/,
    );
    expect(await refusal(buildWxr({ site: "ftp://x.test", posts: [] }))).toMatch(/not an http\(s\) URL/);
    expect(
      await refusal(
        `<?xml version="1.0" encoding="ISO-8859-1"?>${buildWxr({ posts: [] }).replace(/^<\?xml[^>]*>/, "")}`,
      ),
    ).toMatch(/encoded in ISO-8859-1/);
  });
});

describe("readWxrItems (pass 2)", () => {
  it("reads CDATA (with a split end marker), entities and character references", async () => {
    const text =
      wxrHeader({}) +
      `<item><title>Caf&#233; &amp; bar&#8217;s</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>` +
      `<content:encoded>${cdata("Code: a]]>b & <em>c</em>")}</content:encoded><wp:status>  publish </wp:status></item>` +
      wxrFooter;
    const [item] = await items(text);
    expect(item).toMatchObject({
      postId: "7",
      title: "Café & bar’s",
      content: "Code: a]]>b & <em>c</em>",
      status: "publish",
      postType: "post",
    });
  });

  it("keeps comments, their fields and terms, and ignores post and comment meta", async () => {
    const text =
      wxrHeader({}) +
      `<item><wp:post_id>1</wp:post_id><wp:postmeta><wp:meta_key>title</wp:meta_key><wp:meta_value>meta</wp:meta_value></wp:postmeta>` +
      `<title>Real</title><category domain="post_tag" nicename="caf%c3%a9">${cdata("Café")}</category>` +
      `<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_parent>2</wp:comment_parent><wp:comment_content>${cdata(" Hi\n")}</wp:comment_content>` +
      `<wp:commentmeta><wp:meta_key>akismet</wp:meta_key><wp:meta_value>x</wp:meta_value></wp:commentmeta><wp:comment_approved>0</wp:comment_approved></wp:comment></item>` +
      wxrFooter;
    const [item] = await items(text);
    expect(item.title).toBe("Real");
    expect(item.terms).toEqual([{ domain: "post_tag", nicename: "caf%c3%a9", name: "Café" }]);
    expect(item.comments).toEqual([
      { id: "3", parent: "2", author: "", date: "", dateGmt: "", content: " Hi\n", approved: "0", type: "" },
    ]);
  });

  it("hands over one item at a time, waiting for each", async () => {
    const file = write(
      buildWxr({ posts: Array.from({ length: 300 }, (_, i) => ({ id: i + 1, content: "x".repeat(2_000) })) }),
    );
    const seen: string[] = [];
    let busy = false;
    await readWxrItems(file, async (item) => {
      expect(busy).toBe(false);
      busy = true;
      await new Promise((r) => setImmediate(r));
      seen.push(item.postId);
      busy = false;
    });
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => String(i + 1)));
  });
});
