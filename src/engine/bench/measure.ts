/**
 * One row of the lookup-cost experiment: build one node's data plane for a
 * synthetic cluster in one mode, then trace real packets through it and
 * count what the evaluation did.
 */
import type { ProxyMode } from "../api/configTypes";
import { ipToNumber } from "../api/ipv4";
import type { Packet } from "../net/types";
import { createProxyModes } from "../proxy/modes";
import type { NodeDataPlane, ProxyInput } from "../proxy/types";
import { Prng } from "../util/prng";
import type { LookupRow } from "./contract";
import { modelledLatencyMs } from "./model";
import {
  CLIENT_POD_IP,
  MEASURED_NODE,
  nodeOfPodIP,
  SYNTHETIC_NODES,
  syntheticClusterIP,
  syntheticInput,
  syntheticServiceName,
  withOneMoreEndpoint,
} from "./synthetic";
import { type PacketCost, type TraceSetting, tracePacket } from "./trace";

export interface RowSpec {
  mode: ProxyMode;
  services: number;
  endpointsPerService: number;
  samples: number;
  seed: number;
}

/** The client pod's first ephemeral port (net.ipv4.ip_local_port_range). */
const FIRST_SPORT = 32768;
const CLIENT_VETH = "veth3c1a2f00";
const MEASURED_NODE_IP = SYNTHETIC_NODES.find((n) => n.name === MEASURED_NODE)?.ip ?? "";

function setting(mode: ProxyMode, services: number, prng: Prng): TraceSetting {
  const first = syntheticClusterIP(0);
  const last = syntheticClusterIP(services - 1);
  const lo = ipToNumber(first)!;
  const hi = ipToNumber(last)!;
  const isClusterIP = (ip: string): boolean => {
    const n = ipToNumber(ip);
    return n !== undefined && n >= lo && n <= hi;
  };
  return {
    mode,
    node: MEASURED_NODE,
    inInterface: CLIENT_VETH,
    // IPVS binds every ClusterIP to kube-ipvs0, making it a local address of the node.
    isLocal: (ip) => ip === MEASURED_NODE_IP || (mode === "ipvs" && isClusterIP(ip)),
    outInterface: (ip) => (nodeOfPodIP(ip) === MEASURED_NODE ? "veth5e2b9a01" : "eth0"),
    random: () => prng.next(),
    nowMs: 1_000,
  };
}

function firstPacket(service: number, sport: number): Packet {
  return {
    proto: "TCP",
    src: CLIENT_POD_IP,
    sport,
    dst: syntheticClusterIP(service),
    dport: 80,
    mark: 0,
    bytes: 60,
    flags: ["SYN"],
  };
}

/** A first packet must leave DNATed to an endpoint; anything else means the data plane is wrong. */
function checkDelivered(mode: ProxyMode, service: number, cost: PacketCost): void {
  if (
    cost.verdict !== "ACCEPT" ||
    cost.packet.dst === syntheticClusterIP(service) ||
    cost.packet.dport !== 8080
  ) {
    throw new Error(
      `lookup experiment: ${mode} did not DNAT ${syntheticServiceName(service)} ` +
        `(${syntheticClusterIP(service)}:80 → ${cost.packet.dst}:${cost.packet.dport}, ${cost.verdict})`,
    );
  }
}

/**
 * The later packet of the same connection as the node sees it: conntrack
 * has already applied the connection's DNAT (iptables, nftables); for IPVS
 * the packet still carries the ClusterIP, and IPVS finds its connection.
 */
function establishedPacket(mode: ProxyMode, first: Packet, after: Packet): Packet {
  const p: Packet = { ...first, flags: ["ACK"], bytes: 52 };
  return mode === "ipvs" ? p : { ...p, dst: after.dst, dport: after.dport };
}

/**
 * Builds the data plane, traces the sample, measures a one-endpoint change.
 * `cluster` is the synthetic cluster of this size when the caller already
 * made it (for another mode: only the configured mode differs).
 */
export function measureRow(spec: RowSpec, now: () => number, cluster?: ProxyInput): LookupRow {
  const { mode, services, endpointsPerService } = spec;
  if (services < 1) throw new RangeError("lookup experiment: at least one Service");
  const prng = new Prng(spec.seed);
  const sample: number[] = [];
  for (let i = 0; i < spec.samples; i++) sample.push(prng.intn(services));
  const input = cluster
    ? { ...cluster, config: { ...cluster.config, proxyMode: mode } }
    : syntheticInput(services, endpointsPerService, mode);
  const impl = createProxyModes()[mode];
  let plane: NodeDataPlane = impl.build(input, MEASURED_NODE);
  const s = setting(mode, services, prng);

  const packets = sample.map((svc, k) => firstPacket(svc, FIRST_SPORT + k));
  const t0 = now();
  const costs = packets.map((p) => tracePacket(plane, s, p, "NEW"));
  const elapsedMs = now() - t0;
  costs.forEach((c, k) => {
    checkDelivered(mode, sample[k]!, c);
  });

  const lastPacket = firstPacket(services - 1, FIRST_SPORT + spec.samples);
  const lastCost = tracePacket(plane, s, lastPacket, "NEW");
  checkDelivered(mode, services - 1, lastCost);

  const established = packets.map((p, k) =>
    tracePacket(plane, s, establishedPacket(mode, p, costs[k]!.packet), "ESTABLISHED"),
  );

  const dataPlaneSize = plane.size().primary;
  const changed = withOneMoreEndpoint(input, 0);
  if (plane.sync) plane.sync(changed);
  else plane = impl.build(changed, MEASURED_NODE);
  const syncRulesWritten = plane.lastSyncWrites();

  const meanRulesEvaluated = mean(costs.map((c) => c.rulesEvaluated));
  const meanLookups = mean(costs.map((c) => c.lookups));
  return {
    mode,
    services,
    endpointsPerService,
    dataPlaneSize,
    meanRulesEvaluated,
    worstRulesEvaluated: costs.reduce((m, c) => Math.max(m, c.rulesEvaluated), lastCost.rulesEvaluated),
    meanLookups,
    establishedRulesEvaluated: mean(established.map((c) => c.rulesEvaluated)),
    establishedLookups: mean(established.map((c) => c.lookups)),
    syncRulesWritten,
    nsPerPacket: packets.length ? (elapsedMs / packets.length) * 1e6 : 0,
    nsPerRule:
      packets.length && meanRulesEvaluated ? ((elapsedMs / packets.length) * 1e6) / meanRulesEvaluated : 0,
    modelledLatencyMs: modelledLatencyMs(meanRulesEvaluated, meanLookups),
  };
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}
