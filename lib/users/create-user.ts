import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation/parse-input";
import { signUpSchema } from "@/lib/validation/user";
import { hashPassword } from "./passwords";

const publicFields = { id: true, name: true, email: true, role: true, status: true, createdAt: true } as const;

// Creates an account (sign-up, CLI, bootstrap admin). Roles other than commenter, and `trusted`
// (skip the first-contribution hold), are only given by the CLI/bootstrap, which run with shell
// access; the sign-up page never passes them.
// `unconfirmed`: made on the sign-up page, so the address is not proved yet (email-confirmation.ts).
export async function createUser(
  input: unknown,
  options: { role?: Role; trusted?: boolean; unconfirmed?: boolean } = {},
) {
  const parsed = parseInput(signUpSchema, input);
  const { name, email, password } = parsed;
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: {
        name,
        email,
        passwordHash,
        role: options.role ?? "commenter",
        trustedAt: options.trusted ? new Date() : null,
        emailConfirmed: !options.unconfirmed,
      },
      select: publicFields,
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "An account with this email already exists.", {
        email: "An account with this email already exists. Sign in instead, or reset your password.",
      });
    throw e;
  }
}
