import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where Playwright's own browser cannot be downloaded (this project's CI);
// Playwright's bundled Chromium everywhere else.
const debianChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;
// Another port where several checkouts test side by side on one machine.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  // Frame-time and long-task bounds meet a shared machine's noise: one retry in CI, never locally.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/packetwalk/`,
    trace: "retain-on-failure",
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
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1600, height: 1000 } } },
  ],
  // The artifact users get: the production build, served from a sub-path as a static host would.
  webServer: {
    command: `npx vite build --logLevel warn && node scripts/serve-static.mjs dist ${port} /packetwalk/`,
    url: `http://127.0.0.1:${port}/packetwalk/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
