// Worker entry: a worker thread does not inherit the TypeScript loader of the main thread
// (tsx, vitest), so it registers tsx's and then loads the generator.
import { register } from "tsx/esm/api";

register();
await import("./seed-worker.ts");
