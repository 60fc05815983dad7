/**
 * Builds one node's `ip kube-proxy` table from what kube-proxy watches: a
 * full sync of `pkg/proxy/nftables/proxier.go`.
 */
import type { Node } from "../../api/types";
import type { ProxyInput } from "../types";
import { parseCidr } from "./ip";
import type { NftTable } from "./model";
import { writeServicePort } from "./perService";
import { type NameCache, servicePorts, slicesByService } from "./servicePorts";
import { setupTable } from "./setup";

/** The node's primary IPv4 address (its first InternalIP). */
export function nodeIP(nodes: readonly Node[], node: string): string | undefined {
  const n = nodes.find((x) => x.metadata.name === node);
  return n?.status?.addresses?.find((a) => a.type === "InternalIP" && /^\d+\.\d+\.\d+\.\d+$/.test(a.address))
    ?.address;
}

/**
 * The table kube-proxy programs on `node`.
 * NOTE: NodePorts are accepted on the node's primary IP only (the nftables
 * default `--nodeport-addresses primary`); localhost NodePorts never work.
 */
export function buildTable(input: ProxyInput, node: string, cache: NameCache = new Map()): NftTable {
  const ip = nodeIP(input.nodes, node);
  const serviceCIDR = parseCidr(input.config.serviceSubnet);
  const podCIDR = parseCidr(input.config.podSubnet);
  const t = setupTable({
    mark: 1 << input.config.masqueradeBit,
    serviceCIDRs: serviceCIDR ? [serviceCIDR] : [],
    nodePortIPs: ip ? [ip] : [],
  });
  const params = podCIDR ? { podCIDR, ...(ip ? { nodeIP: ip } : {}) } : ip ? { nodeIP: ip } : {};
  for (const svc of servicePorts(input.services, slicesByService(input.endpointSlices), node, cache))
    writeServicePort(t, svc, params);
  return t;
}
