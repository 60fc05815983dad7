/**
 * The kubectl subcommands kept out of the engine's start-up code with the shell's other assets
 * (a chunk of their own in the browser build): `describe`, `explain`, `logs` and `patch` — large,
 * and only run when a student types them.
 */
import type { Command } from "../types";
import { describe } from "./describe/describe";
import { explain } from "./explain/explain";
import { logs } from "./logs/logs";
import { patch } from "./patch/patch";

export const LAZY_COMMANDS = { describe, explain, logs, patch } satisfies Record<string, Command>;

export type LazyCommandName = keyof typeof LAZY_COMMANDS;
