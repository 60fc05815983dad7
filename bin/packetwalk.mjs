#!/usr/bin/env node
// Runs the TypeScript CLI straight from a checkout: no build step after `npm install`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
