/**
 * `-o jsonpath=TEMPLATE` and `-o jsonpath-as-json=TEMPLATE` as kubectl's
 * print flags read them (cli-runtime `JSONPathPrintFlags`, `JSONPathPrinter`),
 * with their errors in kubectl's words.
 */

import { executeJsonPath, JsonPathExecError } from "./execute";
import { formatSharpV } from "./goValues";
import { JsonPathSyntaxError, type ListNode, parseJsonPath } from "./parse";

const FORMATS = ["jsonpath", "jsonpath-as-json"] as const;

export interface JsonPathPrinter {
  /** The output for one object or List, or kubectl's error (without `error: `) where the template fails on it. */
  print(data: unknown): { text: string } | { error: string };
}

/**
 * The printer `-o OUTPUT` asks for (`template` is `--template`), an error
 * where the template does not parse, or undefined when OUTPUT is no
 * JSONPath format.
 */
export function jsonPathPrinter(
  output: string,
  template: string | undefined,
): JsonPathPrinter | { error: string } | undefined {
  const eq = output.indexOf("=");
  const format = eq < 0 ? output : output.slice(0, eq);
  if (!(FORMATS as readonly string[]).includes(format)) return undefined;
  const raw = eq < 0 ? (template ?? "") : output.slice(eq + 1);
  if (raw === "") return { error: "template format specified but no template given" };
  let parsed: ListNode;
  try {
    parsed = parseJsonPath(raw);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { error: `error parsing jsonpath ${raw}, ${e.message}` };
    throw e;
  }
  return {
    print(data) {
      try {
        return { text: executeJsonPath(parsed, data, format === "jsonpath-as-json") };
      } catch (e) {
        if (!(e instanceof JsonPathExecError)) throw e;
        return { error: executionError(raw, e, data) };
      }
    },
  };
}

function executionError(raw: string, e: JsonPathExecError, data: unknown): string {
  const details =
    `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${raw}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${formatSharpV(data)}\n\n`;
  return `error executing jsonpath ${JSON.stringify(raw)}: ${details}`;
}
