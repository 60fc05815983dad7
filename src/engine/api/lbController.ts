/**
 * The load-balancer controller (MetalLB's role): gives LoadBalancer Services
 * an ingress IP from the IPAddressPools, and takes it back when they stop
 * being LoadBalancers. Without a pool, Services stay `<pending>`.
 */
import type { Cluster, Reconciler } from "../cluster";
import { LbAllocator } from "./lbAllocator";
import { objectKey } from "./store";
import type { Service } from "./types";

export class LoadBalancerController implements Reconciler {
  private allocator: LbAllocator;
  private poolsKey: string;
  private readonly dirty = new Set<string>();

  constructor(private readonly cluster: Cluster) {
    this.poolsKey = JSON.stringify(cluster.config.loadBalancerPools);
    this.allocator = new LbAllocator(cluster.config.loadBalancerPools);
    cluster.store.subscribe((e) => {
      if (e.kind !== "Service") return;
      if (e.type === "DELETED") {
        for (const ip of ingressIPs(e.object as Service)) this.allocator.release(ip);
        return;
      }
      const svc = e.object as Service;
      if (svc.spec?.type === "LoadBalancer" || ingressIPs(svc).length > 0) {
        this.dirty.add(objectKey("Service", svc.metadata.namespace, svc.metadata.name));
      }
    });
  }

  sync(): boolean {
    const key = JSON.stringify(this.cluster.config.loadBalancerPools);
    if (key !== this.poolsKey) this.rebuild(key);
    if (this.dirty.size === 0) return false;
    let changed = false;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const k of keys) {
      const slash = k.indexOf("/");
      const svc = this.cluster.store.get("Service", k.slice(0, slash), k.slice(slash + 1));
      if (svc) changed = this.syncService(svc) || changed;
    }
    return changed;
  }

  private syncService(svc: Service): boolean {
    const ips = ingressIPs(svc);
    if (svc.spec?.type !== "LoadBalancer") {
      if (ips.length === 0) return false;
      for (const ip of ips) this.allocator.release(ip);
      this.cluster.store.put("Service", { ...svc, status: { ...svc.status, loadBalancer: {} } });
      return true;
    }
    if (ips.length > 0) return false;
    const ip = this.allocator.allocateNext();
    if (ip === undefined) return false;
    const entry = this.cluster.atLeast(1, 30) ? { ip, ipMode: "VIP" as const } : { ip };
    this.cluster.store.put("Service", {
      ...svc,
      status: { ...svc.status, loadBalancer: { ingress: [entry] } },
    });
    return true;
  }

  /** Pools changed: keep addresses still inside a pool, re-queue every LoadBalancer Service. */
  private rebuild(key: string): void {
    this.poolsKey = key;
    this.allocator = new LbAllocator(this.cluster.config.loadBalancerPools);
    for (const svc of this.cluster.store.list("Service")) {
      if (svc.spec?.type !== "LoadBalancer") continue;
      for (const ip of ingressIPs(svc)) this.allocator.reserve(ip);
      this.dirty.add(objectKey("Service", svc.metadata.namespace, svc.metadata.name));
    }
  }
}

function ingressIPs(svc: Service): string[] {
  return (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).filter((ip): ip is string => !!ip);
}
