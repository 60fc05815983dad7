import type { AnyObject } from "../../../api/types";
import type { Cluster } from "../../../cluster";
import { notFoundMessage } from "../errors";
import {
  ALL_CATEGORY,
  type ResourceType,
  resolveResource,
  resourceForKind,
  unknownResourceType,
} from "../resources";
import { matchesSelector, type Requirement } from "../selector";

/** One resource type and the names asked for (none: list them all). */
export interface Target {
  type: ResourceType;
  names: string[];
}

/** What the positional arguments of get/describe/delete asked for. */
export interface TargetSet {
  targets: Target[];
  /** More than one type: tables prefix names with `kind/`. */
  multipleTypes: boolean;
  /** Exactly one object by name: `-o yaml` prints it bare, not as a List. */
  singleItem: boolean;
}

/**
 * Reads `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...` the way kubectl's
 * resource builder does. Returns kubectl's error text when it cannot.
 */
export function parseTargets(args: readonly string[]): TargetSet | { error: string } {
  if (args.length === 0) return { targets: [], multipleTypes: false, singleItem: false };
  if (args.some((a) => a.includes("/"))) {
    const targets: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0)
        return {
          error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`,
        };
      const typeText = a.slice(0, slash);
      const type = resolveResource(typeText);
      if (!type) return { error: unknownResourceType(typeText) };
      const last = targets[targets.length - 1];
      if (last && last.type.kind === type.kind) last.names.push(a.slice(slash + 1));
      else targets.push({ type, names: [a.slice(slash + 1)] });
    }
    const kinds = new Set(targets.map((t) => t.type.kind));
    return { targets, multipleTypes: kinds.size > 1, singleItem: args.length === 1 };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const types: ResourceType[] = [];
  for (const text of typeArg.split(",").filter((s) => s !== "")) {
    if (text.toLowerCase() === "all") {
      for (const k of ALL_CATEGORY) types.push(resourceForKind(k) as ResourceType);
      continue;
    }
    const type = resolveResource(text);
    if (!type) return { error: unknownResourceType(text) };
    if (!types.some((t) => t.kind === type.kind)) types.push(type);
  }
  return {
    targets: types.map((type) => ({ type, names: [...names] })),
    multipleTypes: types.length > 1,
    singleItem: types.length === 1 && names.length === 1,
  };
}

/** Objects found for one target, and the NotFound lines for names that were not. */
export interface Fetched {
  type: ResourceType;
  objects: AnyObject[];
  errors: string[];
}

/** Reads a target from the store, as the API server would list or get it. */
export function fetchTarget(
  cluster: Cluster,
  target: Target,
  namespace: string | undefined,
  selector: readonly Requirement[],
): Fetched {
  const { type } = target;
  const ns = type.namespaced ? namespace : undefined;
  if (target.names.length === 0) {
    const objects = cluster.store
      .list(type.kind, ns)
      .filter((o) => matchesSelector(selector, o.metadata.labels ?? {}));
    return { type, objects, errors: [] };
  }
  const objects: AnyObject[] = [];
  const errors: string[] = [];
  for (const name of target.names) {
    const obj = cluster.store.get(type.kind, type.namespaced ? (namespace ?? "default") : undefined, name);
    if (obj) objects.push(obj);
    else errors.push(notFoundMessage(type, name));
  }
  return { type, objects, errors };
}

/** `No resources found in default namespace.` / `No resources found`. */
export function noResourcesFound(namespace: string | undefined, namespaced: boolean): string {
  return namespace !== undefined && namespaced
    ? `No resources found in ${namespace} namespace.\n`
    : "No resources found\n";
}
