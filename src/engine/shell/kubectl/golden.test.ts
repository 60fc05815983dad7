import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import { k, testEnv } from "./env.testkit";
import { modernCluster, seedCluster } from "./fixtures.testkit";

const inTestdata = goldenDir(new URL("./testdata/", import.meta.url));
/** Compares with testdata/<name>.golden. */
const golden = (name: string, actual: string): void => inTestdata(`${name}.golden`, actual);

describe("kubectl golden outputs (v1.35 cluster)", () => {
  const env = testEnv(modernCluster());
  const cases: [string, string][] = [
    ["get-svc", "get svc"],
    ["get-svc-wide", "get svc -o wide"],
    ["get-ep", "get ep"],
    ["get-endpointslices", "get endpointslices"],
    ["get-pods-wide", "get pods -o wide"],
    ["get-nodes", "get nodes"],
    ["get-nodes-wide", "get nodes -o wide"],
    ["get-all", "get all"],
    ["get-deploy-wide", "get deploy -o wide"],
    ["get-rs", "get rs"],
    ["get-ns", "get ns"],
    ["get-svc-ep", "get svc,ep"],
    ["get-pods-show-labels", "get pods --show-labels"],
    ["get-svc-yaml", "get svc web -o yaml"],
    ["get-svc-list-json", "get svc kubernetes ext-db -o json"],
    ["describe-svc-nodeport", "describe svc web"],
    ["describe-svc-headless", "describe svc headless"],
    ["describe-svc-externalname", "describe svc ext-db"],
    ["describe-svc-lb", "describe svc lb"],
    ["describe-svc-lb-pending", "describe svc lb-pending"],
    ["describe-pod", "describe pod web-5d8f7b9c6d-4xk2p"],
    ["describe-ep", "describe ep web"],
    ["describe-node", "describe node kind-worker"],
    ["describe-deploy", "describe deploy web"],
  ];
  for (const [name, line] of cases) {
    it(`kubectl ${line}`, () => {
      const r = k(env, line);
      expect(r.exitCode).toBe(0);
      golden(name, r.stdout);
    });
  }
});

describe("kubectl golden outputs (the seed's v1.20 cluster)", () => {
  const env = testEnv(seedCluster());
  for (const [name, line] of [
    ["seed-get-svc", "get svc"],
    ["seed-describe-svc", "describe service clusterip-service"],
    ["seed-get-ep", "get ep"],
    ["seed-get-pods-wide", "get pods -o wide"],
  ] as const) {
    it(`kubectl ${line}`, () => {
      const r = k(env, line);
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toBe("");
      golden(name, r.stdout);
    });
  }
});
