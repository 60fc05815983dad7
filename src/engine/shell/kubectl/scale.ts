import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure, notFoundMessage, usageError } from "./errors";
import { type FlagSpec, flag, parseFlags } from "./flags";
import { parseTargets } from "./get/targets";
import { kindPrefix } from "./resources";

const FLAGS: FlagSpec[] = [
  { name: "replicas", type: "string" },
  { name: "current-replicas", type: "string" },
];

/** `kubectl scale deployment/NAME --replicas=N`: `deployment.apps/NAME scaled`. */
export function scale(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl scale");
  if ("error" in parsed) return failure(parsed.error);
  const replicasText = flag(parsed, "replicas");
  if (replicasText === undefined) return failure('error: required flag(s) "replicas" not set');
  const replicas = Number(replicasText);
  if (!Number.isInteger(replicas) || replicas < 0) {
    return failure(
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    );
  }
  const set = parseTargets(parsed.positional);
  if ("error" in set) return failure(set.error);
  if (set.targets.length === 0 || set.targets.every((t) => t.names.length === 0)) {
    return usageError("resource(s) were provided, but no name was specified", "kubectl scale");
  }
  const namespace = flag(parsed, "namespace") ?? "default";
  let stdout = "";
  let stderr = "";
  for (const t of set.targets) {
    if (t.type.kind !== "Deployment" && t.type.kind !== "ReplicaSet") {
      stderr += `error: no scaler has been implemented for {"" "${t.type.kind}"}\n`;
      continue;
    }
    for (const name of t.names) {
      const obj = env.cluster.store.get(t.type.kind, namespace, name);
      if (!obj) {
        stderr += `${notFoundMessage(t.type, name)}\n`;
        continue;
      }
      const current = flag(parsed, "current-replicas");
      if (current !== undefined && Number(current) !== (obj.spec?.replicas ?? 1)) {
        stderr += `error: Expected replicas to be ${current}, was ${obj.spec?.replicas ?? 1}\n`;
        continue;
      }
      try {
        const updated = JSON.parse(JSON.stringify(obj)) as typeof obj;
        updated.spec = { ...(updated.spec as NonNullable<typeof updated.spec>), replicas };
        env.api.update(t.type.kind, updated as unknown as Record<string, unknown>);
        stdout += `${kindPrefix(t.type)}/${name} scaled\n`;
      } catch (e) {
        stderr += `${errorText(e)}\n`;
      }
    }
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}
