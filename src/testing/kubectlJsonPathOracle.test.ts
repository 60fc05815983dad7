/**
 * `kubectl get -o jsonpath=…` against the real kubectl: the same objects
 * (served by a small API server), the same templates, the same bytes on
 * stdout and stderr and the same exit code — output, parse errors and
 * execution errors alike. Skips where no kubectl is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { REAL_KUBECTL, RealKubectl } from "./realKubectl.testkit";

const ROOT = join(__dirname, "..", "..", "testdata");
const FILES = [
  "seed/cluster.yaml",
  "seed/nginx.yaml",
  "seed/clusterip.yaml",
  "seed/nodeport.yaml",
  "seed/headless.yaml",
];
const DAY = 86_400_000;

/** [resource words, -o value]. */
const CASES: [string[], string][] = [
  [["svc", "kubernetes"], "jsonpath={.spec.clusterIP}"],
  [["svc"], "jsonpath={.items[*].metadata.name}"],
  [["pods"], 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
  [["pods", "-A"], "jsonpath={.items[*].spec.nodeName}"],
  [["nodes"], 'jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}'],
  [["nodes"], "jsonpath={range .items[*]}{.metadata.name} {.spec.podCIDR}{'\\n'}{end}"],
  [["svc"], "jsonpath={.items[*].spec.ports[0]}"],
  [["svc"], "jsonpath={.items[?(@.spec.type=='NodePort')].spec.ports[*].nodePort}"],
  [["svc"], "jsonpath={.items[?(@.spec.ports[0].port>80)].metadata.name}"],
  [["svc"], "jsonpath={.items[?(@.spec.clusterIP=~'^10\\.96\\.0\\.')].metadata.name}"],
  [["svc"], "jsonpath={.items[?(@.spec.selector)].metadata.name}"],
  [["svc"], "jsonpath={.items[0:2].metadata.name}"],
  [["svc"], "jsonpath={.items[0,2].metadata.name}"],
  [["svc", "-n", "nosuch"], "jsonpath={.items[*].metadata.name}"],
  [["svc", "-n", "nosuch"], "jsonpath={range .items[*]}{.metadata.name}{end}done"],
  [
    ["nodes"],
    "jsonpath={range .items[*]}{.metadata.name}:{range .status.addresses[*]}{.type}={.address},{end};{end}",
  ],
  // A wildcard over a one-key map: kubectl walks a map in Go's random order, so several keys would not compare.
  [["svc"], "jsonpath={.items[*].spec.selector.*}"],
  [["svc", "kubernetes"], "jsonpath={.spec.ports[*]['name','port']}"],
  [["pods", "-A"], "jsonpath={.items[?(@.status.phase!='Running')].metadata.name}"],
  [["svc"], "jsonpath={.items[?(@.spec.ports[0].port<=80)].metadata.name}"],
  [["svc"], "jsonpath={.items[?(@.spec.ports[0].port>=30000)].metadata.name}"],
  [["svc"], "jsonpath={.items[-1:].metadata.name}"],
  [["svc"], "jsonpath={.items[::2].metadata.name}"],
  [["svc"], "jsonpath={.items[0]['metadata.name', 'spec.type']}"],
  [["svc"], "jsonpath={..clusterIP}"],
  [["svc"], "jsonpath={.items[*].metadata.labels}"],
  [["svc"], "jsonpath={.kind} {.apiVersion}"],
  [["svc"], "jsonpath=plain text"],
  [["svc"], "jsonpath={.items[*].spec.nothing}"],
  [["svc", "kubernetes"], "jsonpath={.spec.ports[0].port} {3.5} {true} {'x'}"],
  [["endpointslices"], "jsonpath={.items[*].endpoints[*].addresses[0]}"],
  [["deploy"], "jsonpath={.items[*].spec.template.metadata.creationTimestamp}"],
  [["svc"], "jsonpath-as-json={.items[*].metadata.name}"],
  [["svc", "kubernetes"], "jsonpath-as-json={.spec.ports}"],
  // Parse errors.
  [["svc"], "jsonpath={.items"],
  [["svc"], "jsonpath={.items[0}"],
  [["svc"], "jsonpath={.items[a]}"],
  [["svc"], "jsonpath={.items[?(@.x==1}"],
  [["svc"], "jsonpath={#}"],
  [["svc"], "jsonpath={'abc}"],
  [["svc"], "jsonpath={....x}"],
  [["svc"], "jsonpath={1.2.3}"],
  [["svc"], "jsonpath"],
  // Execution errors.
  [["svc", "kubernetes"], "jsonpath={.metadata[0]}"],
  // Custom columns.
  [["pods"], "custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:spec.nodeName"],
  [
    ["pods", "-A"],
    "custom-columns=NAMESPACE:{.metadata.namespace},NAME:{metadata.name},PORTS:.spec.containers[*].ports[*].containerPort",
  ],
  [
    ["svc"],
    "custom-columns=NAME:.metadata.name,SELECTOR:.spec.selector,PORTS:.spec.ports[*].port,NODEPORT:.spec.ports[0].nodePort",
  ],
  [["svc"], "custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,EMPTY:"],
  [["svc", "kubernetes"], "custom-columns=A:.spec.ports[0],B:.spec.clusterIPs"],
  [["nodes", "--no-headers"], "custom-columns=N:.metadata.name,CIDR:.spec.podCIDR"],
  [["svc", "-n", "nosuch"], "custom-columns=NAME:.metadata.name"],
  [["svc"], "custom-columns"],
  [["svc"], "custom-columns=NAME"],
  [["svc"], "custom-columns=NAME:{.a}{.b}"],
  [["svc"], "custom-columns=NAME:.metadata.name,X:.a[0"],
  [["svc"], "custom-columns=NAME:.metadata.name,X:.metadata[0]"],
  [["svc", "kubernetes"], "jsonpath={hello}"],
  [["svc", "kubernetes"], "jsonpath={end}"],
  [["svc"], "jsonpath={.items[5]}"],
  [["svc"], "jsonpath={.items[?(@.spec.ports[0].port=='80')]}"],
  [["svc"], "jsonpath={.items[*].spec[?(@.x)]}"],
];

/** One shell word: single-quoted, as a user would type it. */
const quote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

describe.skipIf(!REAL_KUBECTL)("kubectl get -o jsonpath against the real kubectl", () => {
  let sim: Simulation;
  let kubectl: RealKubectl;
  beforeAll(async () => {
    const now = Math.floor(Date.now() / 1000) * 1000;
    sim = new Simulation({ seed: 7, startTime: now - 3 * DAY });
    const texts = FILES.map((f) => ({ name: f, text: readFileSync(join(ROOT, f), "utf8") }));
    expect(sim.apply(texts).errors).toEqual([]);
    sim.advanceClock(3 * DAY);
    await sim.loadAssets();
    kubectl = await RealKubectl.start(sim, "v1.20.15", REAL_KUBECTL as string);
  }, 60_000);
  afterAll(async () => {
    await kubectl?.stop();
  });

  for (const [words, output] of CASES) {
    it(`kubectl get ${words.join(" ")} -o ${output}`, async () => {
      const args = ["get", ...words, "-o", output];
      const ours = sim.run(`kubectl ${args.map(quote).join(" ")}`);
      const real = await kubectl.run(args);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.exitCode }).toEqual({
        stdout: real.stdout,
        stderr: real.stderr,
        code: real.code,
      });
    }, 60_000);
  }
});
