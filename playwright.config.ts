import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where Playwright's own browser cannot be downloaded (this project's CI);
// Playwright's bundled Chromium everywhere else.
const debianChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
// Other ports where several checkouts test side by side on one machine.
const port = Number(process.env.PW_PORT ?? 4173);
const devPort = Number(process.env.PW_DEV_PORT ?? port + 1000);

const desktop = { ...devices["Desktop Chrome"], viewport: { width: 1600, height: 1000 } };

export default defineConfig({
  testDir: "e2e",
  // Both are guards against a hang, not speed tests: on a loaded 2-core machine a step that takes
  // 1 s alone can take 10 (speed belongs to `npm run bench:web`).
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // No retries: a test that passes only sometimes is a bug to fix, not to retry. Speed is measured
  // by `npm run bench:web`, never asserted here.
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    // CI keeps a failed test's actions, console and network, without the screencast and DOM
    // snapshots: recording those for every test that passes cost a third of the suite's time.
    trace: process.env.CI
      ? { mode: "retain-on-failure", screenshots: false, snapshots: false }
      : "retain-on-failure",
    // A fresh context is a first visit, where the service worker downloads and stores the whole
    // build (some 120 files) beside the test: a second or two of CPU per test that only the tests
    // about offline use need. They allow it (static.spec.ts); the others load from the network.
    serviceWorkers: "block",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // The artifact users get: the production build, served from a sub-path as a static host would.
    {
      name: "chromium",
      testIgnore: /\.dev\.spec\.ts$/,
      use: { ...desktop, baseURL: `http://127.0.0.1:${port}/packetwalk/` },
    },
    // What `npm start` serves: the dev server must give the same app (workers, validation).
    {
      name: "dev-server",
      testMatch: /\.dev\.spec\.ts$/,
      use: { ...desktop, baseURL: `http://127.0.0.1:${devPort}/` },
    },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn && node scripts/serve-static.mjs dist ${port} /packetwalk/`,
      url: `http://127.0.0.1:${port}/packetwalk/`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      command: `npx vite --port ${devPort} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${devPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
