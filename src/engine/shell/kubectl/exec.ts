import type { CommandEnv, CommandResult } from "../types";
import { failure, notFoundMessage, usageError } from "./errors";
import { boolFlag, type FlagSpec, flag, parseFlags } from "./flags";
import { type ResourceType, resolveResource } from "./resources";

const FLAGS: FlagSpec[] = [
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "container", short: "c", type: "string" },
  { name: "quiet", short: "q", type: "bool" },
];

const SHELLS = new Set(["sh", "bash", "zsh", "ash", "dash"]);

/**
 * `kubectl exec [-it] POD [-c C] -- CMD...`. An interactive shell enters the
 * pod; any other command comes back as an `exec` effect for the shell to run.
 */
export function exec(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl exec");
  if ("error" in parsed) return failure(parsed.error);
  let [podArg, ...argv] = parsed.positional;
  let stderr = "";
  if (parsed.afterDash) argv = [...argv, ...parsed.afterDash];
  if (podArg === undefined)
    return usageError("pod, type/name or --filename must be specified", "kubectl exec");
  if (!parsed.afterDash && argv.length > 0) {
    stderr +=
      "kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n";
  }
  if (podArg.includes("/")) {
    const [typeText, name] = podArg.split("/") as [string, string];
    if (resolveResource(typeText)?.kind !== "Pod") return failure(`error: cannot exec into a ${typeText}`);
    podArg = name;
  }
  if (argv.length === 0) return failure("error: you must specify at least one command for the container");
  const namespace = flag(parsed, "namespace") ?? "default";
  const pod = env.cluster.store.get("Pod", namespace, podArg);
  if (!pod) return failure(notFoundMessage(resolveResource("pods") as ResourceType, podArg));
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  let container = flag(parsed, "container");
  if (container === undefined) {
    container = containers[0] ?? "";
    if (containers.length > 1 && !boolFlag(parsed, "quiet")) {
      stderr += `Defaulted container "${container}" out of: ${containers.join(", ")}\n`;
    }
  } else if (!containers.includes(container)) {
    return failure(`Error from server (BadRequest): container ${container} is not valid for pod ${podArg}`);
  }
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") {
    return failure(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const running = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running;
  if (!running) return failure(`error: unable to upgrade connection: container not found ("${container}")`);
  const program = (argv[0] as string).split("/").pop() as string;
  if (boolFlag(parsed, "stdin") && SHELLS.has(program) && argv.length === 1) {
    return {
      stdout: "",
      stderr,
      exitCode: 0,
      effects: [
        { type: "enter", context: { type: "pod", namespace, pod: podArg, container, shell: program } },
      ],
    };
  }
  return {
    stdout: "",
    stderr,
    exitCode: 0,
    effects: [{ type: "exec", namespace, pod: podArg, container, argv }],
  };
}
