import { z } from "zod";

export const maxNoteLength = 5_000;
export const maxQuoteLength = 2_000;

const textualBody = z
  .object({
    type: z.literal("TextualBody").optional(),
    value: z.string(),
    format: z.string().optional(),
    purpose: z.string().optional(),
  })
  .loose();

const quoteSelector = z
  .object({
    type: z.literal("TextQuoteSelector"),
    exact: z.string(),
    prefix: z.string().max(maxQuoteLength).optional(),
    suffix: z.string().max(maxQuoteLength).optional(),
  })
  .loose();

const positionSelector = z
  .object({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .loose();

const selector = z.union([quoteSelector, positionSelector, z.object({ type: z.string() }).loose()]);

const target = z.union([
  z.string().min(1),
  z
    .object({
      id: z.string().optional(),
      source: z.string().optional(),
      selector: z.union([selector, z.array(selector)]).optional(),
    })
    .loose(),
]);

// A W3C Web Annotation as a client sends it. Fields a client may not set (creator, status, state,
// created…) are ignored. `audience: "private"` is Gloss's extension for private notes; `audience:
// "group"` with `group: <id>` for a reading group's notes (issue 19).
export const annotationInputSchema = z
  .object({
    "@context": z.union([z.string(), z.array(z.unknown())]).optional(),
    type: z.union([z.literal("Annotation"), z.array(z.string())]).optional(),
    motivation: z.enum(["commenting", "highlighting", "replying", "tagging", "describing", "questioning"]).optional(),
    body: z.union([textualBody, z.array(textualBody)]).optional(),
    bodyValue: z.string().optional(),
    target: z.union([target, z.array(target).min(1)]),
    audience: z.enum(["public", "private", "group"]).optional(),
    // With audience "group": the id of the group whose members alone see it ("board": the editorial board's).
    group: z.string().max(64).optional(),
    color: z.enum(["yellow", "green", "blue", "pink", "purple"]).optional(),
  })
  .loose();

export type AnnotationInput = z.infer<typeof annotationInputSchema>;

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s,#][^,#]*$/, "Tags are words without commas or #.");
