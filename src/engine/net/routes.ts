/**
 * A simple routed pod network, as kindnet or flannel's host-gw set it up:
 * each node has a `cni0` bridge holding its podCIDR's first address, pods
 * hang off it by veth pairs, and each node routes every other node's
 * podCIDR via that node's InternalIP. Nothing routes ClusterIPs: only
 * kube-proxy's DNAT makes them reachable.
 *
 * Where a pod's address is in no node's podCIDR (EKS's VPC CNI gives pods addresses from the
 * VPC's subnets, and its nodes have no podCIDR; Calico allocates from its own pools), the pod is
 * found by its address: a host route `IP dev VETH scope link` on its own node, and from any
 * other node the default route, the network (the VPC) delivering it to the node holding it.
 *
 * NOTE: node subnets are taken to be /24 with the gateway at .1; a real
 * node's prefix comes from DHCP or its network config.
 */

import { type Cidr, cidrOf, formatCidr, type IPv4, ipToNumber, numberToIp } from "../api/ipv4";
import {
  type AddressIndex,
  isLocalAddress,
  type NodeAddress,
  nodeOfPodIp,
  type PodAddress,
} from "./addresses";

export type RouteDecision =
  | { kind: "local"; route: string }
  | { kind: "pod"; dev: string; pod?: PodAddress; route: string }
  | { kind: "node"; node: NodeAddress; via: string; dev: "eth0"; route: string }
  | { kind: "external"; via: string; dev: "eth0"; route: string };

/** The /24 a node's InternalIP sits in. */
export function nodeSubnet(ip: string): Cidr {
  return cidrOf(ipToNumber(ip) ?? (0 as IPv4), 24);
}

/** The default gateway of a node's subnet (.1). */
export function nodeGateway(ip: string): string {
  return numberToIp(nodeSubnet(ip).network + 1);
}

/** The host-side veth name of a pod, as the bridge plugin names it (`veth` + 8 hex digits). */
export function vethName(pod: PodAddress): string {
  if (pod.veth === undefined) {
    const uid = pod.pod.metadata.uid ?? `${pod.namespace}/${pod.name}`;
    pod.veth = `veth${uid.replace(/-/g, "").slice(0, 8).padEnd(8, "0")}`;
  }
  return pod.veth;
}

function cidrText(n: NodeAddress): string {
  return n.podCidrText ?? (n.podCidr ? formatCidr(n.podCidr) : "");
}

/** The routing decision on `node` for a packet to `dst` (after PREROUTING/OUTPUT DNAT). */
export function routeOnNode(index: AddressIndex, node: string, dst: string): RouteDecision {
  if (isLocalAddress(index, node, dst)) return { kind: "local", route: `local ${dst} dev lo table local` };
  const self = index.nodeByName.get(node);
  const owner = nodeOfPodIp(index, dst);
  if (owner && owner.name === node && owner.podCidr) {
    const pod = index.podByIp.get(dst);
    const dev = pod ? vethName(pod) : "cni0";
    return {
      kind: "pod",
      dev,
      pod,
      route: `${cidrText(owner)} dev cni0 proto kernel scope link src ${owner.bridgeIp}`,
    };
  }
  if (owner?.ip && owner.podCidr) {
    return {
      kind: "node",
      node: owner,
      via: owner.ip,
      dev: "eth0",
      route: `${cidrText(owner)} via ${owner.ip} dev eth0`,
    };
  }
  const unrouted = owner ? undefined : index.podByIp.get(dst);
  const holder = unrouted?.node ? index.nodeByName.get(unrouted.node) : undefined;
  if (unrouted && holder?.name === node) {
    const dev = vethName(unrouted);
    return { kind: "pod", dev, pod: unrouted, route: `${dst} dev ${dev} scope link` };
  }
  if (holder?.ip && self?.ip) {
    const gw = nodeGateway(self.ip);
    return {
      kind: "node",
      node: holder,
      via: gw,
      dev: "eth0",
      route: `default via ${gw} dev eth0 proto static`,
    };
  }
  const peer = index.nodeByIp.get(dst);
  if (peer?.ip && self?.ip) {
    return {
      kind: "node",
      node: peer,
      via: peer.ip,
      dev: "eth0",
      route: `${formatCidr(nodeSubnet(self.ip))} dev eth0 proto kernel scope link src ${self.ip}`,
    };
  }
  const gw = self?.ip ? nodeGateway(self.ip) : "0.0.0.0";
  return { kind: "external", via: gw, dev: "eth0", route: `default via ${gw} dev eth0 proto static` };
}

/** `ip route` on a node: default, its own podCIDR on cni0, peers' podCIDRs, its subnet. */
export function nodeRouteTable(index: AddressIndex, node: string): string[] {
  const self = index.nodeByName.get(node);
  if (!self?.ip) return [];
  const rows: { key: number; text: string }[] = [];
  for (const n of index.nodes) {
    if (!n.podCidr) continue;
    if (n.name === node) {
      rows.push({
        key: n.podCidr.network,
        text: `${formatCidr(n.podCidr)} dev cni0 proto kernel scope link src ${n.bridgeIp}`,
      });
    } else if (n.ip) {
      rows.push({ key: n.podCidr.network, text: `${formatCidr(n.podCidr)} via ${n.ip} dev eth0` });
    }
  }
  if (!self.podCidr)
    for (const pod of index.podsByNode.get(node) ?? [])
      if (pod.ip && !pod.hostNetwork && !nodeOfPodIp(index, pod.ip))
        rows.push({ key: ipToNumber(pod.ip) ?? 0, text: `${pod.ip} dev ${vethName(pod)} scope link` });
  const subnet = nodeSubnet(self.ip);
  rows.push({
    key: subnet.network,
    text: `${formatCidr(subnet)} dev eth0 proto kernel scope link src ${self.ip}`,
  });
  rows.sort((a, b) => a.key - b.key);
  return [`default via ${nodeGateway(self.ip)} dev eth0 proto static`, ...rows.map((r) => r.text)];
}

/**
 * `ip route` inside a pod: default via the bridge, and the node's podCIDR on eth0. A pod on a
 * node without a podCIDR has the VPC CNI's link-local gateway instead.
 */
export function podRouteTable(index: AddressIndex, pod: PodAddress): string[] {
  const node = pod.node ? index.nodeByName.get(pod.node) : undefined;
  if (!pod.ip) return [];
  if (node && !node.podCidr) return ["default via 169.254.1.1 dev eth0", "169.254.1.1 dev eth0 scope link"];
  if (!node?.podCidr) return [];
  return [
    `default via ${node.bridgeIp} dev eth0`,
    `${formatCidr(node.podCidr)} dev eth0 proto kernel scope link src ${pod.ip}`,
  ];
}
