import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "./parse-input";

const schema = z.object({ email: z.email("Give an email."), age: z.number().int().min(0, "Too young.") });

const thrown = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("nothing was thrown");
};

describe("parseInput", () => {
  it("returns the parsed value (with the schema's transforms)", () => {
    expect(parseInput(z.object({ name: z.string().trim() }), { name: "  Ada " })).toEqual({ name: "Ada" });
  });

  it("throws one bad_request AppError naming every bad field", () => {
    const e = thrown(() => parseInput(schema, { email: "nope", age: -1 }));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({
      code: "bad_request",
      status: 400,
      fields: { email: "Give an email.", age: "Too young." },
    });
  });

  it("names a bare value's field when told, and the body when the input is not an object", () => {
    expect(thrown(() => parseInput(z.email("Give an email."), "x", { field: "email" }))).toMatchObject({
      fields: { email: "Give an email." },
    });
    expect(Object.keys((thrown(() => parseInput(schema, null)) as AppError).fields ?? {})).toEqual(["body"]);
  });
});
