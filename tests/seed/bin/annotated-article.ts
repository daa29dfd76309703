// Child process for the annotation specs (run with tsx, like e2e/fixtures/discussion-seed.ts):
// publishes an article and stores notes straight through Prisma (seedAnnotatedArticle, shared
// with the browser anchoring bench). Usage: tsx e2e/annotations/annotation-seed.ts '<json SeedRequest>' → one JSON line.
import { seedAnnotatedArticle, type SeedRequest } from "@/lib/annotations/testing/seed-annotated-article";
import { closeDb } from "@/lib/db";

try {
  console.log(JSON.stringify(await seedAnnotatedArticle(JSON.parse(process.argv[2] ?? "{}") as SeedRequest)));
} finally {
  await closeDb();
}
