import type { QualifiedTag } from "sax";
import { streamXml } from "./stream-xml";
import type { WxrComment, WxrItem } from "./wxr-item";
import { wxrNameOf } from "./wxr-names";

// The most of one field kept in memory (a post body of 20 million characters is not a blog post).
export const maxFieldChars = 20_000_000;

const itemFields: Record<string, keyof WxrItem> = {
  "wp:post_id": "postId",
  title: "title",
  "wp:post_type": "postType",
  "wp:status": "status",
  "wp:post_name": "postName",
  link: "link",
  "dc:creator": "creator",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  pubDate: "pubDate",
  "wp:post_password": "password",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:attachment_url": "attachmentUrl",
};
const commentFields: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_parent": "parent",
  "wp:comment_author": "author",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
};
const untrimmed = new Set(["content", "excerpt"]);

const newItem = (): WxrItem => ({
  postId: "",
  title: "",
  postType: "",
  status: "",
  postName: "",
  link: "",
  creator: "",
  postDate: "",
  postDateGmt: "",
  pubDate: "",
  password: "",
  content: "",
  excerpt: "",
  attachmentUrl: "",
  terms: [],
  comments: [],
  oversized: false,
});
const newComment = (): WxrComment => ({
  id: "",
  parent: "",
  author: "",
  date: "",
  dateGmt: "",
  content: "",
  approved: "",
  type: "",
});

/**
 * Pass 2's reader: streams the file and hands each <item> (a post, page, attachment… with its
 * comments) to `onItem`, one at a time; the file is not read further until `onItem` is done.
 * Only one item is ever held in memory.
 */
export async function readWxrItems(file: string, onItem: (item: WxrItem) => Promise<void>): Promise<void> {
  const stack: string[] = [];
  const ready: WxrItem[] = [];
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let capture: { name: string; text: string; term?: { domain: string; nicename: string } } | null = null;

  const keep = (text: string) => {
    if (!capture || !item) return;
    if (capture.text.length + text.length > maxFieldChars) {
      item.oversized = true;
      return;
    }
    capture.text += text;
  };

  await streamXml(file, {
    open(tag: QualifiedTag) {
      const name = wxrNameOf(tag);
      const parent = stack.at(-1);
      stack.push(name);
      if (name === "item" && parent === "channel") {
        item = newItem();
        return;
      }
      if (!item) return;
      if (parent === "item") {
        if (name === "wp:comment") comment = newComment();
        else if (name === "category")
          capture = { name, text: "", term: { domain: attr(tag, "domain"), nicename: attr(tag, "nicename") } };
        else if (name in itemFields) capture = { name, text: "" };
      } else if (parent === "wp:comment" && comment && name in commentFields) capture = { name, text: "" };
    },
    text: keep,
    close() {
      const name = stack.pop();
      const parent = stack.at(-1);
      if (!item) return;
      if (capture && name === capture.name) {
        if (capture.term) item.terms.push({ ...capture.term, name: capture.text.trim() });
        else if (parent === "wp:comment" && comment) {
          const key = commentFields[name];
          comment[key] = key === "content" ? capture.text : capture.text.trim();
        } else {
          const key = itemFields[name] as Exclude<keyof WxrItem, "terms" | "comments" | "oversized">;
          item[key] = untrimmed.has(key) ? capture.text : capture.text.trim();
        }
        capture = null;
      } else if (name === "wp:comment" && parent === "item" && comment) {
        item.comments.push(comment);
        comment = null;
      } else if (name === "item" && parent === "channel") {
        ready.push(item);
        item = null;
      }
    },
    async drain() {
      while (ready.length) await onItem(ready.shift()!);
    },
  });
}

function attr(tag: QualifiedTag, local: string): string {
  for (const a of Object.values(tag.attributes)) if (a.local === local && !a.uri) return a.value.trim();
  return "";
}
