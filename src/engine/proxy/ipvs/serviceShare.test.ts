import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EndpointSlice, Service } from "../../api/types";
import { endpointsFor } from "../endpoints";
import { servicePorts } from "../servicePort";
import { categorizeEndpoints } from "../topology";
import { serviceShare } from "./serviceShare";
import { type DesiredVS, ShareWriter } from "./shareWriter";

const NODE = "worker";
const NODE_IP = "172.18.0.3";

/** Conditions, mostly ready (so that every endpoint of a port often is). */
const CONDITIONS = [
  undefined,
  undefined,
  { ready: true },
  { ready: true, serving: true, terminating: false },
  { ready: false, serving: true, terminating: true },
  { ready: false, serving: false, terminating: false },
  { ready: false },
];

const endpoint = fc.record({
  addresses: fc.tuple(fc.constantFrom("10.244.1.2", "10.244.1.3", "10.244.2.2", "10.244.2.3", "fe80::1")),
  nodeName: fc.constantFrom(NODE, "other", ""),
  conditions: fc.constantFrom(...CONDITIONS),
});

const world = fc.record({
  internalLocal: fc.boolean(),
  externalLocal: fc.boolean(),
  slices: fc.array(
    fc.record({ port: fc.constantFrom(8080, 9090), endpoints: fc.array(endpoint, { maxLength: 6 }) }),
    { maxLength: 3 },
  ),
});

function service(internalLocal: boolean, externalLocal: boolean): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "web", namespace: "default" },
    spec: {
      type: "NodePort",
      clusterIP: "10.96.0.20",
      ports: [{ name: "http", port: 80, protocol: "TCP", nodePort: 30080 }],
      internalTrafficPolicy: internalLocal ? "Local" : "Cluster",
      externalTrafficPolicy: externalLocal ? "Local" : "Cluster",
    },
  } as Service;
}

function slice(i: number, port: number, endpoints: EndpointSlice["endpoints"]): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name: `web-${i}`,
      namespace: "default",
      labels: { "kubernetes.io/service-name": "web" },
      uid: `uid-${i}`,
      creationTimestamp: "2026-01-05T09:00:00Z",
      resourceVersion: "1",
    },
    addressType: "IPv4",
    ports: [{ name: "http", port, protocol: "TCP" }],
    endpoints,
  } as EndpointSlice;
}

const texts = (d: DesiredVS) => Array.from({ length: d.dests.length }, (_, i) => d.dests.str(i));

describe("IPVS real servers", () => {
  it("are the categorised endpoints under each policy, the usable ones cluster-wide when a Local policy finds none", () => {
    fc.assert(
      fc.property(world, ({ internalLocal, externalLocal, slices: raw }) => {
        const svc = service(internalLocal, externalLocal);
        const slices = raw.map((s, i) => slice(i, s.port, s.endpoints));
        const share = serviceShare(svc, slices, {
          node: NODE,
          nodeIPs: [NODE_IP],
          scheduler: "rr",
          schedFlags: [],
          writer: new ShareWriter(),
        });
        const sp = servicePorts(svc)[0]!;
        const all = endpointsFor(sp, slices);
        const cat = categorizeEndpoints(sp, all, (e) => e.nodeName === NODE);
        const anywhere = categorizeEndpoints(
          { ...sp, internalPolicyLocal: false, externalPolicyLocal: false },
          all,
          () => false,
        ).cluster;
        const want = (local: boolean) =>
          (local ? (cat.local.length > 0 ? cat.local : anywhere) : cat.cluster).map((e) => e.str);
        const [clusterIP, nodePort] = share.virtualServers;
        expect(texts(clusterIP!)).toEqual(want(internalLocal));
        expect(texts(nodePort!)).toEqual(want(externalLocal));
      }),
      { seed: 18, numRuns: 400 },
    );
  });
});
