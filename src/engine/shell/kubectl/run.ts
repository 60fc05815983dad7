import type { CommandEnv, CommandResult } from "../types";
import { errorText, failure, usageError } from "./errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "./flags";

const FLAGS: FlagSpec[] = [
  { name: "image", type: "string" },
  { name: "labels", short: "l", type: "string" },
  { name: "port", type: "string" },
  { name: "restart", type: "string" },
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "rm", type: "bool" },
  { name: "command", type: "bool" },
  { name: "env", type: "strings" },
  { name: "quiet", short: "q", type: "bool" },
];

/** kubectl attach's hint, written to stderr before the session starts. */
export const ATTACH_HINT = "If you don't see a command prompt, try pressing enter.\n";

/**
 * The shell an attached container runs when no command is given.
 * NOTE: the real default is the image's CMD; these are the well-known ones.
 */
function defaultShell(image: string): string {
  return /(^|\/)netshoot(:|$)/.test(image) ? "zsh" : "sh";
}

function parseKv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const i = part.indexOf("=");
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** `kubectl run NAME --image=I [-it] [--rm] [-- CMD...]`. */
export function run(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl run");
  if ("error" in parsed) return failure(parsed.error);
  const [name, ...extra] = parsed.positional;
  if (name === undefined) return usageError("NAME is required for run", "kubectl run");
  const image = flag(parsed, "image");
  if (image === undefined) return failure('error: required flag(s) "image" not set');
  const stdin = boolFlag(parsed, "stdin");
  const tty = boolFlag(parsed, "tty");
  const rm = boolFlag(parsed, "rm");
  if (rm && !stdin) return failure("error: --rm should only be used for attached containers");
  const namespace = flag(parsed, "namespace") ?? "default";
  const restartPolicy = flag(parsed, "restart") ?? "Always";
  const argv = [...extra, ...(parsed.afterDash ?? [])];
  const labelsText = flag(parsed, "labels");
  const labels = labelsText !== undefined ? parseKv(labelsText) : { run: name };
  const port = flag(parsed, "port");
  const envVars = (parsed.values.get("env") ?? []).map((e) => {
    const i = e.indexOf("=");
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  const container: Record<string, unknown> = {
    name,
    image,
    ...(argv.length > 0 ? { [boolFlag(parsed, "command") ? "command" : "args"]: argv } : {}),
    ...(envVars.length > 0 ? { env: envVars } : {}),
    ...(port !== undefined ? { ports: [{ containerPort: Number(port) }] } : {}),
    resources: {},
    ...(stdin ? { stdin: true, stdinOnce: true } : {}),
    ...(tty ? { tty: true } : {}),
  };
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy },
    status: {},
  };
  try {
    env.api.create("Pod", pod);
  } catch (e) {
    return failure(errorText(e));
  }
  if (!stdin) return { stdout: `pod/${name} created\n`, stderr: "", exitCode: 0 };
  const shell = argv.length > 0 ? argv.join(" ") : defaultShell(image);
  return {
    stdout: "",
    stderr: boolFlag(parsed, "quiet") ? "" : ATTACH_HINT,
    exitCode: 0,
    effects: [
      {
        type: "enter",
        context: { type: "pod", namespace, pod: name, container: name, shell },
        // kubectl says how to resume an attached session on exit, unless told to be quiet.
        ...(rm || !boolFlag(parsed, "quiet") ? { attach: { namespace, name, removeOnExit: rm } } : {}),
      },
    ],
  };
}
