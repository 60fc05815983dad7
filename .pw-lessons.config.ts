import base from "./playwright.config";
import { defineConfig } from "@playwright/test";
export default defineConfig({
  ...base,
  testDir: "/work/main/e2e",
  outputDir: "/tmp/pw-lessons-results",
  reporter: [["list"]],
  use: { ...base.use, baseURL: "http://127.0.0.1:4391/packetwalk/" },
  webServer: {
    command: "npx vite build --logLevel warn --outDir /tmp/pw-lessons-dist --emptyOutDir && node scripts/serve-static.mjs /tmp/pw-lessons-dist 4391 /packetwalk/",
    cwd: "/work/main",
    url: "http://127.0.0.1:4391/packetwalk/",
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
