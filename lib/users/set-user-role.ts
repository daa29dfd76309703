import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { emailSchema, roleSchema } from "@/lib/validation/user";
import { z } from "zod";

const input = z.object({ email: emailSchema, role: roleSchema });

// Changes a user's role (CLI now; the admin page later). Takes effect on the user's next request.
export async function setUserRole(raw: unknown) {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const user = await db.user.findFirst({ where: { email: parsed.data.email, deletedAt: null }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No account with email ${parsed.data.email}.`);
  return db.user.update({ where: { id: user.id }, data: { role: parsed.data.role }, select: { id: true, email: true, role: true } });
}
