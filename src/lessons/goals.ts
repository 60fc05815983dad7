/**
 * A challenge's goals, checked on what the engine returns: the view model
 * (endpoints, kube-proxy's mode), the trace of a packet sent now, the output
 * of a terminal line. Nothing here computes networking: each check compares
 * the engine's answer with what the lesson asks for.
 */
import type { SendRequest } from "../engine/net/contract";
import type { Trace, TraceVerdict } from "../engine/net/types";
import type { TopologyView } from "../engine/view/topology";
import { lessonRequest, lessonSource } from "./targets";
import type { LessonGoal } from "./types";

export interface GoalEngine {
  send(request: SendRequest): Promise<Trace>;
  run(line: string): Promise<{ output: string; exitCode: number }>;
  view(): Promise<TopologyView>;
}

/** One goal's outcome; `actual` is what the engine showed (a count, a verdict, an exit code and output). */
export interface GoalResult {
  goal: LessonGoal;
  pass: boolean;
  actual: string;
  /** The packet a packet goal sent (the last one, for every node). */
  trace?: Trace;
}

function verdictOf(trace: Trace): string {
  return trace.backend ? `${trace.verdict} (${trace.backend.pod})` : trace.verdict;
}

async function checkOne(goal: LessonGoal, engine: GoalEngine): Promise<GoalResult> {
  if ("endpoints" in goal) {
    const { service, namespace = "default", count } = goal.endpoints;
    const view = await engine.view();
    const svc = view.services.find((s) => s.name === service && s.namespace === namespace);
    const ready = svc ? svc.endpoints.filter((e) => e.ready).length : 0;
    return { goal, pass: svc !== undefined && ready === count, actual: svc ? String(ready) : "-" };
  }
  if ("packet" in goal) {
    const { verdict, backend } = goal.packet;
    const trace = await engine.send(lessonRequest(goal.packet, await engine.view()));
    const pass = trace.verdict === verdict && (!backend || (trace.backend?.pod ?? "").startsWith(backend));
    return { goal, pass, actual: verdictOf(trace), trace };
  }
  if ("everyNode" in goal) {
    const { from, port, verdict } = goal.everyNode;
    const view = await engine.view();
    const misses: string[] = [];
    let trace: Trace | undefined;
    for (const node of view.nodes) {
      trace = await engine.send({ from: lessonSource(from), target: `${node.internalIP}:${port}` });
      if (trace.verdict !== (verdict as TraceVerdict)) misses.push(`${node.name}: ${trace.verdict}`);
    }
    const actual = misses.length ? misses.join(", ") : `${view.nodes.length} × ${verdict}`;
    return { goal, pass: misses.length === 0 && view.nodes.length > 0, actual, ...(trace ? { trace } : {}) };
  }
  if ("command" in goal) {
    const { run, output, exitCode = 0 } = goal.command;
    const out = await engine.run(run);
    const matches = output === undefined || new RegExp(output, "m").test(out.output);
    return { goal, pass: out.exitCode === exitCode && matches, actual: `${out.exitCode}\n${out.output}` };
  }
  const view = await engine.view();
  return { goal, pass: view.proxyMode === goal.mode, actual: view.proxyMode };
}

/** Checks every goal in order (packets are sent, lines run: the checks are part of the session). */
export async function checkGoals(goals: readonly LessonGoal[], engine: GoalEngine): Promise<GoalResult[]> {
  const results: GoalResult[] = [];
  for (const goal of goals) results.push(await checkOne(goal, engine));
  return results;
}
