import base from "./playwright.config";
import { defineConfig } from "@playwright/test";
export default defineConfig({
  ...base,
  reporter: [["list"]],
  outputDir: "/tmp/pw-share-results",
  use: { ...base.use, baseURL: "http://127.0.0.1:4417/packetwalk/" },
  webServer: {
    command: "npx vite build --logLevel warn --outDir /tmp/pw-share-dist --emptyOutDir && node scripts/serve-static.mjs /tmp/pw-share-dist 4417 /packetwalk/",
    url: "http://127.0.0.1:4417/packetwalk/",
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
