import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultClusterConfig } from "../cluster";
import type { Packet } from "../net/types";
import { Prng } from "../util/prng";
import { endpointsFor, slicesByService } from "./endpoints";
import { node, service, slice, type TestEndpoint } from "./iptables/objects.testkit";
import { createProxyModes } from "./modes";
import { servicePorts } from "./servicePort";
import { categorizeEndpoints } from "./topology";
import type { HookContext, NodeDataPlane, ProxyInput } from "./types";

/**
 * The three modes read Services and EndpointSlices through one core
 * (ServicePort, endpoints, CategorizeEndpoints): for generated clusters they
 * send each Service's cluster traffic (a pod on another node → ClusterIP)
 * and external traffic (an outside client → this node's NodePort) to the
 * same endpoints. The one documented difference: under a Local policy with
 * no local endpoint IPVS falls back to the usable endpoints cluster-wide,
 * where iptables and nftables drop.
 */

const NODE = "node-1";
const NODE_IP = "192.168.1.10";
const NODES = [node(NODE, NODE_IP), node("node-2", "192.168.1.11"), node("node-3", "192.168.1.12")];
const PROBES = 48;

const endpointArb = fc.record({
  host: fc.integer({ min: 1, max: 6 }),
  node: fc.constantFrom(NODE, "node-2", "node-3", undefined),
  state: fc.constantFrom("ready", "ready", "ready", "terminating-serving", "terminating", "not-ready"),
});

const serviceArb = fc.record({
  type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer"),
  iTPLocal: fc.boolean(),
  eTPLocal: fc.boolean(),
  endpoints: fc.array(endpointArb, { maxLength: 5 }),
});

type ServiceShape = typeof serviceArb extends fc.Arbitrary<infer T> ? T : never;

function toEndpoint(e: ServiceShape["endpoints"][number], i: number): TestEndpoint {
  const ip = `10.244.${i}.${e.host}`;
  const base = e.node ? { ip, nodeName: e.node } : { ip };
  switch (e.state) {
    case "ready":
      return { ...base, ready: true, serving: true, terminating: false };
    case "terminating-serving":
      return { ...base, ready: false, serving: true, terminating: true };
    case "terminating":
      return { ...base, ready: false, serving: false, terminating: true };
    default:
      return { ...base, ready: false, serving: false, terminating: false };
  }
}

function clusterOf(shapes: ServiceShape[]): ProxyInput {
  const services = shapes.map((s, i) => {
    const external = s.type !== "ClusterIP";
    return service("default", `svc-${i}`, {
      type: s.type,
      clusterIP: `10.96.0.${20 + i}`,
      clusterIPs: [`10.96.0.${20 + i}`],
      ports: [
        {
          name: "http",
          port: 80,
          targetPort: 8080,
          protocol: "TCP",
          ...(external ? { nodePort: 30080 + i } : {}),
        },
      ],
      ...(s.iTPLocal ? { internalTrafficPolicy: "Local" } : {}),
      ...(external ? { externalTrafficPolicy: s.eTPLocal ? "Local" : "Cluster" } : {}),
    });
  });
  const endpointSlices = shapes.map((s, i) =>
    slice(
      "default",
      `svc-${i}`,
      [{ name: "http", port: 8080 }],
      s.endpoints.map((e) => toEndpoint(e, i)),
    ),
  );
  return { services, endpointSlices, nodes: NODES, config: defaultClusterConfig() };
}

function hookContext(random: () => number, nowMs: number): HookContext {
  return { node: NODE, ctState: "NEW", dstIsLocal: true, srcIsLocal: false, random, nowMs };
}

/** Where a NEW packet is DNATed on this node (PREROUTING, then INPUT as IPVS does it); undefined when refused. */
function dnatOf(plane: NodeDataPlane, p: Packet, ctx: HookContext): string | undefined {
  const pre = plane.hook("PREROUTING", p, ctx);
  if (pre.dnat) return `${pre.dnat.ip}:${pre.dnat.port}`;
  if (pre.verdict !== "ACCEPT") return undefined;
  const input = plane.hook("INPUT", pre.packet, ctx);
  return input.dnat && input.verdict === "ACCEPT" ? `${input.dnat.ip}:${input.dnat.port}` : undefined;
}

/** The endpoints `PROBES` new connections reach, from distinct client ports. */
function reached(plane: NodeDataPlane, src: string, dst: string, dport: number, seed: number): string[] {
  const prng = new Prng(seed);
  const out = new Set<string>();
  for (let i = 0; i < PROBES; i++) {
    const p: Packet = { proto: "TCP", src, sport: 40000 + i, dst, dport, mark: 0, bytes: 60, flags: ["SYN"] };
    const at = dnatOf(
      plane,
      p,
      hookContext(() => prng.next(), 1_000 + i),
    );
    if (at) out.add(at);
  }
  return [...out].sort();
}

describe("the three proxy modes agree on the endpoints each Service uses", () => {
  it("for cluster and external traffic, on generated clusters", () => {
    fc.assert(
      fc.property(
        fc.array(serviceArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (shapes, seed) => {
          const input = clusterOf(shapes);
          const modes = createProxyModes();
          const planes = {
            iptables: modes.iptables.build(input, NODE),
            ipvs: modes.ipvs.build(input, NODE),
            nftables: modes.nftables.build(input, NODE),
          };
          const slices = slicesByService(input.endpointSlices);
          input.services.forEach((svc, i) => {
            const sp = servicePorts(svc)[0]!;
            const all = endpointsFor(sp, slices.get(`default/${svc.metadata.name}`));
            const c = categorizeEndpoints(sp, all, (e) => e.nodeName === NODE);
            const fallback = categorizeEndpoints(
              { ...sp, internalPolicyLocal: false, externalPolicyLocal: false },
              all,
              () => false,
            )
              .cluster.map((e) => e.str)
              .sort();
            const traffic = [
              {
                kind: "cluster",
                src: "10.244.9.9",
                dst: sp.clusterIP,
                port: sp.port,
                local: sp.internalPolicyLocal,
              },
              ...(sp.nodePort
                ? [
                    {
                      kind: "external",
                      src: "203.0.113.7",
                      dst: NODE_IP,
                      port: sp.nodePort,
                      local: sp.externalPolicyLocal,
                    },
                  ]
                : []),
            ];
            for (const t of traffic) {
              const got = Object.fromEntries(
                Object.entries(planes).map(([mode, plane]) => [
                  mode,
                  reached(plane, t.src, t.dst, t.port, seed + i),
                ]),
              );
              const want = (t.local ? c.local : c.cluster).map((e) => e.str).sort();
              const what = `${svc.metadata.name} ${t.kind} traffic`;
              expect(got.iptables, what).toEqual(want);
              expect(got.nftables, what).toEqual(want);
              expect(got.ipvs, what).toEqual(t.local && want.length === 0 ? fallback : want);
            }
          });
        },
      ),
      { seed: 1616, numRuns: 60 },
    );
    // 60 generated clusters × three modes: a generous limit, so a loaded machine does not fail it.
  }, 60_000);
});
