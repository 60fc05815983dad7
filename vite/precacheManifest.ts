import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Plugin } from "vite";

/** Everything under `dir`, as paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/**
 * Writes dist/precache-manifest.json (every file of the build but source
 * maps, with a version hash of their contents) and stamps that version into
 * dist/sw.js, so a new build is a new service worker and old caches go.
 */
export function precacheManifest(): Plugin {
  let outDir = "dist";
  return {
    name: "packetwalk-precache-manifest",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const skip = new Set(["sw.js", "precache-manifest.json"]);
      const files = listFiles(outDir).filter((f) => !f.endsWith(".map") && !skip.has(f));
      const hash = createHash("sha256");
      for (const f of files) {
        hash.update(`${f}\0`);
        hash.update(readFileSync(join(outDir, f)));
      }
      const version = hash.digest("hex").slice(0, 16);
      // "./" is the page itself as users open it (the sub-path), next to index.html.
      const manifest = { version, files: ["./", ...files] };
      writeFileSync(join(outDir, "precache-manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      const sw = join(outDir, "sw.js");
      writeFileSync(sw, readFileSync(sw, "utf8").replace("__PRECACHE_VERSION__", version));
    },
  };
}
