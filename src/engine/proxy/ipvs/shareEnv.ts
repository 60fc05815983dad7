/** The node's settings every Service's share is written under: its addresses and the scheduler. */
import type { IpvsScheduler } from "../../api/configTypes";
import { isIPv4 } from "../../api/ipv4";
import type { Node } from "../../api/types";
import type { ProxyInput } from "../types";
import { ShareWriter } from "./shareWriter";

/**
 * The node's addresses kube-proxy makes NodePort virtual servers on.
 * NOTE: real kube-proxy uses every local address except loopback, link-local
 * and those on kube-ipvs0 (so cni0/docker0 addresses get NodePort VSs too);
 * the simulation knows only the Node's InternalIP/ExternalIP addresses.
 */
export function nodeAddresses(node: Node | undefined): string[] {
  const out: string[] = [];
  for (const a of node?.status?.addresses ?? []) {
    if (
      (a.type === "InternalIP" || a.type === "ExternalIP") &&
      isIPv4(a.address) &&
      !out.includes(a.address)
    ) {
      out.push(a.address);
    }
  }
  return out;
}

/** What every Service's share depends on besides the Service: the node, its addresses, the scheduler. */
export interface ShareEnv {
  node: string;
  nodeIPs: readonly string[];
  scheduler: IpvsScheduler;
  schedFlags: string[];
  /** The work lists this sync's shares are collected in, one Service at a time. */
  writer: ShareWriter;
}

/** The node's share settings from kube-proxy's input. */
export function shareEnv(input: ProxyInput, node: string): ShareEnv {
  const scheduler = input.config.ipvsScheduler || "rr";
  return {
    node,
    nodeIPs: nodeAddresses(input.nodes.find((n) => n.metadata.name === node)),
    scheduler,
    schedFlags: scheduler === "mh" ? ["mh-port"] : [],
    writer: new ShareWriter(),
  };
}
