#!/usr/bin/env node
// The `packetwalk` command: the CLI as built JavaScript (lib/, written by `npm run build:lib`,
// which `npm install` runs in a checkout and `npm pack` before packing).
try {
  await import("../lib/cli.js");
} catch (e) {
  if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("lib/cli.js")) throw e;
  process.stderr.write("packetwalk: lib/cli.js is missing; run `npm run build:lib` in the checkout\n");
  process.exitCode = 1;
}
