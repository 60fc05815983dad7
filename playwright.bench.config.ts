import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run bench:web`: the browser benchmarks. They print figures (start-up weight, LCP, long
 * tasks during a 10,000-Service apply and the lookup experiment, frame times of a 300-pod
 * animation) and assert none of them: a test's verdict never depends on the machine's speed.
 */
export default defineConfig({
  ...base,
  testMatch: /\.bench\.ts$/,
  reporter: [["list"]],
  projects: [{ ...base.projects![0]!, testIgnore: [], testMatch: /\.bench\.ts$/ }],
  webServer: Array.isArray(base.webServer) ? base.webServer[0] : base.webServer,
});
