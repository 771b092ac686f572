import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Vitest settings for every package whose tests use a database: one
 * throwaway embedded PostgreSQL per run (global-setup.ts), test files one
 * after another against it. A package's vitest.config.ts:
 * `export default dbTestConfig();`
 */
export function dbTestConfig(opts: { testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      globalSetup: [fileURLToPath(new URL("./global-setup.ts", import.meta.url))],
      testTimeout: opts.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  });
}
