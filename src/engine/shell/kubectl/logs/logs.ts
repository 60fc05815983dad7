/**
 * `kubectl logs (POD | TYPE/NAME) [-c CONTAINER]` and `kubectl logs -l SELECTOR`, as kubectl
 * 1.32's `pkg/cmd/logs` and `polymorphichelpers.LogsForObject` do it: find the object, pick the
 * pod(s) and container(s), ask the API server for each log (podLog.ts) and print them in turn.
 */
import type { AnyObject, Pod } from "../../../api/types";
import type { CommandEnv, CommandResult } from "../../types";
import { failure, usageError } from "../errors";
import { boolFlag, type FlagSpec, flag, namespaceOf, type ParsedArgs, parseFlags } from "../flags";
import { groupResource, type ResourceType, resolveResource, unknownResourceType } from "../resources";
import { matchesSelector, parseSelector } from "../selector";
import { parseGoDuration } from "./duration";
import { type PodLogOptions, podLog } from "./podLog";
import { byLogging, podsForController } from "./pods";

const FLAGS: FlagSpec[] = [
  { name: "follow", short: "f", type: "bool" },
  { name: "previous", short: "p", type: "bool" },
  { name: "container", short: "c", type: "string" },
  { name: "selector", short: "l", type: "string" },
  { name: "tail", type: "string" },
  { name: "timestamps", type: "bool" },
  { name: "all-containers", type: "bool" },
  { name: "all-pods", type: "bool" },
  { name: "prefix", type: "bool" },
  { name: "since", type: "string" },
  { name: "since-time", type: "string" },
  { name: "limit-bytes", type: "string" },
  { name: "ignore-errors", type: "bool" },
  { name: "max-log-requests", type: "string" },
  { name: "pod-running-timeout", type: "string" },
  { name: "insecure-skip-tls-verify-backend", type: "bool" },
];

const USAGE = "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]";
const REQUIRED = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The default `--tail` when a selector picks the pods. */
const SELECTOR_TAIL = 10;

/** One log request: which pod's which container, as kubectl's ObjectReference names it. */
interface LogRequest {
  pod: Pod;
  container: string;
}

/** A failed command after what it already wrote to stderr. */
function fail(message: string, stderr: string): CommandResult {
  return { stdout: "", stderr: `${stderr}${message}\n`, exitCode: 1 };
}

/** An int64 flag as pflag reads it. */
function intFlag(parsed: ParsedArgs, name: string): number | { error: string } | undefined {
  const text = flag(parsed, name);
  if (text === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(text))
    return {
      error: `error: invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax\nSee 'kubectl logs --help' for usage.`,
    };
  return Number(text);
}

/** `kubectl logs`. */
export function logs(args: string[], env: CommandEnv): CommandResult {
  const parsed = parseFlags(args, FLAGS, "kubectl logs");
  if ("error" in parsed) return failure(parsed.error);
  const tailFlag = intFlag(parsed, "tail");
  const limitFlag = intFlag(parsed, "limit-bytes");
  if (typeof tailFlag === "object") return failure(tailFlag.error);
  if (typeof limitFlag === "object") return failure(limitFlag.error);
  const tail = tailFlag;
  const limitBytes = limitFlag;
  const sinceText = flag(parsed, "since");
  const since = sinceText === undefined ? undefined : parseGoDuration(sinceText);
  if (sinceText !== undefined && since === undefined)
    return failure(
      `error: invalid argument "${sinceText}" for "--since" flag: time: invalid duration "${sinceText}"\nSee 'kubectl logs --help' for usage.`,
    );
  const selectorText = flag(parsed, "selector") ?? "";
  const positional = parsed.positional;
  if (positional.length === 0 && selectorText === "") return usageError(REQUIRED, "kubectl logs");
  if (positional.length === 1 && selectorText !== "")
    return usageError("only a selector (-l) or a POD name is allowed", "kubectl logs");
  if (positional.length > 2) return usageError(REQUIRED, "kubectl logs");
  const namespace = namespaceOf(parsed);
  const containerFlag = flag(parsed, "container");
  const container = positional[1] ?? containerFlag ?? "";
  const allPods = boolFlag(parsed, "all-pods");
  const prefix = allPods || boolFlag(parsed, "prefix");
  let stderr = "";
  const sinceTime = flag(parsed, "since-time");
  const sinceTimeMs = sinceTime === undefined || !RFC3339.test(sinceTime) ? undefined : Date.parse(sinceTime);
  if (sinceTime !== undefined && sinceTimeMs === undefined)
    return failure(
      `error: parsing time "${sinceTime}" as "2006-01-02T15:04:05Z07:00": cannot parse "${sinceTime}" as "2006"`,
    );

  // Complete: the object (or the selected pods) comes first, so a NotFound beats a bad flag.
  let object: AnyObject | Pod[];
  if (selectorText !== "") {
    const reqs = parseSelector(selectorText);
    if ("error" in reqs) return failure(reqs.error);
    object = env.cluster.store
      .list("Pod", namespace)
      .filter((p) => matchesSelector(reqs, p.metadata.labels ?? {}));
    if (object.length === 0) stderr += `No resources found in ${namespace} namespace.\n`;
  } else {
    const found = findObject(env, positional[0] as string, namespace);
    if ("error" in found) return failure(found.error);
    object = found.object;
  }

  // Validate.
  if (sinceTime !== undefined && since !== undefined && since !== 0)
    return fail("error: at most one of `sinceTime` or `sinceSeconds` may be specified", stderr);
  if (boolFlag(parsed, "all-containers") && container !== "")
    return fail(
      `error: --all-containers=true should not be specified with container name ${container}`,
      stderr,
    );
  if (containerFlag !== undefined && positional.length === 2)
    return fail("error: only one of -c or an inline [CONTAINER] arg is allowed", stderr);
  if ((limitBytes ?? 0) < 0) return fail("error: --limit-bytes must be greater than 0", stderr);
  const tailLines = tail ?? (selectorText !== "" ? SELECTOR_TAIL : undefined);
  if (tailLines !== undefined && tailLines < -1)
    return fail("error: --tail must be greater than or equal to -1", stderr);

  const planned = planRequests(env, object, container, boolFlag(parsed, "all-containers"), allPods);
  stderr += planned.stderr;
  if ("error" in planned) return fail(planned.error, stderr);
  const opts: Omit<PodLogOptions, "container"> = {
    previous: boolFlag(parsed, "previous"),
    timestamps: boolFlag(parsed, "timestamps"),
    ...(tailLines !== undefined && tailLines !== -1 ? { tailLines } : {}),
    ...(limitBytes ? { limitBytes } : {}),
    ...(since ? { sinceSeconds: Math.round(since / 1000) } : {}),
    ...(sinceTimeMs !== undefined ? { sinceTimeMs } : {}),
  };
  // kubectl writes its notes (Found 2 pods…, Defaulted container…) before the logs stream in.
  // NOTE: kubectl reads several logs from a Go map (a random order each run) and `-f` keeps
  // streaming until interrupted; Packetwalk prints them in list order and returns.
  let stdout = "";
  for (const r of planned.requests) {
    const reply = podLog(env.cluster, r.pod, { ...opts, container: r.container });
    if ("error" in reply) {
      if (!boolFlag(parsed, "ignore-errors"))
        return {
          stdout,
          stderr: `${stderr}${reply.error}\n`,
          display: `${stderr}${stdout}${reply.error}\n`,
          exitCode: 1,
        };
      stdout += `error: ${reply.error.replace(/^Error from server \(\w+\): /, "")}\n`;
      continue;
    }
    const tag = prefix ? `[pod/${r.pod.metadata.name}/${r.container}] ` : "";
    stdout += tag ? reply.body.replace(/^(?=.)/gm, tag) : reply.body;
  }
  return { stdout, stderr, display: stderr + stdout, exitCode: 0 };
}

/** The resource builder's `ResourceNames("pods", arg)`: `NAME` is a pod, `TYPE/NAME` any kind. */
function findObject(
  env: CommandEnv,
  arg: string,
  namespace: string,
): { object: AnyObject } | { error: string } {
  const slash = arg.indexOf("/");
  const type: ResourceType | undefined = resolveResource(slash < 0 ? "pods" : arg.slice(0, slash));
  if (!type) return { error: unknownResourceType(arg.slice(0, slash)).trimEnd() };
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  if (name === "")
    return { error: `error: arguments in resource/name form must have a single resource and name` };
  const object = env.cluster.store.get(type.kind, type.namespaced ? namespace : undefined, name);
  if (!object)
    return {
      error: `error: error from server (NotFound): ${groupResource(type)} "${name}" not found in namespace "${namespace}"`,
    };
  return { object };
}

/** The Go type kubectl names in `cannot get the logs from *v1.Node`. */
function goType(object: AnyObject): string {
  return `*v1.${object.kind}`;
}

type Plan = { requests: LogRequest[]; stderr: string } | { error: string; stderr: string };

/** `logsForObjectWithClient`: which containers of which pods an object's logs come from. */
function planRequests(
  env: CommandEnv,
  object: AnyObject | Pod[],
  container: string,
  allContainers: boolean,
  allPods: boolean,
): Plan {
  if (Array.isArray(object)) {
    const requests: LogRequest[] = [];
    let stderr = "";
    for (const pod of object) {
      const plan = forPod(pod, container, allContainers, allPods);
      stderr += plan.stderr;
      if ("error" in plan) return { error: plan.error, stderr };
      requests.push(...plan.requests);
    }
    return { requests, stderr };
  }
  if (object.kind === "Pod") return forPod(object as Pod, container, allContainers, allPods);
  const selected = podsForController(object);
  if ("error" in selected)
    return { error: `error: cannot get the logs from ${goType(object)}: ${selected.error}`, stderr: "" };
  const pods = byLogging(
    env.cluster.store
      .list("Pod", object.metadata.namespace)
      .filter((p) => matchesSelector(selected.requirements, p.metadata.labels ?? {})),
  );
  // NOTE: with no pod yet, kubectl watches for one for --pod-running-timeout (20 s) and then
  // gives up; Packetwalk gives up at once, without moving the clock.
  const first = pods[0];
  if (!first) return { error: "error: timed out waiting for the condition", stderr: "" };
  if (pods.length > 1 && allPods) return planRequests(env, pods, container, allContainers, allPods);
  const note =
    pods.length > 1 && !allPods ? `Found ${pods.length} pods, using pod/${first.metadata.name}\n` : "";
  const plan = forPod(first, container, allContainers, allPods);
  return { ...plan, stderr: note + plan.stderr };
}

/** The containers of one pod: the named one, the annotated default, the first, or all of them. */
function forPod(pod: Pod, container: string, allContainers: boolean, allPods: boolean): Plan {
  const spec = pod.spec;
  const containers = (spec?.containers ?? []).map((c) => c.name);
  const inits = (spec?.initContainers ?? []).map((c) => c.name);
  if (allContainers)
    return { requests: [...inits, ...containers].map((c) => ({ pod, container: c })), stderr: "" };
  let chosen = container;
  let stderr = "";
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ?? "";
  if (chosen === "" && annotated !== "") {
    if ([...containers, ...inits].includes(annotated)) chosen = annotated;
    else stderr += `Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`;
  }
  if (chosen === "") {
    chosen = containers[0] ?? "";
    if ((containers.length > 1 || inits.length > 0) && !allPods)
      stderr += `Defaulted container "${chosen}" out of: ${[...containers, ...inits.map((c) => `${c} (init)`)].join(", ")}\n`;
  }
  if (![...containers, ...inits].includes(chosen))
    return { error: `error: container ${chosen} is not valid for pod ${pod.metadata.name}`, stderr };
  return { requests: [{ pod, container: chosen }], stderr };
}
