#!/usr/bin/env node
// Authors a migration without a terminal: `npm run db:migration -- <name>` diffs the committed
// migrations against prisma/schema.prisma (on the test PostgreSQL) into prisma/migrations/<ts>_<name>/.
import fs from "node:fs";
import path from "node:path";
import { baseEnv, prismaBin, root, run, testPostgres } from "../lib/project.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}
const pgServer = await testPostgres();
try {
  const r = await run(
    process.execPath,
    [
      prismaBin,
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--script",
    ],
    { env: baseEnv({ DATABASE_URL: pgServer.adminUrl }), quiet: true },
  );
  if (r.code !== 0) {
    console.error(r.out);
    process.exit(1);
  }
  const sql = r.out.replace(/^(Loaded Prisma config|Prisma schema loaded).*\n/gm, "").replace(/^\n+/, "");
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log("No changes: the migrations already equal the schema.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
} finally {
  await pgServer.stop();
}
