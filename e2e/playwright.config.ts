import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54332);
// Playwright's own browser when installed; Debian's Chromium otherwise.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  // Whole flows (seize to distribution, proposal to answer) run to 20 s alone and longer on a loaded
  // two-core machine.
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "vi-VN",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // The real start path, on a throwaway embedded database with a small demo data set.
    command: `node ./start-test-server.mjs`,
    url: `http://localhost:${PORT}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // Beside it, on the next port, a rehearsal server whose today is REHEARSAL_TODAY (register.spec:
    // the end of a two-year time limit).
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_PORT: String(PG_PORT),
      DEMO_CASES: "5000",
      REHEARSAL_TODAY: "2028-08-01",
      REHEARSAL_PORT: String(PORT + 1),
    },
  },
});
