import { defineConfig } from "vite";

/**
 * The npm package's JavaScript: the `packetwalk` command and `packetwalk/engine`, built for
 * Node into lib/ so that neither needs a TypeScript compiler at run time. Dependencies stay
 * imports (ssr), resolved from the package's own `dependencies`.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: "lib",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rolldownOptions: {
      input: { cli: "src/cli/main.ts", engine: "src/engine/index.ts" },
      output: { format: "es", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    },
  },
});
