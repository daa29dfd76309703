// Assertions and readers the integration tests share (the data they make comes from tests/seed/).
import { expect } from "vitest";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";

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

/** The audit entries about one target, oldest first. */
export const auditOf = (targetId: string) =>
  db.auditEntry.findMany({ where: { targetId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
