import type { z } from "zod";
import { validationError } from "@/lib/errors";

/**
 * `raw` parsed by `schema`, or the `bad_request` AppError that names each bad field. `field` names
 * the input when the schema reads one bare value (an email, a name) rather than an object.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  { field }: { field?: string } = {},
): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw validationError(field ? parsed.error.issues.map((i) => ({ ...i, path: [field] })) : parsed.error.issues);
}
