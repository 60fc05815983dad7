#!/usr/bin/env node
// lib/engine.d.ts, the declarations of `packetwalk/engine`: tsc writes the engine's declarations,
// API Extractor rolls what the entry's types reach into one file (the Kubernetes object types from
// kubernetes-models inlined, so a consumer needs no package for types), then the per-file
// declarations are removed.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
rmSync("lib/types", { recursive: true, force: true });
run("npx", ["tsc", "-p", "src/engine/tsconfig.types.json"]);
run("npx", ["api-extractor", "run", "--local"]);
rmSync("lib/types", { recursive: true, force: true });
