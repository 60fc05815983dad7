import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure } from "./errors";
import { type FlagSpec, flag, flagAll, parseFlags } from "./flags";
import { readFileArg } from "./manifest";

const FLAGS: FlagSpec[] = [
  { name: "filename", short: "f", type: "strings" },
  { name: "output", short: "o", type: "string" },
  { name: "recursive", short: "R", type: "bool" },
];

/** `kubectl apply -f FILE...`: `service/web created|configured|unchanged` per object. */
export function apply(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl apply");
  if ("error" in parsed) return failure(parsed.error);
  const files = flagAll(parsed, "filename");
  if (files.length === 0) return failure("error: must specify one of -f and -k");
  const namespace = flag(parsed, "namespace");
  const nameOnly = flag(parsed, "output") === "name";
  let stdout = "";
  let stderr = "";
  for (const path of files) {
    const file = readFileArg(env, path);
    if ("error" in file) {
      stderr += `${file.error}\n`;
      continue;
    }
    try {
      const { results, errors } = env.api.applyText(
        file.text,
        file.name,
        namespace ? { namespace } : undefined,
      );
      for (const r of results)
        stdout += nameOnly ? `${r.resource}/${r.name}\n` : `${r.resource}/${r.name} ${r.action}\n`;
      for (const e of errors) stderr += `${e.message}\n`;
    } catch (e) {
      stderr += `${errorText(e)}\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
}
