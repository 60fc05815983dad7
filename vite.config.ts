import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precacheManifest } from "./vite/precacheManifest";
import { thirdPartyNotices } from "./vite/thirdPartyNotices";

const notices = thirdPartyNotices();

/** prettier's modules, as monaco-yaml's worker imports them; the worker is built without them. */
const noPrettier = fileURLToPath(
  new URL("src/ui/features/editor/monaco/workers/noPrettier.ts", import.meta.url),
);

// Relative base: the built site works from any sub-path of a static host.
export default defineConfig({
  base: "./",
  plugins: [react(), notices.page, precacheManifest()],
  resolve: {
    alias: [{ find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: noPrettier }],
  },
  // The dev server pre-bundles the workers' CommonJS dependencies, as the build bundles them.
  optimizeDeps: {
    include: ["monaco-yaml/yaml.worker.js", "monaco-editor/esm/vs/editor/editor.worker.js"],
  },
  worker: { format: "es", plugins: () => [notices.worker] },
  build: {
    target: "es2022",
    // Source maps stay out of what a static host serves; `npm run build -- --sourcemap` writes them.
    sourcemap: false,
  },
});
