import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  expect,
  test,
} from "@playwright/test";
import pg from "pg";
import { databaseUrl } from "../fixtures/env";
import { createUser, signIn, type TestUser, uniqueSuffix } from "../fixtures/users";
import { seedAnnotations } from "./helpers";

// Accounts are made with the CLI and signed in through the real form: allow for a busy machine.
test.describe.configure({ timeout: 90_000 });

// The W3C Web Annotation Protocol over HTTP (CONTRACT.md, "HTTP API"): status codes, headers,
// ETags, paging, visibility and permissions, against the production server. Cookie-authenticated
// writes carry the site's Origin unless a test is about that check.

const annoContext = "http://www.w3.org/ns/anno.jsonld";
const annoMediaType = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
const containerPath = (slug: string) => `/api/annotations/${slug}/`;

type Headers = Record<string, string>;
type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
type Annotation = {
  id: string;
  body?: { value: string };
  target: string | { source: string; selector: Selector[] };
  [key: string]: unknown;
};

/** The annotation API for one client (a signed-in context's request, or the anonymous `request`). */
function protocol(request: APIRequestContext, origin?: string) {
  const writing = (ifMatch?: string, extra: Headers = {}): Headers => ({
    "Content-Type": annoMediaType,
    ...(origin ? { Origin: origin } : {}),
    ...(ifMatch ? { "If-Match": ifMatch } : {}),
    ...extra,
  });
  const payload = (data: unknown) => (typeof data === "string" ? data : JSON.stringify(data));
  return {
    container: (slug: string) => request.get(containerPath(slug)),
    page: (url: string) => request.get(url),
    post: (slug: string, data: unknown, headers: Headers = {}) =>
      request.post(containerPath(slug), { headers: writing(undefined, headers), data: payload(data) }),
    get: (url: string) => request.get(url),
    put: (url: string, data: unknown, ifMatch?: string) =>
      request.put(url, { headers: writing(ifMatch), data: payload(data) }),
    remove: (url: string, ifMatch?: string) => request.delete(url, { headers: writing(ifMatch) }),
    report: (url: string, data: unknown) => request.post(`${url}/flags`, { headers: writing(), data: payload(data) }),
  };
}

/** A new browser context signed in as `user` through the real form; closed after the test. */
const opened: BrowserContext[] = [];
async function signedIn(browser: Browser, user: TestUser): Promise<APIRequestContext> {
  const context = await browser.newContext();
  opened.push(context);
  await signIn(await context.newPage(), user.email, user.password);
  return context.request;
}
test.afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

/** A note on `exact` (and, when given, the code-point position), as a client would POST it. */
function note(
  exact: string,
  value: string,
  { position, audience }: { position?: [number, number]; audience?: "public" | "private" } = {},
) {
  return {
    "@context": annoContext,
    type: "Annotation",
    motivation: "commenting",
    body: { type: "TextualBody", value, format: "text/markdown" },
    target: {
      selector: [
        { type: "TextQuoteSelector", exact },
        ...(position ? [{ type: "TextPositionSelector", start: position[0], end: position[1] }] : []),
      ],
    },
    ...(audience ? { audience } : {}),
  };
}

/** Where the `nth` occurrence of `phrase` is in `text`, in Unicode code points (as the API counts). */
function codePoints(text: string, phrase: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) throw new Error(`"${phrase}" #${nth} is not in the text`);
  }
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(phrase).length];
}

/** The contract's error shape, with its status, code and (when given) the field it names. */
async function expectError(answer: APIResponse, status: number, code: string, field?: string) {
  expect(answer.status(), await answer.text()).toBe(status);
  const { error } = await answer.json();
  expect(error).toMatchObject({ code, message: expect.any(String) });
  if (field) expect(error.fields?.[field], JSON.stringify(error)).toEqual(expect.any(String));
  return error as { code: string; message: string; fields?: Record<string, string> };
}

const selectorsOf = (a: Annotation) => (typeof a.target === "string" ? [] : a.target.selector);
const idsOf = (items: Annotation[]) => items.map((a) => a.id);

/** The container's first page as `request` sees it: its total and the ids listed. */
async function containerSeenBy(request: APIRequestContext, slug: string) {
  const answer = await request.get(containerPath(slug));
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  return { total: body.total as number, ids: idsOf(body.first.items) };
}

test("the container: JSON-LD collection, protocol headers, HEAD, OPTIONS and 404", async ({ request, baseURL }) => {
  const author = createUser("container", "moderator");
  const {
    slug,
    ids: [anchored, orphaned, reply],
  } = seedAnnotations({
    notes: [
      { author: author.email, exact: "the freedom of the seas", note: "Grotius." },
      { author: author.email, exact: "a passage since rewritten", note: "Lost its passage.", orphaned: true },
      { author: author.email, note: "A reply.", parent: 0 },
    ],
  });
  const container = `${baseURL}${containerPath(slug)}`;
  const url = (id: string) => `${container}${id}`;

  const answer = await request.get(containerPath(slug));
  expect(answer.status()).toBe(200);
  const headers = answer.headers();
  expect(headers["content-type"]).toBe(annoMediaType);
  expect(headers.vary.split(/,\s*/)).toContain("Accept");
  expect(headers.link).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
  expect(headers.link).toContain(
    '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
  );
  expect(headers.allow.split(/,\s*/).sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  expect(headers["accept-post"]).toBe(annoMediaType);

  const body = await answer.json();
  expect(body["@context"]).toContain(annoContext);
  expect(body).toMatchObject({ id: container, total: 3, first: { type: "AnnotationPage", partOf: container } });
  expect(body.type).toEqual(expect.arrayContaining(["AnnotationCollection", "BasicContainer"]));
  expect(body.first.next).toBeUndefined();
  const items: Annotation[] = body.first.items;
  expect(idsOf(items)).toEqual([anchored, orphaned, reply].map(url));
  // Each item is an Annotation with its anchoring state; only an anchored note has a position.
  expect(items[0]).toMatchObject({
    type: "Annotation",
    motivation: "commenting",
    state: "anchored",
    audience: "public",
    status: "approved",
    body: { value: "Grotius." },
  });
  expect(selectorsOf(items[0]).map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
  expect(items[1]).toMatchObject({ state: "orphaned", originalQuote: "a passage since rewritten" });
  expect(selectorsOf(items[1]).map((s) => s.type)).toEqual(["TextQuoteSelector"]);
  expect(items[2]).toMatchObject({ motivation: "replying", target: url(anchored) });
  expect(items[2].state).toBeUndefined();

  // HEAD: the same status and headers, no body.
  const head = await request.head(containerPath(slug));
  expect(head.status()).toBe(200);
  for (const name of ["content-type", "link", "allow", "accept-post", "vary"])
    expect(head.headers()[name], name).toBe(headers[name]);
  expect((await head.body()).length).toBe(0);

  // OPTIONS: 204 with what the container allows.
  const options = await request.fetch(containerPath(slug), { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers().allow.split(/,\s*/).sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  expect(options.headers()["accept-post"]).toBe(annoMediaType);

  // An unknown article: 404 in the error shape (and a HEAD 404 without a body).
  for (const missing of ["no-such-article-anywhere", "NOT%20a%20slug"]) {
    const error = await expectError(await request.get(containerPath(missing)), 404, "not_found");
    expect(error.message).toBe("No published article has that address.");
    const missingHead = await request.head(containerPath(missing));
    expect(missingHead.status()).toBe(404);
    expect((await missingHead.body()).length).toBe(0);
  }
});

test("paging: following `next` lists every note exactly once, in order; a bad cursor is never a 500", async ({
  request,
  baseURL,
}) => {
  const bulk = createUser("pager");
  const count = 450; // three pages of at most 200
  const { slug } = seedAnnotations({ bulk: { author: bulk.email, count } });
  const container = `${baseURL}${containerPath(slug)}`;

  const first = await (await request.get(containerPath(slug))).json();
  expect(first.total).toBe(count);
  const pages: { items: Annotation[]; next?: string }[] = [first.first];
  for (let next = first.first.next as string | undefined; next; ) {
    expect(pages.length, "more pages than notes").toBeLessThan(count);
    const answer = await request.get(next);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe(annoMediaType);
    const page = await answer.json();
    expect(page).toMatchObject({ "@context": annoContext, type: "AnnotationPage", partOf: container });
    pages.push(page);
    next = page.next;
  }
  expect(pages.map((p) => p.items.length)).toEqual([200, 200, 50]);
  const all = pages.flatMap((p) => p.items);
  expect(all).toHaveLength(first.total);
  expect(new Set(idsOf(all)).size).toBe(count);
  const created = all.map((a) => a.created as string);
  expect(created).toEqual([...created].sort());

  // A malformed cursor starts again from the top (the project's rule for every list), never a 500.
  const firstIds = idsOf(first.first.items);
  for (const cursor of ["garbage", Buffer.from('{"t":"a"}').toString("base64url"), "x".repeat(500), "%00"]) {
    const answer = await request.get(`${containerPath(slug)}?cursor=${cursor}`);
    expect(answer.status(), cursor).toBe(200);
    const page = await answer.json();
    expect(page.type).toBe("AnnotationPage");
    expect(idsOf(page.items)).toEqual(firstIds);
  }
});

test("create: 201 with Location, ETag and both selectors in code points; a held first note is 202; signed out is 401", async ({
  browser,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const writer = createUser("creator");
  const newcomer = createUser("newcomer", "commenter", { trusted: false });
  const { slug, text } = seedAnnotations();
  const http = protocol(await signedIn(browser, writer), origin);

  // A passage after the emoji: its code-point offsets differ from UTF-16 ones.
  const phrase = "the tidal obligations of coastal states";
  const position = codePoints(text, phrase);
  expect(position[0]).toBe(text.indexOf(phrase) - 1);
  const value = `Which states? ${uniqueSuffix()}`;
  const created = await http.post(slug, note(phrase, value, { position }));
  expect(created.status(), await created.text()).toBe(201);
  expect(created.headers()["content-type"]).toBe(annoMediaType);
  const location = created.headers().location;
  const etag = created.headers().etag;
  expect(etag).toMatch(/^"[^"]+"$/);
  const annotation: Annotation = await created.json();
  expect(location).toBe(annotation.id);
  expect(location.startsWith(`${baseURL}${containerPath(slug)}`)).toBe(true);
  expect(annotation).toMatchObject({
    "@context": annoContext,
    type: "Annotation",
    motivation: "commenting",
    state: "anchored",
    audience: "public",
    status: "approved",
    body: { type: "TextualBody", value, format: "text/markdown" },
    creator: { type: "Person", name: writer.name },
    target: { source: `${baseURL}/articles/${slug}` },
  });
  expect(selectorsOf(annotation)).toEqual([
    { type: "TextQuoteSelector", exact: phrase, prefix: expect.any(String), suffix: expect.any(String) },
    { type: "TextPositionSelector", start: position[0], end: position[1] },
  ]);
  // The Location resolves to the same annotation, with the same ETag.
  const fetched = await http.get(location);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers().etag).toBe(etag);
  expect((await fetched.json()).id).toBe(location);

  // A repeated quote ("the" occurs many times) singled out by its code-point position alone:
  // read as UTF-16 offsets, the position would miss the quote and the POST would be refused.
  const the = codePoints(text, "the tidal");
  const highlight = await http.post(
    slug,
    note("the", "The tidal one.", { position: [the[0], the[0] + 3], audience: "private" }),
  );
  expect(highlight.status(), await highlight.text()).toBe(201);
  const placed: Annotation = await highlight.json();
  expect(placed.audience).toBe("private");
  expect(selectorsOf(placed)).toContainEqual({ type: "TextPositionSelector", start: the[0], end: the[0] + 3 });

  // A commenter with nothing approved yet: held (202), visible to them only.
  const held = await protocol(await signedIn(browser, newcomer), origin).post(
    slug,
    note("the attribution problem", "My first note."),
  );
  expect(held.status(), await held.text()).toBe(202);
  const pending: Annotation = await held.json();
  expect(pending.status).toBe("pending");
  expect(pending.reasons).toEqual(["first_comment"]);
  expect(held.headers().location).toBe(pending.id);
  expect(held.headers().etag).toMatch(/^"[^"]+"$/);
  expect((await request.get(pending.id)).status()).toBe(404);
  expect((await containerSeenBy(request, slug)).ids).toEqual([annotation.id]);

  // Signed out (with the right Origin, so only the identity is missing): 401.
  await expectError(await protocol(request, origin).post(slug, note(phrase, "Anonymous.")), 401, "unauthorized");
  expect((await containerSeenBy(request, slug)).total).toBe(1);
});

test("bad input: 400/413 naming the field, nothing stored, the flood clock untouched", async ({ browser, baseURL }) => {
  const writer = createUser("validator");
  const { slug, text } = seedAnnotations();
  const writerRequest = await signedIn(browser, writer);
  const http = protocol(writerRequest, new URL(baseURL!).origin);
  const length = Array.from(text).length;
  const cases: [string, unknown, number, string | undefined][] = [
    ["malformed JSON", '{"type": "Annotation", "target": ', 400, undefined],
    ["a JSON array", "[1, 2, 3]", 400, undefined],
    ["a JSON string", '"a note"', 400, undefined],
    ["no target", { type: "Annotation", bodyValue: "Where?" }, 400, "target"],
    ["no selector", { bodyValue: "Where?", target: { source: "x" } }, 400, "target.selector"],
    ["a quote not in the text", note("the freedom of the skies", "Nowhere."), 400, "target.selector.exact"],
    ["a repeated quote without context", note("paragraph", "Which one?"), 400, "target.selector.prefix"],
    [
      "a position beyond the text",
      {
        bodyValue: "Far.",
        target: { selector: { type: "TextPositionSelector", start: length - 2, end: length + 10 } },
      },
      400,
      "target.selector.end",
    ],
    [
      "end equal to start",
      { bodyValue: "Empty.", target: { selector: { type: "TextPositionSelector", start: 10, end: 10 } } },
      400,
      "target.selector.end",
    ],
    [
      "end before start",
      { bodyValue: "Backwards.", target: { selector: { type: "TextPositionSelector", start: 20, end: 10 } } },
      400,
      "target.selector.end",
    ],
    ["an empty note", note("the freedom of the seas", "   "), 400, "body"],
    ["a quote over 2,000 characters", note("x".repeat(2_001), "Long quote."), 413, "target.selector.exact"],
    ["a note over 5,000 characters", note("the freedom of the seas", "y".repeat(5_001)), 413, "body"],
    ["a body over the request limit", note("the freedom of the seas", "z".repeat(250_000)), 413, undefined],
  ];
  for (const [label, data, status, field] of cases) {
    await test.step(label, async () => {
      await expectError(await http.post(slug, data), status, status === 413 ? "too_large" : "bad_request", field);
    });
  }
  expect(await containerSeenBy(writerRequest, slug)).toEqual({ total: 0, ids: [] });
  // None of the refusals took the writer's flood slot: a good note goes through at once.
  expect((await http.post(slug, note("the freedom of the seas", "Now a good one."))).status()).toBe(201);
  expect((await containerSeenBy(writerRequest, slug)).total).toBe(1);
});

test("one annotation: GET with ETag, PUT with If-Match (412 when stale), DELETE, then 404", async ({
  browser,
  request,
  baseURL,
}) => {
  const author = createUser("etag");
  const {
    slug,
    ids: [id],
  } = seedAnnotations({ notes: [{ author: author.email, exact: "the freedom of the seas", note: "First thoughts." }] });
  const http = protocol(await signedIn(browser, author), new URL(baseURL!).origin);
  const url = `${baseURL}${containerPath(slug)}${id}`;

  const got = await http.get(url);
  expect(got.status()).toBe(200);
  expect(got.headers()["content-type"]).toBe(annoMediaType);
  expect(got.headers().link).toBe('<http://www.w3.org/ns/ldp#Resource>; rel="type"');
  expect(got.headers().allow.split(/,\s*/).sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PUT"]);
  const etag = got.headers().etag;
  expect(etag).toMatch(/^"[^"]+"$/);
  const annotation: Annotation = await got.json();
  expect(annotation).toMatchObject({
    "@context": annoContext,
    id: url,
    type: "Annotation",
    body: { value: "First thoughts." },
    edited: false,
  });
  const head = await request.head(url);
  expect(head.status()).toBe(200);
  expect(head.headers().etag).toBe(etag);
  expect((await head.body()).length).toBe(0);

  // A stale If-Match: 412, nothing changed.
  const edit = (value: string) => ({ ...annotation, body: { ...annotation.body, value } });
  await expectError(await http.put(url, edit("Overwritten."), '"stale-v0"'), 412, "precondition_failed");
  const unchanged = await http.get(url);
  expect(unchanged.headers().etag).toBe(etag);
  expect((await unchanged.json()).body.value).toBe("First thoughts.");

  // The current ETag: 200, the new text, a new ETag; the old one is stale from now on.
  const put = await http.put(url, edit("Second thoughts."), etag);
  expect(put.status(), await put.text()).toBe(200);
  expect(put.headers()["content-type"]).toBe(annoMediaType);
  const newEtag = put.headers().etag;
  expect(newEtag).toMatch(/^"[^"]+"$/);
  expect(newEtag).not.toBe(etag);
  expect(await put.json()).toMatchObject({
    id: url,
    body: { value: "Second thoughts." },
    edited: true,
    state: "anchored",
  });
  expect((await request.get(url)).headers().etag).toBe(newEtag);
  await expectError(await http.put(url, edit("Third thoughts."), etag), 412, "precondition_failed");
  await expectError(await http.remove(url, etag), 412, "precondition_failed");

  // DELETE: 204, then 404 for everyone; the row stays, marked deleted.
  const removed = await http.remove(url, newEtag);
  expect(removed.status()).toBe(204);
  expect((await removed.body()).length).toBe(0);
  await expectError(await http.get(url), 404, "not_found");
  await expectError(await request.get(url), 404, "not_found");
  await expectError(await http.remove(url), 404, "not_found");
  expect((await containerSeenBy(request, slug)).total).toBe(0);
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query('SELECT status, "deletedAt" FROM "Annotation" WHERE id = $1', [id]);
    expect(rows).toEqual([{ status: "deleted", deletedAt: expect.any(Date) }]);
  } finally {
    await db.end();
  }
});

test("visibility: a private note only ever reaches its author; a public one reaches everyone", async ({
  browser,
  request,
  baseURL,
}) => {
  const author = createUser("private");
  const other = createUser("onlooker");
  const {
    slug,
    ids: [privateId, publicId],
  } = seedAnnotations({
    notes: [
      { author: author.email, exact: "the attribution problem", note: "Only for me.", audience: "private" },
      { author: author.email, exact: "state responsibility", note: "For everyone." },
    ],
  });
  const url = (id: string) => `${baseURL}${containerPath(slug)}${id}`;

  // The author: both, in the container and one by one.
  const authorRequest = await signedIn(browser, author);
  expect(await containerSeenBy(authorRequest, slug)).toEqual({ total: 2, ids: [url(privateId), url(publicId)] });
  const own = await authorRequest.get(url(privateId));
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ audience: "private", body: { value: "Only for me." } });

  // Another reader and an anonymous client: the public note only; the private one is a plain 404.
  for (const [who, client] of [
    ["another reader", await signedIn(browser, other)],
    ["anonymous", request],
  ] as const) {
    await test.step(who, async () => {
      expect(await containerSeenBy(client, slug)).toEqual({ total: 1, ids: [url(publicId)] });
      const error = await expectError(await client.get(url(privateId)), 404, "not_found");
      expect(error.message).toBe("No such annotation.");
      expect((await client.head(url(privateId))).status()).toBe(404);
      const shared = await client.get(url(publicId));
      expect(shared.status()).toBe(200);
      expect(await shared.json()).toMatchObject({ audience: "public", body: { value: "For everyone." } });
    });
  }
});

test("refused: others' notes, moderators, bans, a missing Origin, flood, duplicates, closed annotations", async ({
  browser,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const author = createUser("owner");
  const other = createUser("intruder");
  const moderator = createUser("warden", "moderator");
  const banned = createUser("banned");
  const editor = createUser("closer", "editor");
  const {
    slug,
    ids: [id],
  } = seedAnnotations({ notes: [{ author: author.email, exact: "the freedom of the seas", note: "Mine." }] });
  const url = `${baseURL}${containerPath(slug)}${id}`;
  const original = await request.get(url);
  const etag = original.headers().etag;
  const annotation: Annotation = await original.json();
  const changed = { ...annotation, body: { ...annotation.body, value: "Hijacked." } };

  // Someone else's note: 403 for PUT and DELETE, with the reason; the note is unchanged.
  const intruder = protocol(await signedIn(browser, other), origin);
  for (const answer of [await intruder.put(url, changed, etag), await intruder.remove(url, etag)]) {
    const error = await expectError(answer, 403, "forbidden");
    expect(error.message).toBe("Only its author can change a note; moderators act through moderation.");
  }
  // A moderator too: moderators act through moderation, not by editing.
  const moderatorRequest = await signedIn(browser, moderator);
  const warden = protocol(moderatorRequest, origin);
  const moderated = await expectError(await warden.put(url, changed, etag), 403, "forbidden");
  expect(moderated.message).toBe("Only its author can change a note; moderators act through moderation.");
  const after = await request.get(url);
  expect(after.headers().etag).toBe(etag);
  expect((await after.json()).body.value).toBe("Mine.");

  // A banned reader: 403 naming the ban.
  const bannedHttp = protocol(await signedIn(browser, banned), origin);
  const ban = await moderatorRequest.post("/api/moderation/bans", {
    headers: { Origin: origin },
    data: { email: banned.email, duration: "1d", reason: "Spam in the margins" },
  });
  expect(ban.status(), await ban.text()).toBe(201);
  const bannedError = await expectError(
    await bannedHttp.post(slug, note("the law of the sea", "Still here.")),
    403,
    "forbidden",
  );
  expect(bannedError.message).toMatch(
    /^Your account is banned until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC: Spam in the margins\./,
  );

  // A cookie write without the site's Origin (none, another site, "null"): 403 before anything else.
  const ownerRequest = await signedIn(browser, author);
  for (const headers of [{}, { Origin: "https://elsewhere.example" }, { Origin: "null" }] as Headers[]) {
    const error = await expectError(
      await protocol(ownerRequest).post(slug, note("the law of the sea", "Cross-site."), headers),
      403,
      "forbidden",
    );
    expect(error.message).toMatch(/Origin check failed/);
  }
  expect((await containerSeenBy(request, slug)).total).toBe(1);

  // Flood and duplicates: the same words again are a 409; other words within 15 s a 429.
  const owner = protocol(ownerRequest, origin);
  const words = `The sea is free ${uniqueSuffix()}.`;
  expect((await owner.post(slug, note("the law of the sea", words))).status()).toBe(201);
  const duplicate = await expectError(await owner.post(slug, note("state responsibility", words)), 409, "conflict");
  expect(duplicate.message).toBe("You already said that.");
  const flood = await owner.post(slug, note("state responsibility", "Something new."));
  await expectError(flood, 429, "rate_limited");
  expect(Number(flood.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(flood.headers()["retry-after"])).toBeLessThanOrEqual(15);
  expect((await containerSeenBy(request, slug)).total).toBe(2);

  // Annotations closed on the article (an editor's PATCH): 422, even for a private note.
  const close = await (await signedIn(browser, editor)).patch(`/api/articles/${slug}`, {
    headers: { Origin: origin },
    data: { annotationsOpen: false },
  });
  expect(close.status(), await close.text()).toBe(200);
  for (const audience of ["public", "private"] as const) {
    const closed = await expectError(
      await intruder.post(slug, note("the law of the sea", `Too late (${audience}).`, { audience })),
      422,
      "rule_violation",
    );
    expect(closed.message).toBe("Annotations are closed on this article.");
  }
  expect((await containerSeenBy(request, slug)).total).toBe(2);
});

test("reports: 201 once, 409 the second time, 404 for someone else's private note", async ({
  browser,
  request,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const author = createUser("reported");
  const reader = createUser("reporter");
  const {
    slug,
    ids: [publicId, privateId],
  } = seedAnnotations({
    notes: [
      { author: author.email, exact: "the freedom of the seas", note: "Buy cheap pills." },
      { author: author.email, exact: "state responsibility", note: "A private aside.", audience: "private" },
    ],
  });
  const url = (id: string) => `${baseURL}${containerPath(slug)}${id}`;
  const http = protocol(await signedIn(browser, reader), origin);

  await expectError(await http.report(url(publicId), { reason: "boring" }), 400, "bad_request", "reason");
  const first = await http.report(url(publicId), { reason: "spam", note: "An advert." });
  expect(first.status(), await first.text()).toBe(201);
  expect(await first.json()).toEqual({ reported: true, reports: 1, hidden: false, counted: true });
  const again = await expectError(await http.report(url(publicId), { reason: "harassment" }), 409, "conflict");
  expect(again.message).toBe("You have already reported this note.");
  await expectError(await http.report(url(privateId), { reason: "spam" }), 404, "not_found");
  await expectError(await http.report(url("nosuchannotation00"), { reason: "spam" }), 404, "not_found");
  // Signed out: 401; the one report stands and the note stays listed (below the threshold).
  await expectError(await protocol(request, origin).report(url(publicId), { reason: "spam" }), 401, "unauthorized");
  expect((await containerSeenBy(request, slug)).ids).toEqual([url(publicId)]);
});
