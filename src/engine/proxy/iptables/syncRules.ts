/** One full rule computation for a node: what `syncProxyRules` would write. */

import { isIPv4 } from "../../api/ipv4";
import type { Node } from "../../api/types";
import type { ServiceChangeTracker } from "../changeTracker";
import { type EndpointInfo, endpointsFor, slicesByService } from "../endpoints";
import { type ServicePort, servicePorts } from "../servicePort";
import { categorizeEndpoints } from "../topology";
import type { ProxyInput } from "../types";
import { ChainNamer } from "./chainNames";
import type { IptablesProxyOptions } from "./options";
import { comparePorts, newPortRules, type PortRules, type SyncBuffer } from "./portRules";
import { newRestoreBuffer } from "./restoreBuffer";
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

/**
 * Computes every rule for `node`. Service ports are visited sorted by their
 * ServicePortName (kube-proxy walks a Go map, i.e. in random order; its tests
 * sort the same way). A port of a Service the tracker reports unchanged
 * reuses its part in `previous` as it is (and its parsed KUBE-SERVICES rules);
 * without a tracker every port is computed afresh.
 */
export function computeRules(
  input: ProxyInput,
  node: string,
  options: IptablesProxyOptions,
  previous?: SyncBuffer,
  tracker?: ServiceChangeTracker,
): SyncOutput {
  const ports: ServicePort[] = [];
  for (const svc of input.services) ports.push(...servicePorts(svc));
  ports.sort(comparePorts);
  const slices = slicesByService(input.endpointSlices);
  const changed = tracker?.sync(input.services, slices);
  const sliceList = ports.map((sp) => slices.get(`${sp.namespace}/${sp.name}`));
  // Both lists are in comparePorts order: walk them together to find each port's previous part.
  const before = previous?.ports ?? [];
  let j = 0;
  const reused: (PortRules | undefined)[] = [];
  const eps: (readonly EndpointInfo[])[] = [];
  let total = 0;
  ports.forEach((sp, i) => {
    while (j < before.length && comparePorts(before[j]!.sp, sp) < 0) j++;
    const old = before[j];
    const same =
      old !== undefined &&
      changed !== undefined &&
      comparePorts(old.sp, sp) === 0 &&
      !changed.has(`${sp.namespace}/${sp.name}`);
    reused.push(same ? old : undefined);
    const e = same ? old.endpoints : endpointsFor(sp, sliceList[i]);
    eps.push(e);
    total += e.length;
  });
  const env: SyncEnv = {
    options,
    nodeIPs: nodeAddresses(input.nodes, node),
    largeCluster: total > options.largeClusterEndpointsThreshold,
    names: new ChainNamer(),
    probabilities: [],
  };
  const envKey = JSON.stringify([node, options, env.nodeIPs, env.largeCluster]);
  const sameEnv = previous?.env === envKey;
  const head = newRestoreBuffer();
  writeTopHead(head, options);
  const parts = ports.map((sp, i) => {
    const old = reused[i];
    if (old && sameEnv) return old;
    const e = eps[i]!;
    return newPortRules(
      sp,
      e,
      categorizeEndpoints(sp, e, (ep) => ep.nodeName === node),
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
