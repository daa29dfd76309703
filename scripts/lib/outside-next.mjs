// Loaded with `--import` (through NODE_OPTIONS, see baseEnv) into every Node process that runs the
// app's server code outside Next.js: the CLI, the seed, Playwright's workers. Modules that must never
// reach a browser bundle start with `import "server-only"`, which Next's bundler resolves for server
// code and refuses in client code; plain Node has no such condition, so this hook gives it the
// package's empty module there.
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
