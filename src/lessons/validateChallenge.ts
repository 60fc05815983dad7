/** Checks a step's `challenge`: its goals (the small vocabulary goals.ts evaluates), hints and solution. */
import { PROXY_MODES } from "../engine/api/configTypes";
import type { TraceVerdict } from "../engine/net/types";
import type { LessonChallenge, LessonGoal } from "./types";
import { type Err, isObj, lines, localized, oneOf, SOURCE, sendField, unknownKeys } from "./validateFields";

const VERDICTS: readonly TraceVerdict[] = ["delivered", "rejected", "dropped", "timeout", "nxdomain"];
const GOAL_KINDS = ["endpoints", "packet", "everyNode", "command", "mode"] as const;

function goal(raw: unknown, path: string, err: Err): LessonGoal | null {
  if (!isObj(raw) || Object.keys(raw).length !== 1) {
    err(path, `must be a mapping with one of ${GOAL_KINDS.join(", ")}`);
    return null;
  }
  const [kind, value] = Object.entries(raw)[0]!;
  const at = `${path}.${kind}`;
  switch (kind) {
    case "endpoints": {
      if (!isObj(value) || typeof value.service !== "string" || !Number.isInteger(value.count)) {
        err(at, "must be a mapping with service (a name) and count (a whole number)");
        return null;
      }
      unknownKeys(value, ["service", "namespace", "count"], at, err);
      return {
        endpoints: {
          service: value.service,
          count: value.count as number,
          ...(typeof value.namespace === "string" ? { namespace: value.namespace } : {}),
        },
      };
    }
    case "packet": {
      const send = sendField(value, at, err);
      if (!isObj(value)) return null;
      unknownKeys(value, ["from", "to", "verdict", "backend"], at, err);
      if (!oneOf(value.verdict, VERDICTS)) err(`${at}.verdict`, `must be one of ${VERDICTS.join(", ")}`);
      if (value.backend !== undefined && typeof value.backend !== "string")
        err(`${at}.backend`, "must be a name");
      if (!send || !oneOf(value.verdict, VERDICTS)) return null;
      return {
        packet: {
          ...send,
          verdict: value.verdict,
          ...(typeof value.backend === "string" ? { backend: value.backend } : {}),
        },
      };
    }
    case "everyNode": {
      if (!isObj(value) || typeof value.from !== "string" || !SOURCE.test(value.from)) {
        err(`${at}.from`, 'must be "external", "node:NAME" or "pod:NAMESPACE/NAME"');
        return null;
      }
      unknownKeys(value, ["from", "port", "verdict"], at, err);
      const port = value.port;
      if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
        err(`${at}.port`, "must be a port number");
        return null;
      }
      if (!oneOf(value.verdict, VERDICTS)) {
        err(`${at}.verdict`, `must be one of ${VERDICTS.join(", ")}`);
        return null;
      }
      return { everyNode: { from: value.from, port, verdict: value.verdict } };
    }
    case "command": {
      if (!isObj(value) || typeof value.run !== "string") {
        err(at, "must be a mapping with run (a line), output (a regular expression) and exitCode");
        return null;
      }
      unknownKeys(value, ["run", "output", "exitCode"], at, err);
      if (value.output !== undefined) {
        if (typeof value.output !== "string") err(`${at}.output`, "must be a regular expression");
        else
          try {
            new RegExp(value.output, "m");
          } catch (e) {
            err(`${at}.output`, `not a regular expression: ${e instanceof Error ? e.message : String(e)}`);
          }
      }
      if (value.exitCode !== undefined && !Number.isInteger(value.exitCode))
        err(`${at}.exitCode`, "must be a whole number");
      return {
        command: {
          run: value.run,
          ...(typeof value.output === "string" ? { output: value.output } : {}),
          ...(Number.isInteger(value.exitCode) ? { exitCode: value.exitCode as number } : {}),
        },
      };
    }
    case "mode":
      if (oneOf(value, PROXY_MODES)) return { mode: value };
      err(at, `must be one of ${PROXY_MODES.join(", ")}`);
      return null;
    default:
      err(path, `must be a mapping with one of ${GOAL_KINDS.join(", ")}`);
      return null;
  }
}

export function challengeField(raw: unknown, path: string, err: Err): LessonChallenge | null {
  if (raw === undefined) return null;
  if (!isObj(raw)) {
    err(path, "must be a mapping with goals, hints and solution");
    return null;
  }
  unknownKeys(raw, ["goals", "hints", "solution"], path, err);
  const goals = Array.isArray(raw.goals) ? raw.goals.map((g, i) => goal(g, `${path}.goals[${i}]`, err)) : [];
  if (goals.length === 0) err(`${path}.goals`, "must be a non-empty list");
  const hints = Array.isArray(raw.hints)
    ? raw.hints.map((h, i) => localized(h, `${path}.hints[${i}]`, err))
    : [];
  if (!Array.isArray(raw.hints) || hints.length === 0) err(`${path}.hints`, "must be a non-empty list");
  const solution = raw.solution;
  if (
    !isObj(solution) ||
    (solution.manifests === undefined && solution.commands === undefined && solution.proxyMode === undefined)
  ) {
    err(`${path}.solution`, "must be a mapping with commands, manifests (YAML text) and/or proxyMode");
    return null;
  }
  unknownKeys(solution, ["commands", "manifests", "proxyMode"], `${path}.solution`, err);
  if (solution.proxyMode !== undefined && !oneOf(solution.proxyMode, PROXY_MODES))
    err(`${path}.solution.proxyMode`, `must be one of ${PROXY_MODES.join(", ")}`);
  if (solution.manifests !== undefined && typeof solution.manifests !== "string")
    err(`${path}.solution.manifests`, "must be YAML text");
  const solutionCommands = lines(solution.commands, `${path}.solution.commands`, err);
  if (goals.some((g) => g === null) || hints.some((h) => h === null)) return null;
  return {
    goals: goals as LessonGoal[],
    hints: hints as NonNullable<(typeof hints)[number]>[],
    solution: {
      ...(solution.commands !== undefined ? { commands: solutionCommands } : {}),
      ...(typeof solution.manifests === "string" ? { manifests: solution.manifests } : {}),
      ...(oneOf(solution.proxyMode, PROXY_MODES) ? { proxyMode: solution.proxyMode } : {}),
    },
  };
}
