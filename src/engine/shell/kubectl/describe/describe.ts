import type { AnyObject, KindMap } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import type { CommandEnv, CommandResult } from "../../types";
import { failure } from "../errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "../flags";
import { ENDPOINTS_WARNING } from "../get/get";
import { fetchTarget, noResourcesFound, parseTargets } from "../get/targets";
import type { ServedKind } from "../kindViews";
import type { ResourceType } from "../resources";
import { parseSelector, type Requirement } from "../selector";
import { describerOf } from "./describers";

const FLAGS: FlagSpec[] = [
  { name: "selector", short: "l", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "show-events", type: "bool" },
];

/** One object's `kubectl describe` text, from its kind's describer. */
export function describeObject(cluster: Cluster, type: ResourceType, obj: AnyObject): string {
  return describeAs(type.kind, cluster, obj);
}

function describeAs<K extends ServedKind>(kind: K, cluster: Cluster, obj: AnyObject): string {
  return describerOf(kind)(cluster, obj as KindMap[K]);
}

/**
 * `kubectl describe TYPE [NAME_PREFIX]`. As kubectl does, a name that is not
 * found exactly falls back to every object whose name starts with it.
 */
export function describe(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl describe");
  if ("error" in parsed) return failure(parsed.error);
  const set = parseTargets(parsed.positional);
  if ("error" in set) return failure(set.error);
  if (set.targets.length === 0) {
    return failure(
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples`,
    );
  }
  const allNamespaces = boolFlag(parsed, "all-namespaces");
  const namespace = allNamespaces ? undefined : (flag(parsed, "namespace") ?? "default");
  let selector: Requirement[] = [];
  const selText = flag(parsed, "selector");
  if (selText !== undefined) {
    const sel = parseSelector(selText);
    if ("error" in sel) return failure(sel.error);
    selector = sel;
  }
  const { cluster } = env;
  const texts: string[] = [];
  const errors: string[] = [];
  for (const target of set.targets) {
    const fetched = fetchTarget(cluster, target, namespace, selector);
    const objects = [...fetched.objects];
    for (const [i, name] of target.names.entries()) {
      if (!fetched.errors.some((e) => e.endsWith(`"${name}" not found`))) continue;
      const prefixed = cluster.store
        .list(target.type.kind, target.type.namespaced ? namespace : undefined)
        .filter((o) => o.metadata.name.startsWith(name));
      if (prefixed.length > 0) objects.push(...prefixed);
      else errors.push(fetched.errors.find((e) => e.endsWith(`"${name}" not found`)) ?? `${i}`);
    }
    for (const obj of objects) {
      texts.push(describeObject(cluster, target.type, obj));
    }
  }
  // The API server's warning for v1 Endpoints (1.33+), printed once as kubectl dedupes warnings.
  let stderr =
    cluster.atLeast(1, 33) && set.targets.some((t) => t.type.kind === "Endpoints") ? ENDPOINTS_WARNING : "";
  stderr += errors.map((e) => `${e}\n`).join("");
  const askedByName = set.targets.some((t) => t.names.length > 0);
  if (texts.length === 0 && errors.length === 0 && !askedByName) {
    stderr += noResourcesFound(
      namespace,
      set.targets.some((t) => t.type.namespaced),
    );
  }
  return { stdout: texts.join("\n\n"), stderr, exitCode: errors.length > 0 ? 1 : 0 };
}
