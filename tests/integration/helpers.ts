import crypto from "node:crypto";
import { expect } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/lib/users/create-user";

export const defaultPassword = "margin-notes-42";

/** An address no other test uses, on the reserved .test domain. */
export function uniqueEmail(label = "user") {
  return `${label}-${crypto.randomBytes(6).toString("hex")}@gloss.test`;
}

/** A made-up client address, so per-IP limits of different tests never meet. */
export function uniqueIp() {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** Creates an account through the real sign-up path and returns it as a viewer. */
export async function createTestUser(options: { name?: string; password?: string; role?: Role; label?: string; trusted?: boolean } = {}) {
  const password = options.password ?? defaultPassword;
  const user = await createUser(
    { name: options.name ?? "Test Reader", email: uniqueEmail(options.label), password },
    { role: options.role, trusted: options.trusted ?? true },
  );
  const viewer: Viewer = { id: user.id, name: user.name, email: user.email, role: user.role, status: user.status, bannedUntil: null };
  return { viewer, password };
}

/** Awaits a promise that must reject with an AppError of `code`, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError "${code}", but nothing was thrown`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Same as expectAppError for a function that throws synchronously. */
export function expectAppErrorSync(fn: () => unknown, code: ErrorCode): AppError {
  let error: unknown = null;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error, `expected an AppError "${code}", but nothing was thrown`).not.toBeNull();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}
