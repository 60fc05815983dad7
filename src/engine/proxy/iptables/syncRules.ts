/** One full rule computation for a node: what `syncProxyRules` would write. */
import type { Node } from "../../api/types";
import type { ProxyInput } from "../types";
import { categorizeEndpoints, endpointsFor, slicesByService } from "./endpoints";
import { parseIPv4 } from "./netfilter/addr";
import type { IptablesProxyOptions } from "./options";
import { newPortRules, portIndex, type SyncBuffer, samePortInput } from "./portRules";
import { newRestoreBuffer } from "./restoreBuffer";
import { type ServicePortInfo, servicePorts } from "./servicePorts";
import type { SyncEnv } from "./serviceRules";
import { writeTopHead, writeTopTail } from "./topRules";

/** The node's IPv4 addresses from `status.addresses`, InternalIP first. */
export function nodeAddresses(nodes: readonly Node[], node: string): string[] {
  const n = nodes.find((x) => x.metadata.name === node);
  const addrs = n?.status?.addresses ?? [];
  const pick = (type: string) =>
    addrs.filter((a) => a.type === type && parseIPv4(a.address) !== undefined).map((a) => a.address);
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
 * sort the same way). A port whose inputs match its part in `previous` reuses
 * that part as it is (and its parsed KUBE-SERVICES rules).
 */
export function computeRules(
  input: ProxyInput,
  node: string,
  options: IptablesProxyOptions,
  previous?: SyncBuffer,
): SyncOutput {
  const ports: ServicePortInfo[] = [];
  for (const svc of input.services) ports.push(...servicePorts(svc));
  ports.sort((a, b) =>
    a.nameString < b.nameString
      ? -1
      : a.nameString > b.nameString
        ? 1
        : a.protocol < b.protocol
          ? -1
          : a.protocol > b.protocol
            ? 1
            : 0,
  );
  const slices = slicesByService(input.endpointSlices);
  const eps = ports.map((sp) => endpointsFor(sp, slices.get(`${sp.namespace}/${sp.name}`)));
  let total = 0;
  for (const e of eps) total += e.length;
  const env: SyncEnv = {
    options,
    nodeIPs: nodeAddresses(input.nodes, node),
    largeCluster: total > options.largeClusterEndpointsThreshold,
  };
  const envKey = JSON.stringify([node, options, env.nodeIPs, env.largeCluster]);
  const reuse = previous?.env === envKey ? portIndex(previous) : undefined;
  const head = newRestoreBuffer();
  writeTopHead(head, options);
  const parts = ports.map((sp, i) => {
    const key = `${sp.nameString} ${sp.protocol}`;
    const old = reuse?.get(key);
    if (old && samePortInput(old, sp, eps[i]!)) return old;
    return newPortRules(key, sp, eps[i]!, categorizeEndpoints(sp, eps[i]!, node), env);
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
