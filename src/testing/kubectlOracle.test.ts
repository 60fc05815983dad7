/**
 * The real kubectl as the oracle: for each scenario, what Packetwalk's
 * `kubectl describe` and `kubectl get -o yaml|json` print must equal, byte for
 * byte, what the real kubectl prints from the same objects (served by a small
 * API server). Skips, saying why, where no kubectl is installed.
 *
 * The virtual clock is set so that its "now" is the wall clock's when kubectl
 * runs: kubectl computes ages (a node's pod table) from its own clock. Every
 * object is three days old, so a few seconds between the two make no difference.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { REAL_KUBECTL, RealKubectl } from "./realKubectl.testkit";

const ROOT = join(__dirname, "..", "..", "testdata");
const DAY = 86_400_000;

interface Scenario {
  name: string;
  files: string[];
}

const SCENARIOS: Scenario[] = [
  { name: "single-stack", files: ["oracle/single-stack.yaml"] },
  { name: "loadbalancer with source ranges", files: ["oracle/loadbalancer.yaml"] },
  { name: "headless with hostnames", files: ["oracle/headless.yaml"] },
  { name: "multi-port", files: ["oracle/multi-port.yaml"] },
  { name: "not-ready pods", files: ["oracle/not-ready.yaml"] },
  {
    name: "the seed's v1.20 cluster",
    files: [
      "seed/cluster.yaml",
      "seed/nginx.yaml",
      "seed/simple-pod.yaml",
      "seed/hello-pod.yaml",
      "seed/clusterip.yaml",
      "seed/nodeport.yaml",
      "seed/headless.yaml",
      "seed/externalname.yaml",
    ],
  },
];

/** Every resource Packetwalk describes, as `kubectl describe` names it. */
const DESCRIBED = [
  "services",
  "pods",
  "endpoints",
  "endpointslices",
  "deployments",
  "replicasets",
  "nodes",
  "namespaces",
  "configmaps",
  "leases",
];

/** A scenario applied to a fresh Simulation whose virtual now is the wall clock's. */
function build(s: Scenario): { sim: Simulation; version: string } {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const sim = new Simulation({ seed: 7, startTime: now - 3 * DAY });
  const texts = s.files.map((f) => ({ name: f, text: readFileSync(join(ROOT, f), "utf8") }));
  const report = sim.apply(texts);
  expect(report.errors).toEqual([]);
  for (const { text } of texts) {
    for (const m of text.matchAll(/^# oracle: not-ready (\S+)\/(\S+)$/gm)) {
      const [, ns, prefix] = m as unknown as [string, string, string];
      const pods = JSON.parse(sim.run(`kubectl get pods -n ${ns} -o json`).stdout) as {
        items: { metadata: { name: string } }[];
      };
      for (const p of pods.items)
        if (p.metadata.name.startsWith(prefix)) sim.setPodReady(ns, p.metadata.name, false);
    }
  }
  sim.advanceClock(3 * DAY);
  const version = /^kubernetesVersion: (\S+)$/m.exec(texts.map((t) => t.text).join("\n"))?.[1] ?? "v1.35.0";
  return { sim, version };
}

describe.skipIf(!REAL_KUBECTL)("real kubectl as the oracle", () => {
  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      let sim: Simulation;
      let kubectl: RealKubectl;
      beforeAll(async () => {
        const built = build(scenario);
        sim = built.sim;
        await sim.loadAssets();
        kubectl = await RealKubectl.start(sim, built.version, REAL_KUBECTL as string);
      }, 60_000);
      afterAll(async () => {
        await kubectl?.stop();
      });

      const same = async (args: string[]) => {
        const ours = sim.run(`kubectl ${args.join(" ")}`);
        const real = await kubectl.run(args);
        expect({ stdout: ours.stdout, stderr: ours.stderr }).toEqual({
          stdout: real.stdout,
          stderr: real.stderr,
        });
        expect(ours.exitCode).toBe(real.code);
      };

      for (const resource of DESCRIBED) {
        it(`kubectl describe ${resource} -A`, () => same(["describe", resource, "-A"]), 60_000);
        it(`kubectl get ${resource} -A -o yaml`, () => same(["get", resource, "-A", "-o", "yaml"]), 60_000);
        it(`kubectl get ${resource} -A -o json`, () => same(["get", resource, "-A", "-o", "json"]), 60_000);
      }
    });
  }
});

if (!REAL_KUBECTL) {
  describe("real kubectl as the oracle", () => {
    it.skip("needs kubectl at /usr/bin/kubectl (or PACKETWALK_KUBECTL): install kubectl to compare describe and -o yaml/json with it", () => {});
  });
}
