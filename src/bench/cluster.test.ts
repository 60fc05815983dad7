import { beforeAll, describe, expect, it } from "vitest";
import type { EndpointSlice } from "../engine/api/types";
import { type BigBuild, buildBigCluster, serviceName } from "./cluster";

const SERVICES = 2_000;
const PODS = 10;

describe("big cluster build (2,000 Services over 20,000 backend pods, through the API server)", () => {
  let built: BigBuild;
  // Counts only: nothing here measures time (the machine may be loaded).
  beforeAll(() => {
    built = buildBigCluster(SERVICES, PODS, () => 0);
  }, 300_000);

  it("applies every document and runs every pod with its own IP", () => {
    const { store } = built.big.cluster;
    expect(built.backends).toEqual({ documents: SERVICES * PODS, applied: SERVICES * PODS, errors: 0 });
    expect(built.outcome).toEqual({ documents: SERVICES, applied: SERVICES, errors: 0 });
    const pods = store.list("Pod").filter((p) => p.metadata.name.startsWith("svc-"));
    expect(pods).toHaveLength(SERVICES * PODS);
    expect(pods.every((p) => p.status?.phase === "Running" && p.spec?.nodeName)).toBe(true);
    const ips = new Set(pods.map((p) => p.status?.podIP));
    expect(ips.has(undefined)).toBe(false);
    expect(ips.size).toBe(pods.length);
    // Spread over the workers: none holds more than its share plus one.
    const perNode = new Map<string, number>();
    for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
    expect(Math.max(...perNode.values())).toBeLessThanOrEqual(101);
  });

  it("gives every Service one slice and one Endpoints with exactly its 10 ready pods", () => {
    const { store } = built.big.cluster;
    const slicesBySvc = new Map<string, EndpointSlice[]>();
    for (const s of store.list("EndpointSlice")) {
      const svc = s.metadata.labels?.["kubernetes.io/service-name"] ?? "";
      slicesBySvc.set(svc, [...(slicesBySvc.get(svc) ?? []), s]);
    }
    for (let i = 1; i <= SERVICES; i++) {
      const name = serviceName(i);
      const slices = slicesBySvc.get(name) ?? [];
      expect(slices, name).toHaveLength(1);
      const eps = slices[0]?.endpoints ?? [];
      expect(eps.filter((e) => e.conditions?.ready === true)).toHaveLength(PODS);
      expect(new Set(eps.map((e) => e.targetRef?.name))).toEqual(
        new Set(Array.from({ length: PODS }, (_, j) => `${name}-${j}`)),
      );
      const ep = store.get("Endpoints", "default", name);
      expect(ep?.subsets?.[0]?.addresses).toHaveLength(PODS);
    }
    // Plus default/kubernetes (no control-plane node here: no endpoints) and kube-dns (two CoreDNS pods).
    expect(built.slices).toBe(SERVICES + 2);
    expect(built.endpoints).toBe(SERVICES * PODS + 2);
  });

  it("answers A queries for a sample of Services with their ClusterIPs", () => {
    const { store } = built.big.cluster;
    const dns = built.big.dns;
    for (const i of [1, 2, 777, 1500, SERVICES]) {
      const name = serviceName(i);
      const svc = store.get("Service", "default", name);
      const response = dns.query(`${name}.default.svc.cluster.local`, "A");
      expect(response.rcode).toBe("NOERROR");
      expect(response.answer.map((r) => r.data)).toEqual([svc?.spec?.clusterIP]);
    }
    // Every Service: A + PTR for its ClusterIP; every ready endpoint: A + PTR.
    expect(built.records).toBeGreaterThanOrEqual(1 + SERVICES * 2 + SERVICES * PODS * 2);
  });
});
