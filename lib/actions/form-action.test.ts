import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const viewer = {
  id: "u1",
  name: "Ada",
  email: "ada@gloss.test",
  role: "commenter",
  status: "active",
  bannedUntil: null,
};
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/auth/get-viewer", () => ({ getViewer: async () => viewer }));

const { formAction, formText, refill } = await import("./form-action");
const { AppError } = await import("@/lib/errors");
const { redirect } = await import("next/navigation");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("formAction (the twin of apiRoute)", () => {
  beforeEach(() => vi.restoreAllMocks());

  it("parses the form with the schema and hands the domain call the input and the viewer", async () => {
    const fn = vi.fn(async (input: { body: string; parentId: string }, ctx: { viewer: unknown }) => ({
      ok: true,
      message: `${input.body}|${input.parentId}|${(ctx.viewer as typeof viewer).id}`,
    }));
    const action = formAction(z.object({ body: formText(), parentId: formText() }), fn);
    expect(await action({}, form({ body: "Hello" }))).toEqual({ ok: true, message: "Hello||u1" });
  });

  it("turns an AppError into form state, refilling what was typed but never a password", async () => {
    const action = formAction(z.object({ email: formText(), password: formText() }), async () => {
      throw new AppError("conflict", "Taken.", { email: "Already used." });
    });
    expect(await action({}, form({ email: "a@b.c", password: "secret-123456" }))).toEqual({
      message: "Taken.",
      errors: { email: "Already used." },
      values: { email: "a@b.c" },
    });
  });

  it("answers a schema failure with the field's message", async () => {
    const action = formAction(z.object({ n: z.string().regex(/^\d+$/, "Enter a whole number.") }), async () => ({
      ok: true,
    }));
    expect(await action({}, form({ n: "x" }))).toMatchObject({
      message: "Please correct the highlighted fields.",
      errors: { n: "Enter a whole number." },
      values: { n: "x" },
    });
  });

  it("hides an unexpected error behind a generic message, and lets Next's redirect through", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = formAction(z.object({}), async () => {
      throw new Error("db exploded");
    });
    expect(await broken({}, form({}))).toEqual({
      message: "Something went wrong on our side. Please try again.",
      values: {},
    });
    const moving = formAction(z.object({}), async () => redirect("/elsewhere"));
    await expect(moving({}, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("refill drops secrets (passwords, the DELETE confirmation, signed tokens)", () => {
    expect(refill({ name: "A", newPassword: "x", currentPassword: "y", confirm: "DELETE", t: "sig", u: "id" })).toEqual(
      { name: "A", u: "id" },
    );
  });
});
