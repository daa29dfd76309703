import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { signUpSchema } from "@/lib/validation/user";
import { hashPassword } from "./passwords";

const publicFields = { id: true, name: true, email: true, role: true, status: true, createdAt: true } as const;

// Creates an account (sign-up, CLI, bootstrap admin). Roles other than commenter, and `trusted`
// (skip the first-contribution hold), are only given by the CLI/bootstrap, which run with shell
// access; the sign-up page never passes them.
export async function createUser(input: unknown, options: { role?: Role; trusted?: boolean } = {}) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { name, email, passwordHash, role: options.role ?? "commenter", trustedAt: options.trusted ? new Date() : null },
      select: publicFields,
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      throw new AppError("conflict", "An account with this email already exists.", { email: "An account with this email already exists. Sign in instead, or reset your password." });
    throw e;
  }
}
