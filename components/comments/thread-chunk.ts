// The comment list's code that hydration does not need: what React draws the threads with once
// they wake (components/comments/thread-parts.tsx loads this module then, in the browser), the
// no-JavaScript report form, and the comments only this reader sees on the page.
export { ReportForm } from "./comment-actions";
export { CommentForm } from "./comment-form";
export { CommentItem, CommentItems } from "./comment-item";
export { SessionComments } from "./session-comments";
