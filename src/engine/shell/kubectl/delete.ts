import type { Cluster } from "../../cluster";
import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure } from "./errors";
import { boolFlag, type FlagSpec, flag, flagAll, parseFlags } from "./flags";
import { fetchTarget, noResourcesFound, parseTargets } from "./get/targets";
import {
  docName,
  docNamespace,
  noMatchMessage,
  parseManifest,
  readFileArg,
  typeOfDocument,
} from "./manifest";
import { kindPrefix, type ResourceType } from "./resources";
import { parseSelector } from "./selector";

const FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", type: "strings" },
  { name: "selector", short: "l", type: "string" },
  { name: "all", type: "bool" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "grace-period", type: "string" },
  { name: "now", type: "bool" },
  { name: "force", type: "bool" },
  { name: "wait", type: "bool" },
  { name: "ignore-not-found", type: "bool" },
];

const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

const FORCE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

/**
 * What kubectl prints for one deleted object. Since kubectl 1.32
 * (kubernetes/kubernetes#126619) namespaced objects say which namespace.
 */
export function deletedMessage(
  cluster: Cluster,
  type: ResourceType,
  name: string,
  namespace: string,
  force = false,
): string {
  const op = force ? "force deleted" : "deleted";
  const where = type.namespaced && cluster.atLeast(1, 32) ? ` from ${namespace} namespace` : "";
  return `${kindPrefix(type)} "${name}" ${op}${where}\n`;
}

/** `kubectl delete TYPE NAME...`, `-l`, `--all`, `-f FILE`. */
export function del(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl delete");
  if ("error" in parsed) return failure(parsed.error);
  const { cluster, api } = env;
  const namespace = flag(parsed, "namespace") ?? "default";
  const grace = boolFlag(parsed, "now")
    ? 1
    : flag(parsed, "grace-period") === undefined
      ? undefined
      : Number(flag(parsed, "grace-period"));
  const force = grace === 0;
  const opts = grace === undefined ? undefined : { gracePeriodSeconds: grace };
  const items: { type: ResourceType; name: string; namespace: string }[] = [];
  let stdout = "";
  let stderr = force ? FORCE_WARNING : "";

  const files = flagAll(parsed, "filename");
  if (files.length > 0) {
    for (const path of files) {
      const file = readFileArg(env, path);
      if ("error" in file) {
        stderr += `${file.error}\n`;
        continue;
      }
      const { docs, errors } = parseManifest(file.text, file.name);
      for (const e of errors) stderr += `${e}\n`;
      for (const doc of docs) {
        const type = typeOfDocument(doc);
        if (!type) stderr += `${noMatchMessage(doc)}\n`;
        else items.push({ type, name: docName(doc), namespace: docNamespace(doc, namespace) });
      }
    }
  } else {
    const set = parseTargets(parsed.positional);
    if ("error" in set) return failure(set.error);
    if (set.targets.length === 0) return failure(NO_ARGS);
    const selText = flag(parsed, "selector");
    const all = boolFlag(parsed, "all");
    const byName = set.targets.some((t) => t.names.length > 0);
    if (!byName && selText === undefined && !all) {
      return failure("error: resource(s) were provided, but no name was specified");
    }
    const sel = selText === undefined ? [] : parseSelector(selText);
    if ("error" in sel) return failure(sel.error);
    for (const t of set.targets) {
      if (byName) for (const name of t.names) items.push({ type: t.type, name, namespace });
      else {
        for (const o of fetchTarget(cluster, t, namespace, sel).objects) {
          items.push({ type: t.type, name: o.metadata.name, namespace: o.metadata.namespace ?? namespace });
        }
      }
    }
    if (!byName && items.length === 0)
      return { stdout: "", stderr: noResourcesFound(namespace, true), exitCode: 0 };
  }

  let failed = stderr !== "" && stderr !== FORCE_WARNING;
  for (const item of items) {
    try {
      api.delete(item.type.kind, item.type.namespaced ? item.namespace : undefined, item.name, opts);
      stdout += deletedMessage(cluster, item.type, item.name, item.namespace, force);
    } catch (e) {
      if (boolFlag(parsed, "ignore-not-found")) continue;
      stderr += `${errorText(e)}\n`;
      failed = true;
    }
  }
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}
