import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure, notFoundMessage, usageError } from "./errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "./flags";
import { parseTargets } from "./get/targets";
import { kindPrefix } from "./resources";

const FLAGS: FlagSpec[] = [
  { name: "overwrite", type: "bool" },
  { name: "all", type: "bool" },
];

/** `kubectl label TYPE NAME k=v k2-`: `pod/x labeled`. */
export function label(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl label");
  if ("error" in parsed) return failure(parsed.error);
  const changes = parsed.positional.filter((a) => a.includes("=") || a.endsWith("-"));
  const resourceArgs = parsed.positional.filter((a) => !changes.includes(a));
  if (changes.length === 0) return usageError("at least one label update is required", "kubectl label");
  const set = parseTargets(resourceArgs);
  if ("error" in set) return failure(set.error);
  if (set.targets.length === 0 || set.targets.every((t) => t.names.length === 0)) {
    return usageError("resource(s) were provided, but no name was specified", "kubectl label");
  }
  const overwrite = boolFlag(parsed, "overwrite");
  const namespace = flag(parsed, "namespace") ?? "default";
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith("-") && !c.includes("=")) remove.push(c.slice(0, -1));
    else {
      const i = c.indexOf("=");
      add[c.slice(0, i)] = c.slice(i + 1);
    }
  }
  let stdout = "";
  let stderr = "";
  for (const t of set.targets) {
    for (const name of t.names) {
      const obj = env.cluster.store.get(t.type.kind, t.type.namespaced ? namespace : undefined, name);
      if (!obj) {
        stderr += `${notFoundMessage(t.type, name)}\n`;
        continue;
      }
      const old = obj.metadata.labels ?? {};
      if (!overwrite) {
        const conflict = Object.keys(add).find((k) => k in old && old[k] !== add[k]);
        if (conflict) {
          stderr += `error: '${conflict}' already has a value (${old[conflict]}), and --overwrite is false\n`;
          continue;
        }
      }
      const labels: Record<string, string> = { ...old, ...add };
      for (const k of remove) {
        if (!(k in labels)) stdout += `label "${k}" not found.\n`;
        delete labels[k];
      }
      const changed =
        JSON.stringify(Object.entries(labels).sort()) !== JSON.stringify(Object.entries(old).sort());
      const shrank = Object.keys(labels).length < Object.keys(old).length;
      const msg = !changed ? "not labeled" : !overwrite && shrank ? "unlabeled" : "labeled";
      try {
        if (changed) {
          const updated = JSON.parse(JSON.stringify(obj)) as typeof obj;
          updated.metadata.labels = labels;
          env.api.update(t.type.kind, updated as unknown as Record<string, unknown>);
        }
        stdout += `${kindPrefix(t.type)}/${name} ${msg}\n`;
      } catch (e) {
        stderr += `${errorText(e)}\n`;
      }
    }
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}
