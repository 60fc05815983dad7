/**
 * `kubectl logs` against the real kubectl: the fake API server answers each pod's `log`
 * subresource with what Packetwalk's API server answers (the container's lines, cut by the
 * request's options), so what is compared is kubectl's own part — which object, which pods
 * and containers, the notes it writes (`Found 2 pods…`, `Defaulted container…`), prefixes,
 * the selector's default tail, and every error — byte for byte. Skips where no kubectl is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { KUBECTL_1_32, RealKubectl } from "./realKubectl.testkit";

const SCENARIO = join(__dirname, "..", "..", "testdata", "oracle", "logs.yaml");

/**
 * What kubectl is asked; each is run by both and must print the same. Where several pods'
 * logs are printed, kubectl walks a Go map of requests (a random order each run), so those
 * cases (marked `any order`) compare the lines in sorted order.
 */
const ANY_ORDER = "any order";
const CASES: string[][] = [
  ["logs", "echo"],
  ["logs", "annotated"],
  ["logs", "annotated", "-c", "proxy"],
  ["logs", "annotated", "proxy"],
  ["logs", "annotated", "-c", "nope"],
  ["logs", "annotated", "proxy", "-c", "app"],
  ["logs", "annotated", "--all-containers", ANY_ORDER],
  ["logs", "annotated", "--all-containers", "-c", "app"],
  ["logs", "client"],
  ["logs", "deploy/web"],
  ["logs", "deployment/web", "-c", "sidecar"],
  ["logs", "deploy/web", "--all-pods", ANY_ORDER],
  ["logs", "deploy/web", "--all-pods", "--all-containers", ANY_ORDER],
  ["logs", "svc/web", "--tail=3"],
  ["logs", "svc/external"],
  ["logs", "node/kind-worker"],
  ["logs", "nope"],
  ["logs", "deploy/nope"],
  ["logs", "foo/bar"],
  ["logs", "-l", "app=web", ANY_ORDER],
  ["logs", "-l", "app=web", "--all-containers", "--prefix", ANY_ORDER],
  ["logs", "-l", "app=web", "--tail=-1", "-c", "nginx", ANY_ORDER],
  ["logs", "-l", "app=none"],
  ["logs", "-l", "app=echo", "--prefix", "--timestamps"],
  ["logs", "echo", "--tail=2", "--timestamps"],
  ["logs", "echo", "--limit-bytes=60"],
  ["logs", "echo", "-p"],
  ["logs"],
  ["logs", "echo", "-l", "app=echo"],
  ["logs", "a", "b", "c"],
  ["logs", "echo", "--tail=-2"],
  ["logs", "echo", "--tail=x"],
  ["logs", "echo", "--since=1h", "--since-time=2026-01-01T00:00:00Z"],
  ["logs", "-n", "kube-system", "-l", "k8s-app=kube-dns", "--prefix", ANY_ORDER],
];

describe.skipIf(!KUBECTL_1_32)("kubectl logs, with the real kubectl as the oracle", () => {
  let sim: Simulation;
  let kubectl: RealKubectl;
  beforeAll(async () => {
    sim = new Simulation({ seed: 7 });
    await sim.loadAssets();
    const report = sim.apply([{ name: "logs.yaml", text: readFileSync(SCENARIO, "utf8") }]);
    expect(report.errors).toEqual([]);
    const echo = JSON.parse(sim.run("kubectl get pod echo -o json").stdout) as { status: { podIP: string } };
    for (const target of ["web", "web/favicon.ico", "web", `${echo.status.podIP}:8080/clientip`])
      expect(sim.run(`kubectl exec client -- curl -s ${target}`).exitCode).toBe(0);
    kubectl = await RealKubectl.start(sim, "v1.35.0", KUBECTL_1_32 as string);
  }, 60_000);
  afterAll(async () => {
    await kubectl?.stop();
  });

  const sorted = (text: string) => text.split("\n").sort().join("\n");
  for (const testCase of CASES) {
    const anyOrder = testCase.includes(ANY_ORDER);
    const args = testCase.filter((a) => a !== ANY_ORDER);
    it(`kubectl ${args.join(" ")}${anyOrder ? " (lines in any order)" : ""}`, async () => {
      const ours = sim.run(`kubectl ${args.join(" ")}`);
      const real = await kubectl.run(args);
      const view = anyOrder ? sorted : (text: string) => text;
      expect({ stdout: view(ours.stdout), stderr: ours.stderr, code: ours.exitCode }).toEqual({
        stdout: view(real.stdout),
        stderr: real.stderr,
        code: real.code,
      });
    }, 60_000);
  }
});

if (!KUBECTL_1_32) {
  describe("kubectl logs, with the real kubectl as the oracle", () => {
    it.skip("needs kubectl at /usr/bin/kubectl (or PACKETWALK_KUBECTL)", () => {});
  });
}
