/**
 * `kubectl explain` against the real kubectl: the fake API server serves the OpenAPI v3
 * documents Packetwalk's explain reads (`shell/kubectl/explain/openapi.ts`), and kubectl 1.32
 * renders them with its own template; both must print the same bytes, errors included.
 * Skips where no kubectl is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Simulation } from "../engine/simulation";
import { KUBECTL_1_32, RealKubectl } from "./realKubectl.testkit";

const CASES: string[][] = [
  ["svc"],
  ["services.spec"],
  ["svc.spec.ports"],
  ["svc.spec.ports.targetPort"],
  ["svc.spec.sessionAffinity"],
  ["svc.spec.type"],
  ["svc.metadata.labels"],
  ["svc.status.loadBalancer.ingress"],
  ["svc", "--recursive"],
  ["svc.spec", "--recursive"],
  ["pods.spec.containers"],
  ["po.spec.containers.resources.limits"],
  ["pod.spec.containers.ports.protocol"],
  ["pod.spec", "--recursive"],
  ["deploy"],
  ["deployments.apps.spec.strategy"],
  ["deployment.spec.strategy.rollingUpdate.maxSurge"],
  ["deploy", "--api-version=apps/v1"],
  ["deploy", "--api-version=apps/v2"],
  ["deploy", "--api-version=v1"],
  ["rs.spec.template.spec.containers", "--recursive"],
  ["endpointslices"],
  ["endpointslice.endpoints.conditions"],
  ["ep.subsets"],
  ["no.status"],
  ["nodes.spec.taints"],
  ["ns"],
  ["cm.data"],
  ["svc.spec.foo"],
  ["svc.spec.ports.port.foo"],
  ["foo"],
  ["lease"],
  [],
  ["svc", "pods"],
  ["svc", "-o", "json"],
];

describe.skipIf(!KUBECTL_1_32)("kubectl explain, with the real kubectl as the oracle", () => {
  let sim: Simulation;
  let kubectl: RealKubectl;
  beforeAll(async () => {
    sim = new Simulation({ seed: 7 });
    await sim.loadAssets();
    kubectl = await RealKubectl.start(sim, "v1.35.0", KUBECTL_1_32 as string);
  }, 60_000);
  afterAll(async () => {
    await kubectl?.stop();
  });

  for (const args of CASES) {
    it(`kubectl explain ${args.join(" ")}`, async () => {
      const ours = sim.run(["kubectl", "explain", ...args].join(" "));
      const real = await kubectl.run(["explain", ...args]);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.exitCode }).toEqual({
        stdout: real.stdout,
        stderr: real.stderr,
        code: real.code,
      });
    }, 60_000);
  }
});

if (!KUBECTL_1_32) {
  describe("kubectl explain, with the real kubectl as the oracle", () => {
    it.skip("needs kubectl at /usr/bin/kubectl (or PACKETWALK_KUBECTL)", () => {});
  });
}
