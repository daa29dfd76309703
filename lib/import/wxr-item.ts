// One <item> of a WordPress export, as read (strings exactly as in the file, trimmed where WordPress pads).
export type WxrTerm = { domain: string; nicename: string; name: string };

export type WxrComment = {
  id: string;
  parent: string;
  author: string;
  date: string;
  dateGmt: string;
  content: string;
  approved: string;
  type: string;
};

export type WxrItem = {
  postId: string;
  title: string;
  postType: string;
  status: string;
  postName: string;
  /** The post's permalink as WordPress gave it (`<link>`). */
  link: string;
  creator: string;
  postDate: string;
  postDateGmt: string;
  pubDate: string;
  password: string;
  content: string;
  excerpt: string;
  /** An attachment's file as WordPress served it (`wp:attachment_url`); "" for other items. */
  attachmentUrl?: string;
  terms: WxrTerm[];
  comments: WxrComment[];
  /** Set when a field was larger than the reader keeps (the post is then reported as failed). */
  oversized: boolean;
};
