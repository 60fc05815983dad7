/**
 * One fuzz case against a fresh Simulation: apply the generated manifests, then use the cluster
 * as a student would (the diagram, a packet, a burst, kubectl, an exec, the data-plane listings).
 * A case fails when any call throws, when the engine reports an internal error (an engine bug the
 * safety net caught), or when a refused object changed the store.
 */

import type { ShellAssets } from "../engine/shell/assets";
import type { ApplyReport, ManifestFile } from "../engine/simulation";
import { Simulation } from "../engine/simulation";
import type { SeedFile } from "./corpus";
import type { FuzzCase } from "./mutate";
import { buildCase } from "./mutate";

/** What went wrong in one call. */
export interface Failure {
  /** The facade call: `apply`, `view`, `run kubectl get all -A`, ... */
  call: string;
  type: "exception" | "internal" | "changed";
  message: string;
  /** The first stack frame inside the project, for exceptions. */
  at?: string;
}

/** Optional follow-ups, chosen per case by `FuzzCase.extras` (bit i runs the i-th). */
export const FOLLOW_UPS: readonly ((t: Targets) => string | undefined)[] = [
  () => "burst",
  () => "kubectl describe pods -A",
  () => "kubectl describe nodes",
  () => "kubectl describe deploy,ep -A",
  () => "kubectl get pods,svc,ep,endpointslices,rs,deploy,ns,cm,nodes -A -o yaml",
  () => "kubectl get svc,ep,endpointslices -A -o wide",
  () => "ipvsadm -Ln",
  () => "nft list ruleset",
  () => "conntrack -L",
  (t) => (t.service ? `curl -s -m 1 ${t.service}` : undefined),
  (t) => (t.service ? `dig ${t.service}` : undefined),
  (t) => (t.pod ? `kubectl exec ${t.pod} -- curl -s -m 1 ${t.service ?? "kubernetes.default"}` : undefined),
  (t) => (t.serviceRef ? `kubectl scale deploy --all -n ${t.serviceRef.namespace} --replicas=2` : undefined),
  (t) => (t.serviceRef ? `kubectl delete svc ${t.serviceRef.name} -n ${t.serviceRef.namespace}` : undefined),
  () => "kubectl create deployment fuzz --image=nginx --replicas=2",
  () => "kubectl expose deployment fuzz --port=80",
];

/** What the follow-ups aim at, read from the diagram's view. */
export interface Targets {
  /** `-n NS POD` for kubectl exec. */
  pod?: string;
  podRef?: { namespace: string; name: string };
  /** `name.namespace` of a Service. */
  service?: string;
  serviceRef?: { namespace: string; name: string };
}

const INTERNAL = /internal error|InternalError|Internal error occurred/;

function frame(e: unknown): string | undefined {
  const stack = e instanceof Error ? (e.stack ?? "") : "";
  const line = stack.split("\n").find((l) => l.includes("/src/") && !l.includes("/src/fuzz/"));
  return line
    ?.trim()
    .replace(/^at\s+/, "")
    .replace(/^.*\/src\//, "src/");
}

/**
 * Runs one case; returns its failures (empty when the engine behaved). `assets` are the shell's
 * (`loadShellAssets`), loaded once by the caller: the follow-ups run `kubectl describe`.
 */
export function runCase(corpus: readonly SeedFile[], c: FuzzCase, assets: ShellAssets): Failure[] {
  const failures: Failure[] = [];
  const guard = <T>(call: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      failures.push({
        call,
        type: "exception",
        message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        ...(frame(e) ? { at: frame(e) } : {}),
      });
      return undefined;
    }
  };
  const texts = buildCase(corpus, c);
  const sim = new Simulation({ seed: 1 });
  sim.provideAssets(assets);
  const files: ManifestFile[][] = c.perDocument
    ? texts.map((text, i) => [{ name: `doc${i}.yaml`, text }])
    : [[{ name: "fuzz.yaml", text: texts.join("---\n") }]];
  for (const batch of files) {
    const before = c.perDocument ? guard("objects", () => JSON.stringify(sim.objects())) : undefined;
    const report = guard("apply", () => sim.apply(batch)) as ApplyReport | undefined;
    for (const error of report?.errors ?? []) {
      if (INTERNAL.test(error.message))
        failures.push({ call: "apply", type: "internal", message: error.message });
    }
    if (before !== undefined && report && report.results.length === 0 && report.errors.length > 0) {
      const after = guard("objects", () => JSON.stringify(sim.objects()));
      if (after !== undefined && after !== before) {
        failures.push({ call: "apply", type: "changed", message: report.errors[0]!.message });
      }
    }
  }
  const view = guard("view", () => sim.view());
  const targets: Targets = {};
  const pod = view?.pods.find((p) => p.status === "Running") ?? view?.pods[0];
  if (pod) {
    targets.pod = `-n ${pod.namespace} ${pod.name}`;
    targets.podRef = { namespace: pod.namespace, name: pod.name };
  }
  const svc = view?.services.find((s) => s.name !== "kubernetes" && s.name !== "kube-dns");
  if (svc) {
    targets.service = `${svc.name}.${svc.namespace}`;
    targets.serviceRef = { namespace: svc.namespace, name: svc.name };
  }
  const from = targets.podRef
    ? ({ type: "pod", ...targets.podRef } as const)
    : ({ type: "node", node: view?.nodes[0]?.name ?? "kind-worker" } as const);
  const target = targets.service ?? "kubernetes.default";
  guard("send", () => sim.send({ from, target }));
  const commands = [
    "kubectl get all -A",
    "kubectl describe svc -A",
    targets.pod && `kubectl exec ${targets.pod} -- nslookup ${target}`,
    "iptables-save",
  ];
  FOLLOW_UPS.forEach((f, i) => {
    if (!(c.extras & (1 << i))) return;
    const line = f(targets);
    if (line === "burst") guard("burst", () => sim.burst({ from, target }, 3));
    else commands.push(line);
  });
  for (const line of commands) {
    if (!line) continue;
    const out = guard(`run ${line}`, () => sim.run(line));
    if (out && INTERNAL.test(out.stderr)) {
      failures.push({ call: `run ${line}`, type: "internal", message: out.stderr.trim().slice(0, 300) });
    }
    // Leave any shell a command opened, so the next one runs on the node.
    if (out && !out.prompt.startsWith("root@")) guard("run exit", () => sim.run("exit"));
  }
  guard("view", () => sim.view());
  return failures;
}
