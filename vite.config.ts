import { defineConfig } from "vite";

// Relative base: the built site works from any sub-path of a static host.
export default defineConfig({
  base: "./",
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
  },
});
