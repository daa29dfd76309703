// Child process for the annotation specs (run by e2e/fixtures/run-seed.ts):
// publishes an article and stores notes straight through Prisma (seedAnnotatedArticle, shared
// with the browser anchoring bench). Usage: tsx tests/seed/bin/annotated-article.ts '<json SeedRequest>' → one JSON line.

import { closeDb } from "@/lib/db";
import { type SeedRequest, seedAnnotatedArticle } from "../annotated-article";

try {
  console.log(JSON.stringify(await seedAnnotatedArticle(JSON.parse(process.argv[2] ?? "{}") as SeedRequest)));
} finally {
  await closeDb();
}
