/** One full rule computation for a node: what `syncProxyRules` would write. */

import { isIPv4 } from "../../api/ipv4";
import type { EndpointSlice, Node, Service } from "../../api/types";
import { type ServiceChangeTracker, serviceKey } from "../changeTracker";
import { type EndpointInfo, endpointsFor, slicesByService, sortByAddress } from "../endpoints";
import { type ServicePort, servicePorts } from "../servicePort";
import { categorizeEndpoints } from "../topology";
import type { ProxyInput } from "../types";
import { ChainNamer } from "./chainNames";
import type { IptablesProxyOptions } from "./options";
import { comparePorts, newPortRules, type PortRules, type SyncBuffer } from "./portRules";
import { newCountingBuffer, newRestoreBuffer } from "./restoreBuffer";
import type { SyncEnv } from "./serviceRules";
import { writeTopHead, writeTopTail } from "./topRules";

/** The node's IPv4 addresses from `status.addresses`, InternalIP first. */
export function nodeAddresses(nodes: readonly Node[], node: string): string[] {
  const n = nodes.find((x) => x.metadata.name === node);
  const addrs = n?.status?.addresses ?? [];
  const pick = (type: string) =>
    addrs.filter((a) => a.type === type && isIPv4(a.address)).map((a) => a.address);
  return [...pick("InternalIP"), ...pick("ExternalIP")];
}

export interface SyncOutput {
  buffer: SyncBuffer;
  servicePorts: number;
  endpoints: number;
  largeCluster: boolean;
}

/** A Service's ports with their endpoints, as the change tracker's change gives them. */
interface PortEndpoints {
  key: string;
  sp: ServicePort;
  endpoints: readonly EndpointInfo[];
}

/** A previous sync's part (kept) rather than a port read afresh. */
const isPart = (p: PortRules | PortEndpoints): p is PortRules => "counts" in p;

function portsOf(
  key: string,
  svc: Service,
  slices: readonly EndpointSlice[] | undefined,
  out: PortEndpoints[],
) {
  const ports = servicePorts(svc);
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i]!;
    out.push({ key, sp, endpoints: sortByAddress(endpointsFor(sp, slices)) });
  }
}

function byPort(a: PortEndpoints, b: PortEndpoints): number {
  return comparePorts(a.sp, b.sp);
}

/** Sorts `ports` in `comparePorts` order (ports read from a sorted store already are: one pass checks). */
function inPortOrder(ports: PortEndpoints[]): PortEndpoints[] {
  for (let i = 1; i < ports.length; i++) if (byPort(ports[i - 1]!, ports[i]!) > 0) return ports.sort(byPort);
  return ports;
}

/**
 * The service ports of this sync in `comparePorts` order: the previous
 * sync's parts of Services the tracker reports unchanged, and the ports of
 * the changed ones read afresh (every one on the first sync). Without a
 * tracker, or with two Services of one key in the input, every port is
 * read afresh.
 */
function currentPorts(
  input: ProxyInput,
  previous: SyncBuffer | undefined,
  tracker: ServiceChangeTracker | undefined,
): (PortRules | PortEndpoints)[] {
  const t = tracker?.sync(input.services, input.endpointSlices);
  const fresh: PortEndpoints[] = [];
  if (!t || t.duplicates) {
    const slices = slicesByService(input.endpointSlices);
    for (const svc of input.services) {
      const key = serviceKey(svc);
      portsOf(key, svc, slices.get(key), fresh);
    }
    return inPortOrder(fresh);
  }
  // Indexed loops and forEach: these run once per sync over every Service, mostly before the
  // compiler has warmed to them, where for-of makes an iterator result per element.
  t.changed.forEach((c) => {
    if (c.service) portsOf(c.key, c.service, c.slices, fresh);
  });
  inPortOrder(fresh);
  // Both lists are in comparePorts order: merge them.
  const out: (PortRules | PortEndpoints)[] = [];
  let j = 0;
  const kept = previous?.ports ?? [];
  for (let i = 0; i < kept.length; i++) {
    const p = kept[i]!;
    if (t.changed.has(p.key)) continue;
    while (j < fresh.length && comparePorts(fresh[j]!.sp, p.sp) < 0) out.push(fresh[j++]!);
    out.push(p);
  }
  while (j < fresh.length) out.push(fresh[j++]!);
  return out;
}

/**
 * Computes every rule for `node`. Service ports are visited sorted by their
 * ServicePortName (kube-proxy walks a Go map, i.e. in random order; its tests
 * sort the same way). A Service the tracker reports unchanged keeps its
 * part of `previous` as it is (and its parsed KUBE-SERVICES rules) unless a
 * sync-wide setting changed; without a tracker every port is computed afresh.
 */
export function computeRules(
  input: ProxyInput,
  node: string,
  options: IptablesProxyOptions,
  previous?: SyncBuffer,
  tracker?: ServiceChangeTracker,
): SyncOutput {
  const ports = currentPorts(input, previous, tracker);
  let total = 0;
  for (let i = 0; i < ports.length; i++) total += ports[i]!.endpoints.length;
  const env: SyncEnv = {
    options,
    nodeIPs: nodeAddresses(input.nodes, node),
    largeCluster: total > options.largeClusterEndpointsThreshold,
    names: new ChainNamer(),
    probabilities: [],
    counting: newCountingBuffer(),
  };
  const envKey = JSON.stringify([node, options, env.nodeIPs, env.largeCluster]);
  const sameEnv = previous?.env === envKey;
  const head = newRestoreBuffer();
  writeTopHead(head, options);
  const parts = ports.map((p) => {
    if (isPart(p) && sameEnv) return p;
    return newPortRules(
      p.key,
      p.sp,
      p.endpoints,
      categorizeEndpoints(p.sp, p.endpoints, (ep) => ep.nodeName === node),
      env,
    );
  });
  const tail = newRestoreBuffer();
  writeTopTail(tail, options, env.nodeIPs);
  return {
    buffer: { env: envKey, head, ports: parts, tail },
    servicePorts: ports.length,
    endpoints: total,
    largeCluster: env.largeCluster,
  };
}
