import { type APIRequestContext, expect, test } from "@playwright/test";
import { seedDiscussion } from "../fixtures/discussion";
import { newUserData, signIn, uniqueSuffix } from "../fixtures/users";

// Each test seeds through a child process and loads several pages: more than the default 30 s
// on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

// The comments JSON API with a session cookie (CONTRACT.md): status codes, the error shape and the
// rules' answers over HTTP. Cookie-authenticated writes carry the site's Origin.
function api(request: APIRequestContext, origin: string) {
  const headers = { Origin: origin };
  return {
    list: (slug: string) => request.get(`/api/articles/${slug}/comments`),
    post: (slug: string, data: unknown) => request.post(`/api/articles/${slug}/comments`, { headers, data }),
    edit: (id: string, data: unknown) => request.patch(`/api/comments/${id}`, { headers, data }),
    remove: (id: string) => request.delete(`/api/comments/${id}`, { headers }),
    like: (id: string) => request.put(`/api/comments/${id}/like`, { headers }),
    unlike: (id: string) => request.delete(`/api/comments/${id}/like`, { headers }),
    report: (id: string, data: unknown) => request.post(`/api/comments/${id}/flags`, { headers, data }),
  };
}

test("post, refuse, edit, like, report and delete over the API", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const user = newUserData("api");
  const author = newUserData("api-author");
  const {
    slug,
    ids: [theirs],
  } = seedDiscussion({ users: [user, author], comments: [{ author: author.email, body: "Someone else's comment." }] });
  await signIn(page, user.email, user.password);
  const http = api(page.request, origin);

  // Bad input: 400 naming the field; nothing stored.
  for (const data of [{ body: "   " }, { body: "x".repeat(10_001) }, {}]) {
    const answer = await http.post(slug, data);
    expect(answer.status()).toBe(400);
    const { error } = await answer.json();
    expect(error.code).toBe("bad_request");
    expect(error.fields.body).toEqual(expect.any(String));
  }
  // A reply to a comment that does not exist: 404.
  expect((await http.post(slug, { body: "To nobody.", parentId: "nosuchcomment000" })).status()).toBe(404);

  // Created: 201 with the comment; fields a client may not set are ignored.
  const body = `Over HTTP ${uniqueSuffix()}.`;
  const created = await http.post(slug, { body, status: "spam", authorId: author.email });
  expect(created.status()).toBe(201);
  const comment = await created.json();
  expect(comment).toMatchObject({
    id: expect.any(String),
    body,
    status: "approved",
    parentId: null,
    author: { name: user.name },
  });

  // Flood: 429 with Retry-After.
  const flood = await http.post(slug, { body: "Too soon." });
  expect(flood.status()).toBe(429);
  expect(Number(flood.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(flood.headers()["retry-after"])).toBeLessThanOrEqual(15);
  expect((await flood.json()).error.code).toBe("rate_limited");

  // Edit one's own (200), not someone else's (403).
  const edited = await http.edit(comment.id, { body: `${body} Edited.` });
  expect(edited.status()).toBe(200);
  expect((await edited.json()).editedAt).toEqual(expect.any(String));
  expect((await http.edit(theirs, { body: "Hijacked." })).status()).toBe(403);
  expect((await http.remove(theirs)).status()).toBe(403);

  // Like: idempotent, and undone idempotently.
  for (const expected of [1, 1])
    expect(await (await http.like(theirs)).json()).toEqual({ liked: true, likeCount: expected });
  for (const expected of [0, 0])
    expect(await (await http.unlike(theirs)).json()).toEqual({ liked: false, likeCount: expected });
  expect((await http.like(comment.id)).status()).toBe(422);

  // Report once: 201, then 409; not one's own (422); an unknown reason is a 400 naming it.
  expect((await http.report(theirs, { reason: "boring" })).status()).toBe(400);
  expect((await http.report(theirs, { reason: "off_topic" })).status()).toBe(201);
  expect((await http.report(theirs, { reason: "spam" })).status()).toBe(409);
  expect((await http.report(comment.id, { reason: "spam" })).status()).toBe(422);

  // Delete: 204, gone from the list; the other comment stays.
  expect((await http.remove(comment.id)).status()).toBe(204);
  expect((await http.remove(comment.id)).status()).toBe(404);
  const list = await (await http.list(slug)).json();
  expect(list.comments.map((c: { id: string }) => c.id)).toEqual([theirs]);
  expect(list.next).toBeNull();
});

test("a moderator is not flood-limited, but the same words twice within 10 minutes are a 409", async ({
  page,
  baseURL,
}) => {
  const moderator = newUserData("api-mod", "moderator");
  const { slug } = seedDiscussion({ users: [moderator] });
  await signIn(page, moderator.email, moderator.password);
  const http = api(page.request, new URL(baseURL!).origin);
  expect((await http.post(slug, { body: "Please stay on topic." })).status()).toBe(201);
  expect((await http.post(slug, { body: "A second note, at once." })).status()).toBe(201);
  const duplicate = await http.post(slug, { body: "  Please stay on topic. " });
  expect(duplicate.status()).toBe(409);
  expect((await duplicate.json()).error.message).toMatch(/^You already said that/);
});

test("a deleted comment with replies stays in the API list as a placeholder without text", async ({
  page,
  baseURL,
}) => {
  const user = newUserData("api-del");
  const other = newUserData("api-replier");
  const {
    slug,
    ids: [parent, reply],
  } = seedDiscussion({
    users: [user, other],
    comments: [
      { author: user.email, body: "Soon deleted." },
      { author: other.email, body: "A reply.", parent: 0 },
    ],
  });
  await signIn(page, user.email, user.password);
  const http = api(page.request, new URL(baseURL!).origin);
  expect((await http.remove(parent)).status()).toBe(204);
  const { comments } = await (await http.list(slug)).json();
  expect(comments).toHaveLength(1);
  expect(comments[0]).toMatchObject({ id: parent, body: null, html: null, status: "deleted" });
  expect(comments[0].replies.map((r: { id: string }) => r.id)).toEqual([reply]);
});

test("closed comments answer 422", async ({ page, baseURL }) => {
  const user = newUserData("api-closed");
  const { slug } = seedDiscussion({ users: [user], closeComments: true });
  await signIn(page, user.email, user.password);
  const answer = await api(page.request, new URL(baseURL!).origin).post(slug, { body: "Anyone?" });
  expect(answer.status()).toBe(422);
  expect((await answer.json()).error.message).toBe("Comments are closed on this article.");
});
