import path from "node:path";
import type { Config } from "@react-router/dev/config";
import { precompressDirectory } from "./precompress.ts";

export default {
  ssr: true,
  // The whole route manifest as one cached file (ADR 031): no per-page partial manifest to work out
  // on the server, and no discovery request before a link's first navigation.
  routeDiscovery: { mode: "initial" },
  // THADS_BUILD_DIR: somewhere else than ./build, for a test that builds (app/test/bundle-budget.test.ts).
  buildDirectory: process.env.THADS_BUILD_DIR ?? "build",
  // The browser's files, route manifest included, also written as .br and .gz (ADR 020).
  async buildEnd({ reactRouterConfig }) {
    await precompressDirectory(path.join(reactRouterConfig.buildDirectory, "client"));
  },
} satisfies Config;
