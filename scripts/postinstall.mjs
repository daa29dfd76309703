// After npm install: generate the Prisma client (lib/generated/prisma). Prisma's own engine download
// is skipped; scripts/tools/prisma-schema-engine.mjs stands in for the native schema engine.
import { baseEnv, prismaBin, run } from "./lib/project.mjs";

const r = await run(process.execPath, [prismaBin, "generate"], { env: baseEnv(), quiet: true });
if (r.code !== 0) {
  console.error(r.out);
  process.exit(r.code);
}
console.log("Generated the Prisma client.");
