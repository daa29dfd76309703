// Which pages are rendered the same for every viewer (no session, role or name read anywhere in
// their render), so that one cached copy serves signed-in readers too: the article page. Its
// per-request variants — the no-JavaScript reply form (?replyTo=) and the page after a held
// no-JavaScript post (?posted=) — show the viewer's own form or held comment, and are not shared.
// Used by scripts/server.mjs (the page cache ignores the session cookie for these) and by
// proxy.ts (the header renders its account area as a client island on these).

const articlePage = /^\/articles\/[a-z0-9-]{1,120}(?:\?|$)/;
const personalParams = /[?&](?:replyTo|posted|report)=/;

/** True for a request path (with its query) whose HTML is the same for every viewer. */
export function isSharedPage(url) {
  return articlePage.test(url) && !personalParams.test(url);
}
