/**
 * Live configuration changes: applying ClusterConfiguration,
 * KubeletConfiguration, KubeProxyConfiguration or an IPAddressPool
 * recomputes `cluster.config`. Address plan changes (serviceSubnet,
 * podSubnet, dnsDomain) are only taken while no user Service exists;
 * the bootstrap Services and node podCIDRs are then re-addressed.
 */
import type { Cluster } from "../cluster";
import type { ConfigLister } from "./config";
import { indexedIP, resolveClusterConfig, resolveFrom } from "./config";
import type { ClusterConfig } from "./configTypes";
import type { ErrorContext } from "./errors";
import { badRequest } from "./errors";
import { parseCidr } from "./ipv4";
import { carvePodCIDR } from "./nodeDefaults";
import type { ServiceAllocator } from "./serviceAlloc";
import type { AnyObject, Kind, Service } from "./types";

type ConfigKind =
  | "ClusterConfiguration"
  | "KubeletConfiguration"
  | "KubeProxyConfiguration"
  | "IPAddressPool";

/** The Services a fresh cluster has, with the index of their fixed ClusterIP. */
const SYSTEM_SERVICES: readonly { namespace: string; name: string; index: number }[] = [
  { namespace: "default", name: "kubernetes", index: 1 },
  { namespace: "kube-system", name: "kube-dns", index: 10 },
];

const PLAN_FIELDS = ["serviceSubnet", "podSubnet", "dnsDomain"] as const;

export class ConfigCoordinator {
  constructor(
    private readonly cluster: Cluster,
    private readonly alloc: ServiceAllocator,
  ) {}

  /** Refuses a config object (or its removal) that cannot take effect live. */
  check(kind: Kind, obj: AnyObject, ctx?: ErrorContext, removing = false): void {
    const store = this.cluster.store;
    const name = obj.metadata.name;
    const list = (<K extends ConfigKind>(k: K) => {
      const items = store.list(k);
      if (k !== kind) return items;
      const others = items.filter(
        (o) => o.metadata.name !== name || o.metadata.namespace !== obj.metadata.namespace,
      );
      return (removing ? others : [...others, obj]) as typeof items;
    }) as ConfigLister;
    const next = resolveFrom(list);
    const cur = this.cluster.config;
    for (const f of ["serviceSubnet", "podSubnet"] as const) {
      if (!parseCidr(next[f])) {
        throw badRequest(
          `${kind} "${name ?? ""}": networking.${f} "${next[f]}" is not a valid IPv4 CIDR`,
          kind,
          name,
          ctx,
        );
      }
    }
    const changed = PLAN_FIELDS.filter((f) => next[f] !== cur[f]);
    if (changed.length === 0) return;
    const user = this.userServices();
    if (user > 0) {
      const what = changed.map((f) => `networking.${f} from ${cur[f]} to ${next[f]}`).join(", ");
      throw badRequest(
        `${kind} "${name ?? ""}": cannot change ${what} while ${user} Service(s) exist; ` +
          "the address plan is fixed when a cluster is created: start a fresh cluster with this configuration",
        kind,
        name,
        ctx,
      );
    }
  }

  /** Recomputes `cluster.config` from the stored objects and re-addresses what depends on it. */
  apply(): void {
    const before: ClusterConfig = this.cluster.config;
    const next = resolveClusterConfig(this.cluster.store);
    this.cluster.config = next;
    const store = this.cluster.store;
    if (next.serviceSubnet !== before.serviceSubnet) {
      for (const s of SYSTEM_SERVICES) {
        const svc = store.get("Service", s.namespace, s.name);
        const ip = indexedIP(next.serviceSubnet, s.index);
        if (!svc || !ip) continue;
        const spec = { ...svc.spec, clusterIP: ip, clusterIPs: [ip] };
        store.put("Service", { ...svc, spec } as Service);
      }
    }
    if (
      next.serviceSubnet !== before.serviceSubnet ||
      sortedKey(next.nodePortRange) !== sortedKey(before.nodePortRange)
    ) {
      this.alloc.rebuild(store.list("Service"));
    }
    if (next.podSubnet !== before.podSubnet) {
      // NOTE: pods that already run keep their old addresses; a real cluster cannot
      // change its pod CIDR at all without rebuilding nodes.
      store.list("Node").forEach((node, i) => {
        const cidr = carvePodCIDR(next.podSubnet, i);
        if (!cidr) return;
        store.put("Node", { ...node, spec: { ...node.spec, podCIDR: cidr, podCIDRs: [cidr] } });
      });
    }
    if (next.kubernetesVersion !== before.kubernetesVersion) {
      for (const node of store.list("Node")) {
        const info = node.status?.nodeInfo;
        if (!info || info.kubeletVersion !== before.kubernetesVersion) continue;
        const nodeInfo = {
          ...info,
          kubeletVersion: next.kubernetesVersion,
          kubeProxyVersion: next.kubernetesVersion,
        };
        store.put("Node", { ...node, status: { ...node.status, nodeInfo } });
      }
    }
  }

  private userServices(): number {
    const store = this.cluster.store;
    const system = SYSTEM_SERVICES.filter((s) => store.get("Service", s.namespace, s.name)).length;
    return store.count("Service") - system;
  }
}

function sortedKey(r: { base: number; size: number }): string {
  return `${r.base}+${r.size}`;
}
