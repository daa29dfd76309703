import { isAppError, unstorableTextError } from "@/lib/errors";

// What a form action hands back to its form: field errors, one message, and values to refill.
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  data?: Record<string, string>;
};

/** Expected failures become form state; anything else is logged and shown as a generic message. */
export function formError(error: unknown, values?: Record<string, string>): FormState {
  const e = unstorableTextError(error) ?? error;
  if (isAppError(e)) return { message: e.message, errors: e.fields, values };
  console.error("[action] unexpected error", e);
  return { message: "Something went wrong on our side. Please try again.", values };
}

/** A same-site path to return to after sign-in; anything else falls back to "/". */
export function safeReturnPath(raw: unknown): string {
  const p = typeof raw === "string" ? raw : "";
  return /^\/(?![/\\])[^\s]*$/.test(p) && p.length < 500 ? p : "/";
}
