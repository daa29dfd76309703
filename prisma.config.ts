import path from "node:path";
import { defineConfig } from "prisma/config";

// DATABASE_URL is set by scripts/run.mjs (embedded PostgreSQL) or by the user.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost/unset",
    // Optional: scripts/tools/db-drift-check.mjs passes a throwaway shadow database here.
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
