import { defineConfig } from "vitest/config";

const shared = {
  environment: "node",
  // A guard against a hang, not a speed test: a verdict must not depend on how loaded the machine is
  // (vitest's 5 s default failed property tests that take 3 s alone on a busy 2-core machine).
  testTimeout: 120_000,
  pool: "threads",
} as const;

export default defineConfig({
  test: {
    projects: [
      {
        // The engine, its oracles and its CLI keep no ambient state (no DOM, no clock, no
        // randomness; a spy on a prototype is restored after its test), so their files share one
        // module graph per worker instead of importing the engine afresh for each of ~130 files.
        test: {
          ...shared,
          name: "engine",
          include: ["src/**/*.test.ts"],
          exclude: ["src/ui/**"],
          isolate: false,
        },
      },
      {
        // The UI's tests mock modules, stub globals and install an IndexedDB: each file alone.
        test: {
          ...shared,
          name: "ui",
          include: ["src/ui/**/*.test.ts", "src/ui/**/*.test.tsx"],
        },
      },
    ],
  },
});
