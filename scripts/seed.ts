// Idempotent bootstrap for `npm start`: the admin account and the seed article.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { importArticleSource } from "@/lib/articles/import-article-source";
import { closeDb, db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";

async function ensureAdmin() {
  const e = env();
  if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
    const existing = await db.user.findUnique({ where: { email: e.ADMIN_EMAIL.toLowerCase() } });
    if (existing) return;
    await createUser({ name: "Administrator", email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }, { role: "admin" });
    console.log(`Created the admin account ${e.ADMIN_EMAIL} (password from ADMIN_PASSWORD).`);
    return;
  }
  if (await db.user.findFirst({ where: { role: "admin", deletedAt: null } })) return;
  const email = "admin@gloss.local";
  const password = crypto.randomBytes(12).toString("base64url");
  await createUser({ name: "Administrator", email, password }, { role: "admin" });
  console.log("\n  Created the first admin account — keep these credentials, they are shown once:");
  console.log(
    `    email:    ${email}\n    password: ${password}\n  Change the password on /account after signing in.\n`,
  );
}

async function ensureSeedArticle() {
  const source = fs.readFileSync(path.join(process.cwd(), "prisma", "seed", "seed-article.md"), "utf8");
  const result = await importArticleSource(source);
  if (result.created) console.log(`Published the seed article at /articles/${result.slug}`);
}

try {
  await ensureAdmin();
  await ensureSeedArticle();
} catch (e) {
  console.error("Seeding failed:", e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await closeDb();
}
