/** The node's whole desired state, assembled from every Service's share. */
import { emptyIpsets, IPSET_INFO, SET_NUMBER } from "./ipsets";
import { addressWord } from "./setTable";
import { type DesiredVS, isKeyed, type ServiceShare } from "./shareWriter";
import type { WrittenIpset } from "./writtenIpset";

/** What kube-proxy wants on the node: its virtual servers, kube-ipvs0's addresses and its ipsets. */
export interface DesiredState {
  virtualServers: Map<string, DesiredVS>;
  ipvsAddresses: string[];
  ipsets: Map<string, WrittenIpset>;
  nodeIPs: string[];
}

/**
 * The desired state from every Service's share, in input order: a virtual
 * server named twice keeps its first place and its last definition, set
 * members and kube-ipvs0 addresses their first place (as one pass over the
 * Services adding to maps and sets leaves them).
 */
export function assemble(shares: readonly ServiceShare[], nodeIPs: string[]): DesiredState {
  const virtualServers = new Map<string, DesiredVS>();
  // Each set's table sized once for the entries it may take.
  const counts = new Array<number>(IPSET_INFO.length).fill(0);
  const ips = SET_NUMBER.get("KUBE-IPVS-IPS")!;
  // Indexed loops: these run once per sync over every Service, before the compiler has warmed to them.
  for (let k = 0; k < shares.length; k++) {
    const share = shares[k]!;
    const e = share.entries;
    for (let i = 0; i < e.length; i += 4) counts[e[i]!]!++;
    counts[ips]! += share.virtualServers.length;
  }
  const ipsets = emptyIpsets(counts);
  // In kube-proxy's order: a set's number is its place.
  const sets = [...ipsets.values()];
  // KUBE-IPVS-IPS holds exactly the addresses bound to kube-ipvs0 (no share adds to it otherwise).
  const bound = ipsets.get("KUBE-IPVS-IPS")!;
  const ipvsAddresses: string[] = [];
  for (let k = 0; k < shares.length; k++) {
    const share = shares[k]!;
    const vss = share.virtualServers;
    for (let v = 0; v < vss.length; v++) virtualServers.set(vss[v]!.key, vss[v]!);
    const e = share.entries;
    const texts = share.texts;
    for (let i = 0, t = 0; i < e.length; i += 4) {
      const a = e[i + 1]!;
      const b = e[i + 2]!;
      const c = e[i + 3]!;
      sets[e[i]!]!.add(a, b, c, isKeyed(a, b, c) ? "" : texts[t++]!);
    }
    for (let v = 0; v < vss.length; v++) {
      const vs = vss[v]!;
      if (vs.kind !== "NodePort" && bound.add(addressWord(vs.ip), 0, 0, vs.ip)) ipvsAddresses.push(vs.ip);
    }
  }
  for (const s of sets) if (s.type === "bitmap:port") s.sortPorts();
  return { virtualServers, ipvsAddresses, ipsets, nodeIPs };
}
