import { formatTable } from "../../../util/tabwriter";
import { tableCell } from "../../../util/terminal";
import { requireAssets } from "../../assets";
import type { CommandEnv, CommandResult } from "../../types";
import { failure } from "../errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "../flags";
import { kindPrefix } from "../resources";
import { parseSelector, type Requirement } from "../selector";
import { toJson, toName, toYaml, wireObject } from "./output";
import { printerFor } from "./printers";
import { type Fetched, fetchTarget, noResourcesFound, parseTargets } from "./targets";

const FLAGS: FlagSpec[] = [
  { name: "output", short: "o", type: "string" },
  { name: "selector", short: "l", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "show-labels", type: "bool" },
  { name: "show-kind", type: "bool" },
  { name: "no-headers", type: "bool" },
  { name: "watch", short: "w", type: "bool" },
  { name: "ignore-not-found", type: "bool" },
  { name: "template", type: "string" },
];

/** Outputs printed by a template (`-o jsonpath=…`, `-o custom-columns=…`). */
const TEMPLATE_OUTPUT = /^(jsonpath|jsonpath-as-json|custom-columns)(=|$)/;

/** What `kubectl get` accepts for Events (core v1 and events.k8s.io). */
const EVENT_TYPES = new Set(["events", "event", "ev", "events.events.k8s.io", "event.events.k8s.io"]);

export const ENDPOINTS_WARNING =
  "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n";

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

interface TableOptions {
  wide: boolean;
  withKind: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  now: number;
}

function renderTable(f: Fetched, o: TableOptions): string {
  const p = printerFor(f.type.kind);
  const rows: string[][] = [];
  const header = [...p.headers, ...(o.wide ? p.wideHeaders : [])];
  if (o.showLabels) header.push("LABELS");
  if (o.withNamespace) header.unshift("NAMESPACE");
  if (!o.noHeaders) rows.push(header);
  const ctx = { now: o.now, wide: o.wide };
  for (const obj of f.objects) {
    const row = p.row(obj, ctx);
    if (o.withKind) row[0] = `${kindPrefix(f.type)}/${row[0]}`;
    if (o.wide) row.push(...p.wideRow(obj, ctx));
    if (o.showLabels) {
      const labels = obj.metadata.labels ?? {};
      const keys = Object.keys(labels).sort();
      row.push(keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(",") : "<none>");
    }
    if (o.withNamespace) row.unshift(obj.metadata.namespace ?? "");
    rows.push(row.map(tableCell));
  }
  return formatTable(rows);
}

/** `kubectl get`. */
export function get(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl get");
  if ("error" in parsed) return failure(parsed.error);
  const first = parsed.positional[0]?.toLowerCase();
  if (first && EVENT_TYPES.has(first) && parsed.positional.length === 1) {
    // NOTE: the simulated cluster records no Events; a real one lists the scheduler's and kubelets' here.
    const all = boolFlag(parsed, "all-namespaces");
    return {
      stdout: "",
      stderr: noResourcesFound(all ? undefined : (flag(parsed, "namespace") ?? "default"), true),
      exitCode: 0,
    };
  }
  const set = parseTargets(parsed.positional);
  if ("error" in set) return failure(set.error);
  if (set.targets.length === 0) return failure(NO_TYPE);
  const allNamespaces = boolFlag(parsed, "all-namespaces");
  const namespace = allNamespaces ? undefined : (flag(parsed, "namespace") ?? "default");
  if (allNamespaces && set.targets.some((t) => t.names.length > 0)) {
    return failure("error: a resource cannot be retrieved by name across all namespaces");
  }
  let selector: Requirement[] = [];
  const selText = flag(parsed, "selector");
  if (selText !== undefined) {
    const sel = parseSelector(selText);
    if ("error" in sel) return failure(sel.error);
    selector = sel;
  }
  const output = flag(parsed, "output") ?? "";
  // Their printers come with the shell's assets.
  const printers = TEMPLATE_OUTPUT.test(output) ? requireAssets(env.assets()).printers : undefined;
  const jsonPath = printers?.jsonPathPrinter(output, flag(parsed, "template"));
  if (jsonPath && "error" in jsonPath) return failure(`error: ${jsonPath.error}\n`);
  const columns = printers?.customColumnsPrinter(output, boolFlag(parsed, "no-headers"));
  if (columns && "error" in columns) return failure(`error: ${columns.error}\n`);
  if (!jsonPath && !columns && !["", "wide", "yaml", "json", "name"].includes(output)) {
    return failure(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
  }

  const { cluster } = env;
  let stderr = "";
  if (cluster.atLeast(1, 33) && set.targets.some((t) => t.type.kind === "Endpoints"))
    stderr += ENDPOINTS_WARNING;
  const fetched = set.targets.map((t) => fetchTarget(cluster, t, namespace, selector));
  const errors = boolFlag(parsed, "ignore-not-found") ? [] : fetched.flatMap((f) => f.errors);
  const found = fetched.filter((f) => f.objects.length > 0);
  let stdout = "";

  if (jsonPath) {
    const items = fetched.flatMap((f) => f.objects.map((o) => wireObject(f.type, o)));
    if (items.length > 0 || errors.length === 0) {
      const printed = jsonPath.print(JSON.parse(toJson(items, set.singleItem)));
      if ("error" in printed) return failure(`error: ${printed.error}\n`);
      stdout = printed.text;
    }
  } else if (columns) {
    const printed = columns.print(fetched.flatMap((f) => f.objects.map((o) => wireObject(f.type, o))));
    stdout = printed.text;
    if (printed.error !== undefined)
      return { stdout, stderr: `${stderr}error: ${printed.error}\n`, exitCode: 1 };
  } else if (output === "yaml" || output === "json") {
    const items = fetched.flatMap((f) => f.objects.map((o) => wireObject(f.type, o)));
    if (items.length > 0 || errors.length === 0) {
      stdout = output === "yaml" ? toYaml(items, set.singleItem) : toJson(items, set.singleItem);
    }
  } else if (output === "name") {
    stdout = fetched.flatMap((f) => f.objects.map((o) => toName(f.type, o))).join("");
  } else {
    const opts: TableOptions = {
      wide: output === "wide",
      withKind: set.multipleTypes || boolFlag(parsed, "show-kind"),
      withNamespace: allNamespaces,
      showLabels: boolFlag(parsed, "show-labels"),
      noHeaders: boolFlag(parsed, "no-headers"),
      now: cluster.clock.now(),
    };
    stdout = found.map((f) => renderTable(f, opts)).join(opts.noHeaders ? "" : "\n");
    const askedByName = set.targets.some((t) => t.names.length > 0);
    if (found.length === 0 && errors.length === 0 && !askedByName) {
      stderr += noResourcesFound(
        namespace,
        set.targets.some((t) => t.type.namespaced),
      );
    }
  }
  for (const e of errors) stderr += `${e}\n`;
  return { stdout, stderr, exitCode: errors.length > 0 ? 1 : 0 };
}
