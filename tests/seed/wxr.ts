// Builds WordPress exports for tests, the way WordPress writes them (CDATA with "]]>" split).
export type TestComment = {
  id: number;
  parent?: number;
  author?: string;
  dateGmt?: string;
  content?: string;
  approved?: string;
  type?: string;
};
export type TestPost = {
  id: number;
  title?: string;
  type?: string;
  status?: string;
  name?: string;
  dateGmt?: string;
  date?: string;
  pubDate?: string;
  creator?: string;
  content?: string;
  excerpt?: string;
  password?: string;
  categories?: [string, string][];
  tags?: [string, string][];
  comments?: TestComment[];
  /** An attachment's file (`wp:attachment_url`). */
  attachmentUrl?: string;
};
export type TestExport = {
  version?: "1.1" | "1.2";
  site?: string;
  title?: string;
  authors?: [string, string][];
  posts: TestPost[];
};

export const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function wxrComment(c: TestComment): string {
  return (
    `<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author>${cdata(c.author ?? `Reader ${c.id}`)}</wp:comment_author>` +
    `<wp:comment_author_email>${cdata("")}</wp:comment_author_email><wp:comment_date>${cdata(c.dateGmt ?? "2024-01-02 10:00:00")}</wp:comment_date>` +
    `<wp:comment_date_gmt>${cdata(c.dateGmt ?? "2024-01-02 10:00:00")}</wp:comment_date_gmt><wp:comment_content>${cdata(c.content ?? `Comment ${c.id}.`)}</wp:comment_content>` +
    `<wp:comment_approved>${cdata(c.approved ?? "1")}</wp:comment_approved><wp:comment_type>${cdata(c.type ?? "comment")}</wp:comment_type>` +
    `<wp:comment_parent>${c.parent ?? 0}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`
  );
}

export function wxrItem(p: TestPost): string {
  const terms = [
    ...(p.categories ?? []).map(([slug, name]) => ["category", slug, name]),
    ...(p.tags ?? []).map(([slug, name]) => ["post_tag", slug, name]),
  ];
  return (
    `<item><title>${escape(p.title ?? `Post ${p.id}`)}</title><link>https://example.test/?p=${p.id}</link>` +
    `<pubDate>${p.pubDate ?? "Mon, 01 Jan 2024 09:00:00 +0000"}</pubDate><dc:creator>${cdata(p.creator ?? "admin")}</dc:creator>` +
    `<guid isPermaLink="false">https://example.test/?p=${p.id}</guid><description></description>` +
    `<content:encoded>${cdata(p.content ?? `Body of post ${p.id}.`)}</content:encoded><excerpt:encoded>${cdata(p.excerpt ?? "")}</excerpt:encoded>` +
    `<wp:post_id>${p.id}</wp:post_id><wp:post_date>${cdata(p.date ?? p.dateGmt ?? "2024-01-01 09:00:00")}</wp:post_date>` +
    `<wp:post_date_gmt>${cdata(p.dateGmt ?? "2024-01-01 09:00:00")}</wp:post_date_gmt><wp:comment_status>${cdata("open")}</wp:comment_status>` +
    `<wp:post_name>${cdata(p.name ?? `post-${p.id}`)}</wp:post_name><wp:status>${cdata(p.status ?? "publish")}</wp:status>` +
    `<wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>${cdata(p.type ?? "post")}</wp:post_type>` +
    `<wp:post_password>${cdata(p.password ?? "")}</wp:post_password><wp:is_sticky>0</wp:is_sticky>` +
    terms
      .map(([domain, slug, name]) => `<category domain="${domain}" nicename="${slug}">${cdata(name)}</category>`)
      .join("") +
    (p.attachmentUrl ? `<wp:attachment_url>${cdata(p.attachmentUrl)}</wp:attachment_url>` : "") +
    (p.comments ?? []).map(wxrComment).join("") +
    "</item>\n"
  );
}

export function wxrHeader(e: Omit<TestExport, "posts">): string {
  const version = e.version ?? "1.2";
  const site = e.site ?? "https://example.test";
  return (
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/" ` +
    `xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/${version}/">\n<channel>` +
    `<title>${escape(e.title ?? "Test blog")}</title><link>${site}</link><wp:wxr_version>${version}</wp:wxr_version>` +
    `<wp:base_site_url>${site}</wp:base_site_url><wp:base_blog_url>${site}</wp:base_blog_url>\n` +
    (e.authors ?? [["admin", "Ada Admin"]])
      .map(
        ([login, name]) =>
          `<wp:author><wp:author_login>${cdata(login)}</wp:author_login><wp:author_display_name>${cdata(name)}</wp:author_display_name></wp:author>`,
      )
      .join("") +
    "\n"
  );
}

export const wxrFooter = "</channel>\n</rss>\n";

export function buildWxr(e: TestExport): string {
  return wxrHeader(e) + e.posts.map(wxrItem).join("") + wxrFooter;
}
