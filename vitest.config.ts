import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    environment: "node",
    // A guard against a hang, not a speed test: a verdict must not depend on how loaded the machine is
    // (vitest's 5 s default failed property tests that take 3 s alone on a busy 2-core machine).
    testTimeout: 120_000,
  },
});
