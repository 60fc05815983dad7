/**
 * `-o custom-columns=HEADER:PATH,…` as kubectl prints it (`kubectl get`'s
 * `customcolumn.go`): each path relaxed into a JSONPath template
 * (`metadata.name`, `.metadata.name`, `{metadata.name}` and
 * `{.metadata.name}` alike), one row per object, a column's values
 * printed as Go's fmt prints them and joined by commas, `<none>` where
 * there are none, laid out by kubectl's tabwriter.
 */

import { formatTable } from "../../../util/tabwriter";
import { escapeTerminal } from "../../../util/terminal";
import { findResults, JsonPathExecError } from "./execute";
import { formatV } from "./goValues";
import { JsonPathSyntaxError, parseJsonPath } from "./parse";

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

interface Column {
  header: string;
  /** The relaxed template, parsed when the table is printed (after its header), as kubectl does. */
  path: string;
}

export interface CustomColumnsPrinter {
  /** The table for these objects; where a column fails, what kubectl wrote before it and its error (without `error: `). */
  print(objects: readonly unknown[]): { text: string; error?: string };
}

/** A path as `RelaxedJSONPathExpression` completes it. */
function relaxed(path: string): string | { error: string } {
  if (path === "") return path;
  const m = RELAXED.exec(path);
  if (!m)
    return {
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  return `{.${m[1] || m[2]}}`;
}

/**
 * The printer `-o OUTPUT` asks for, an error where the spec is not one,
 * or undefined when OUTPUT is not `custom-columns`.
 */
export function customColumnsPrinter(
  output: string,
  noHeaders: boolean,
): CustomColumnsPrinter | { error: string } | undefined {
  if (output !== "custom-columns" && !output.startsWith("custom-columns=")) return undefined;
  const spec = output.slice("custom-columns=".length);
  if (spec === "") return { error: "custom-columns format specified but no custom columns given" };
  const columns: Column[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0)
      return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const path = relaxed(part.slice(colon + 1));
    if (typeof path !== "string") return path;
    columns.push({ header: part.slice(0, colon), path });
  }
  return {
    print(objects) {
      const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
      try {
        const templates = columns.map((c) => parseJsonPath(c.path));
        for (const obj of objects) rows.push(templates.map((t) => cell(findResults(t, obj))));
      } catch (e) {
        if (e instanceof JsonPathSyntaxError || e instanceof JsonPathExecError)
          return { text: formatTable(rows), error: e.message };
        throw e;
      }
      return { text: formatTable(rows) };
    },
  };
}

/** A column's values as Go's fmt prints them, joined by commas; `<none>` first when the first expression found none. */
function cell(values: unknown[][]): string {
  const out = (values[0]?.length ?? 0) === 0 ? ["<none>"] : [];
  for (const group of values) for (const v of group) out.push(escapeTerminal(formatV(v)));
  return out.join(",");
}
