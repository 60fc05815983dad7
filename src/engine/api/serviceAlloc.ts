/**
 * The Service REST layer's allocation step (`pkg/registry/core/service/storage/alloc.go`):
 * ClusterIPs, nodePorts and healthCheckNodePort, taken in a transaction that is
 * reverted when validation or storage refuses the object.
 */
import type { IServiceSpec } from "kubernetes-models/v1/ServiceSpec";
import type { Cluster } from "../cluster";
import { needsClusterIP, needsNodePorts } from "./defaults";
import { IpAllocator } from "./ipAllocator";
import { PortAllocator } from "./portAllocator";
import type { Service } from "./types";
import type { FieldError } from "./validation/field";
import { invalid } from "./validation/field";
import { goStringSlice } from "./validation/goSyntax";

/** What one create/update took and will give back. */
export interface AllocationTxn {
  /** Causes that refuse the object (allocation happens before validation, as upstream). */
  errors: FieldError[];
  /** A message for an exhausted range (upstream: an InternalError). */
  internal?: string;
  /** Gives back what this transaction took. */
  revert(): void;
  /** Releases what the old object held and the new one no longer does. */
  commit(): void;
}

function needsHealthCheck(spec: IServiceSpec): boolean {
  return spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

/** Every nodePort (and healthCheckNodePort) a Service holds. */
export function heldNodePorts(svc: Service | undefined): Set<number> {
  const out = new Set<number>();
  for (const p of svc?.spec?.ports ?? []) if (p.nodePort) out.add(p.nodePort);
  if (svc?.spec?.healthCheckNodePort) out.add(svc.spec.healthCheckNodePort);
  return out;
}

/** The ClusterIPs a Service holds (none for headless and ExternalName). */
export function heldClusterIPs(svc: Service | undefined): string[] {
  const spec = svc?.spec;
  if (!spec || !needsClusterIP(spec)) return [];
  return (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])).filter(
    (ip) => ip !== "None" && ip !== "",
  );
}

export class ServiceAllocator {
  ip: IpAllocator;
  ports: PortAllocator;

  constructor(private readonly cluster: Cluster) {
    this.ip = new IpAllocator(cluster.config.serviceSubnet, cluster.prng);
    const r = cluster.config.nodePortRange;
    this.ports = new PortAllocator(r.base, r.size, cluster.prng);
  }

  /** Rebuilds the bitmaps for the current config from the stored Services (the repair loop). */
  rebuild(services: Iterable<Service>): void {
    this.ip = new IpAllocator(this.cluster.config.serviceSubnet, this.cluster.prng);
    const r = this.cluster.config.nodePortRange;
    this.ports = new PortAllocator(r.base, r.size, this.cluster.prng);
    for (const svc of services) {
      for (const ip of heldClusterIPs(svc)) this.ip.allocate(ip);
      for (const p of heldNodePorts(svc)) this.ports.allocate(p);
    }
  }

  /** Allocates for a new Service (old undefined) or an updated one, mutating `svc`. */
  allocate(svc: Service, old: Service | undefined): AllocationTxn {
    svc.spec ??= {};
    const spec = svc.spec;
    const takenIPs: string[] = [];
    const takenPorts: number[] = [];
    const errors: FieldError[] = [];
    let internal: string | undefined;
    const oldIPs = new Set(heldClusterIPs(old));
    const oldPorts = heldNodePorts(old);
    const refused = this.familyErrors(spec);
    if (refused.length > 0) return { errors: refused, revert: () => {}, commit: () => {} };

    if (
      needsClusterIP(spec) &&
      spec.clusterIP !== "None" &&
      !(old && needsClusterIP(old.spec ?? {}) && oldIPs.size)
    ) {
      const requested = spec.clusterIP;
      if (requested) {
        const err = this.ip.allocate(requested);
        if (err && !(err.reason === "NotInRange" && !/^\d+\.\d+\.\d+\.\d+$/.test(requested))) {
          const ips = spec.clusterIPs ?? [requested];
          errors.push(
            invalid(
              "spec.clusterIPs",
              ips,
              `failed to allocate IP ${requested}: ${err.message}`,
              goStringSlice(ips),
            ),
          );
        } else if (!err) takenIPs.push(requested);
      } else {
        const ip = this.ip.allocateNext();
        if (ip === undefined)
          internal = "Internal error occurred: failed to allocate a serviceIP: range is full";
        else {
          takenIPs.push(ip);
          spec.clusterIP = ip;
          spec.clusterIPs = [ip];
        }
      }
    }

    const take = (port: number, field: string): boolean => {
      if (takenPorts.includes(port)) {
        errors.push(invalid(field, port, "provided port is already allocated"));
        return false;
      }
      if (!oldPorts.has(port)) {
        const err = this.ports.allocate(port);
        if (err) {
          errors.push(invalid(field, port, err.message));
          return false;
        }
      }
      takenPorts.push(port);
      return true;
    };
    const next = (): number | undefined => {
      const p = this.ports.allocateNext();
      if (p === undefined) internal = "Internal error occurred: failed to allocate a nodePort: range is full";
      else takenPorts.push(p);
      return p;
    };

    if (errors.length === 0) {
      const ports = spec.ports ?? [];
      const byPort = new Map<number, number>();
      const allocateAll = needsNodePorts(spec);
      for (let i = 0; i < ports.length && errors.length === 0; i++) {
        const sp = ports[i]!;
        if (!sp.nodePort && !allocateAll) continue;
        const field = `spec.ports[${i}].nodePort`;
        const got = byPort.get(sp.port);
        if (got === undefined) {
          const requested = ports.slice(i).find((p) => p.port === sp.port && p.nodePort)?.nodePort;
          if (requested) {
            if (!take(requested, field)) break;
            sp.nodePort = requested;
            byPort.set(sp.port, requested);
          } else {
            const p = next();
            if (p === undefined) break;
            sp.nodePort = p;
            byPort.set(sp.port, p);
          }
        } else if (sp.nodePort !== got) {
          if (!sp.nodePort) sp.nodePort = got;
          else if (!take(sp.nodePort, field)) break;
        }
      }
      if (errors.length === 0 && internal === undefined && needsHealthCheck(spec)) {
        if (spec.healthCheckNodePort) take(spec.healthCheckNodePort, "spec.healthCheckNodePort");
        else {
          const p = next();
          if (p !== undefined) spec.healthCheckNodePort = p;
        }
      }
    }

    const newIPs = new Set(heldClusterIPs(svc));
    const newPorts = heldNodePorts(svc);
    return {
      errors,
      ...(internal ? { internal } : {}),
      revert: () => {
        for (const ip of takenIPs) this.ip.release(ip);
        for (const p of takenPorts) if (!oldPorts.has(p)) this.ports.release(p);
      },
      commit: () => {
        for (const ip of heldClusterIPs(old)) if (!newIPs.has(ip)) this.ip.release(ip);
        for (const p of heldNodePorts(old)) if (!newPorts.has(p)) this.ports.release(p);
      },
    };
  }

  /**
   * `initIPFamilyFields` on a single-stack IPv4 cluster: IPv6 and dual-stack
   * requests are refused before anything is allocated.
   */
  private familyErrors(spec: IServiceSpec): FieldError[] {
    if (spec.type === "ExternalName" || !this.cluster.atLeast(1, 21)) return [];
    const errors: FieldError[] = [];
    if (spec.ipFamilyPolicy === "RequireDualStack") {
      errors.push(
        invalid(
          "spec.ipFamilyPolicy",
          spec.ipFamilyPolicy,
          "this cluster is not configured for dual-stack services",
        ),
      );
    }
    (spec.ipFamilies ?? []).forEach((family, i) => {
      if (family !== "IPv4")
        errors.push(invalid(`spec.ipFamilies[${i}]`, family, "not configured on this cluster"));
    });
    return errors;
  }

  /** Gives back everything a deleted Service held. */
  release(svc: Service): void {
    for (const ip of heldClusterIPs(svc)) this.ip.release(ip);
    for (const p of heldNodePorts(svc)) this.ports.release(p);
  }
}
