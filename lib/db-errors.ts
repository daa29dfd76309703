import { Prisma } from "@/lib/generated/prisma/client";

/** True when `e` is PostgreSQL refusing a duplicate of a unique column (Prisma's P2002). */
export function isUniqueViolation(e: unknown): e is Prisma.PrismaClientKnownRequestError {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
