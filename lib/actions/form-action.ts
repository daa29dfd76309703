import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/get-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { type FormState, formError } from "@/lib/http/form-state";
import { parseInput } from "@/lib/validation/parse-input";

// The twin of `apiRoute` (lib/http/api.ts) for server actions: read the viewer, parse the form
// with a zod schema, run the domain call, and turn an AppError into form state (field errors, one
// message, the fields to refill — never a password). Next's own redirect/notFound pass through.

/** The viewer of the request a server action runs in (a cookie session). */
export async function actionViewer(): Promise<Viewer | null> {
  return getViewer(await headers());
}

/** A form's text fields as an object (the first value of each; files are left out). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in out)) out[key] = value;
  return out;
}

const secret = /password|^confirm$|^t$/i;

/** What a failed form shows again: every text field but the secret ones. */
export function refill(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !secret.test(k) && !k.startsWith("$ACTION")));
}

type Context = { viewer: Viewer | null; form: FormData };

/** A `useActionState` action: `(previous state, form data) → form state`. */
export function formAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.output<S>, ctx: Context) => Promise<FormState | void>,
) {
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    const fields = formFields(form);
    try {
      const input = parseInput(schema, fields);
      return (await fn(input, { viewer: await actionViewer(), form })) ?? { ok: true };
    } catch (e) {
      unstable_rethrow(e);
      return formError(e, refill(fields));
    }
  };
}

/** A form's text field: what was typed, or "" when the form did not send it. */
export const formText = () => z.string().default("");
