/**
 * The kubectl code kept out of the engine's start-up code with the shell's other assets (a chunk
 * of their own in the browser build): `describe`, `explain`, `logs` and `patch`, and `kubectl
 * get`'s JSONPath and custom-columns printers — large, and only run when a student types them.
 */
import type { Command } from "../types";
import { describe } from "./describe/describe";
import { explain } from "./explain/explain";
import { explainFieldCompletions } from "./explain/fields";
import { customColumnsPrinter } from "./jsonpath/customColumns";
import { jsonPathPrinter } from "./jsonpath/printer";
import { logs } from "./logs/logs";
import { patch } from "./patch/patch";

export const LAZY_COMMANDS = { describe, explain, logs, patch } satisfies Record<string, Command>;

export type LazyCommandName = keyof typeof LAZY_COMMANDS;

/** `kubectl get -o jsonpath=…` / `-o custom-columns=…`'s printers. */
export const LAZY_PRINTERS = { jsonPathPrinter, customColumnsPrinter };

/** `kubectl explain`'s tab completion of field paths (it reads the schema that comes with it). */
export const EXPLAIN_FIELDS = explainFieldCompletions;
