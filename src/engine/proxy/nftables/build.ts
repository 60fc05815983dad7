/**
 * Builds one node's `ip kube-proxy` table from what kube-proxy watches: a
 * full sync of `pkg/proxy/nftables/proxier.go`, every object written out.
 * The data plane keeps a lazier form (liveTable.ts) that lists the same.
 */

import { parseCidr } from "../../api/ipv4";
import type { Node } from "../../api/types";
import { localTrafficCIDR } from "../localDetector";
import type { ProxyInput } from "../types";
import { NftNames } from "./hash";
import type { NftTable } from "./model";
import { writeServicePort } from "./perService";
import type { ServiceParams } from "./serviceElements";
import { servicePorts, slicesByService } from "./servicePorts";
import { type SetupParams, setupTable } from "./setup";

/** The node's primary IPv4 address (its first InternalIP). */
export function nodeIP(nodes: readonly Node[], node: string): string | undefined {
  const n = nodes.find((x) => x.metadata.name === node);
  return n?.status?.addresses?.find((a) => a.type === "InternalIP" && /^\d+\.\d+\.\d+\.\d+$/.test(a.address))
    ?.address;
}

/** The node-level inputs of a table, and a key that changes exactly when they do. */
export interface NodeParams {
  setup: SetupParams;
  service: ServiceParams;
  key: string;
}

/**
 * What the table takes from the node and the cluster configuration.
 * NOTE: NodePorts are accepted on the node's primary IP only (the nftables
 * default `--nodeport-addresses primary`); localhost NodePorts never work.
 */
export function nodeParams(input: ProxyInput, node: string): NodeParams {
  const ip = nodeIP(input.nodes, node);
  const { serviceSubnet, masqueradeBit } = input.config;
  const serviceCIDR = parseCidr(serviceSubnet);
  const local = localTrafficCIDR(input.config, input.nodes, node);
  const podCIDR = local ? parseCidr(local) : undefined;
  const masqueradeAll = input.config.masqueradeAll === true;
  return {
    setup: {
      mark: 1 << masqueradeBit,
      serviceCIDRs: serviceCIDR ? [serviceCIDR] : [],
      nodePortIPs: ip ? [ip] : [],
    },
    service: {
      names: new NftNames(),
      ...(podCIDR ? { podCIDR } : {}),
      ...(masqueradeAll ? { masqueradeAll } : {}),
      ...(ip ? { nodeIP: ip } : {}),
    },
    key: `${ip ?? ""}|${serviceSubnet}|${local}|${masqueradeBit}|${masqueradeAll}`,
  };
}

/** The table kube-proxy programs on `node`, fully written. */
export function buildTable(input: ProxyInput, node: string): NftTable {
  const params = nodeParams(input, node);
  const t = setupTable(params.setup);
  for (const svc of servicePorts(
    input.services,
    slicesByService(input.endpointSlices),
    node,
    params.service.names,
  ))
    writeServicePort(t, svc, params.service);
  return t;
}
