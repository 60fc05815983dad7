/**
 * Random small clusters and random edits of them for the property tests:
 * every Service type and policy, affinity, shared external and LB IPs
 * (two Services owning one map element), multi-slice Services, headless
 * and ExternalName Services, endpoints in every condition.
 */
import fc from "fast-check";
import type { EndpointSlice, Service } from "../../api/types";
import type { ProxyInput } from "../types";
import { service, slice, type TestEndpoint } from "./objects.testkit";
import { NODE, SCENARIOS } from "./scenarios.testkit";

export interface SvcShape {
  type: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName" | "headless";
  etpLocal: boolean;
  itpLocal: boolean;
  affinity: boolean;
  externalIPs: string[];
  lbIPs: string[];
  ranges: string[];
  ports: number;
  slices: { endpoints: TestEndpoint[]; ports: number }[];
}

const endpoint: fc.Arbitrary<TestEndpoint> = fc.record(
  {
    ip: fc.constantFrom("10.244.1.1", "10.244.1.2", "10.244.2.1", "10.244.2.2", "10.244.2.3"),
    nodeName: fc.constantFrom(NODE, "worker-2"),
    ready: fc.boolean(),
    serving: fc.boolean(),
    terminating: fc.boolean(),
  },
  { requiredKeys: ["ip", "nodeName"] },
);

/** One Service's shape. */
export const svcShape: fc.Arbitrary<SvcShape> = fc.record({
  type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "headless"),
  etpLocal: fc.boolean(),
  itpLocal: fc.boolean(),
  affinity: fc.boolean(),
  // "own" addresses are the Service's alone; "shared" ones collide across Services (rarely).
  externalIPs: fc.constantFrom([], [], [], ["own"], ["own"], ["own", "shared"]),
  lbIPs: fc.constantFrom([], [], ["own"], ["own"], ["own"], ["shared"]),
  ranges: fc.subarray(["192.168.1.0/24", "203.0.113.0/25"]),
  ports: fc.integer({ min: 1, max: 2 }),
  slices: fc.array(
    fc.record({ endpoints: fc.array(endpoint, { maxLength: 4 }), ports: fc.integer({ min: 0, max: 2 }) }),
    { maxLength: 2 },
  ),
});

const PORTS = [
  { name: "http", port: 80, protocol: "TCP" as const, target: 8080 },
  { name: "dns", port: 53, protocol: "UDP" as const, target: 5353 },
];

/** Service `i` (namespaces `ns` and `ns-a`, so key order differs from tuple order) and its slices. */
export function materializeShape(
  i: number,
  s: SvcShape,
  rv: string,
): { svc: Service; slices: EndpointSlice[] } {
  const ns = i % 2 === 0 ? "ns" : "ns-a";
  const name = `svc-${i}`;
  const ports = PORTS.slice(0, s.ports).map((p, j) => ({
    name: p.name,
    port: p.port,
    protocol: p.protocol,
    targetPort: p.target,
    ...(s.type === "NodePort" || s.type === "LoadBalancer" ? { nodePort: 30000 + i * 2 + j } : {}),
  }));
  const own = (list: string[], base: number, shared: string): string[] =>
    list.map((x) => (x === "own" ? `192.168.${base}.${10 + i}` : shared));
  const external = s.type === "ExternalName" ? {} : { externalIPs: own(s.externalIPs, 2, "192.168.1.200") };
  const lbIPs = own(s.lbIPs, 3, "192.168.1.240");
  const svc = service(
    ns,
    name,
    {
      type: s.type === "headless" ? "ClusterIP" : s.type,
      ...(s.type === "ExternalName" ? { externalName: "example.com" } : {}),
      clusterIP: s.type === "headless" ? "None" : `10.96.0.${10 + i}`,
      ports,
      ...external,
      ...(s.etpLocal ? { externalTrafficPolicy: "Local" } : {}),
      ...(s.itpLocal ? { internalTrafficPolicy: "Local" } : {}),
      ...(s.type === "LoadBalancer" ? { loadBalancerSourceRanges: s.ranges } : {}),
      ...(s.affinity
        ? { sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }
        : {}),
    },
    s.type === "LoadBalancer" ? { loadBalancer: { ingress: lbIPs.map((ip) => ({ ip })) } } : undefined,
  );
  svc.metadata.resourceVersion = rv;
  const slices = s.slices.map((sl, j) => {
    const out = slice(
      ns,
      name,
      sl.endpoints,
      PORTS.slice(0, sl.ports).map((p) => ({ name: p.name, port: p.target, protocol: p.protocol })),
      `s${j}xyz`,
    );
    out.metadata.resourceVersion = rv;
    return out;
  });
  return { svc, slices };
}

/** What happens to one Service between two syncs. */
export type Edit = "keep" | "replaceService" | "replaceSlices" | "inPlace" | "delete" | "add";

export const edit: fc.Arbitrary<Edit> = fc.constantFrom(
  "keep",
  "keep",
  "keep",
  "replaceService",
  "replaceSlices",
  "inPlace",
  "delete",
  "add",
);

/** A cluster as the store holds it: one entry per Service index. */
export type World = Map<number, { svc: Service; slices: EndpointSlice[] }>;

/**
 * Applies `edits[i]` with shape `shapes[i]` to Service i. "inPlace"
 * rewrites the stored objects' fields and bumps their resourceVersion,
 * as `ObjectStore.put` of an edited object does.
 */
export function applyEdits(world: World, edits: Edit[], shapes: SvcShape[], rv: string): World {
  const next: World = new Map(world);
  edits.forEach((e, i) => {
    const shape = shapes[i];
    const cur = next.get(i);
    if (!shape || e === "keep") return;
    const fresh = materializeShape(i, shape, rv);
    if (e === "delete") next.delete(i);
    else if (e === "add" || !cur) next.set(i, fresh);
    else if (e === "replaceService") next.set(i, { svc: fresh.svc, slices: cur.slices });
    else if (e === "replaceSlices") next.set(i, { svc: cur.svc, slices: fresh.slices });
    else {
      Object.assign(cur.svc, { spec: fresh.svc.spec, status: fresh.svc.status });
      cur.svc.metadata.resourceVersion = rv;
      for (const s of cur.slices) {
        s.endpoints = fresh.slices[0]?.endpoints ?? [];
        s.metadata.resourceVersion = rv;
      }
    }
  });
  return next;
}

/** The world as kube-proxy's input, Services in `order` (a permutation seed) rather than sorted. */
export function inputOf(world: World, reversed: boolean, podSubnet = "10.244.0.0/16"): ProxyInput {
  const base = SCENARIOS.nodeport?.() as ProxyInput;
  const entries = [...world.values()];
  if (reversed) entries.reverse();
  return {
    services: entries.map((e) => e.svc),
    endpointSlices: entries.flatMap((e) => e.slices),
    nodes: base.nodes,
    config: { ...base.config, podSubnet },
  };
}
