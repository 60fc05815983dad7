/**
 * Which Services changed since the last sync: kube-proxy's
 * `ServiceChangeTracker` and `EndpointsChangeTracker` (`pkg/proxy/servicechangetracker.go`,
 * `endpointschangetracker.go`) folded into one question, per Service. A
 * Service changed when it appeared, went away, or its object or one of its
 * EndpointSlices is another object or another resourceVersion than at the
 * last sync (the store replaces an object on every write).
 */
import type { EndpointSlice, Service } from "../api/types";

/** `namespace/name` of a Service. */
export function serviceKey(svc: Service): string {
  return `${svc.metadata.namespace ?? "default"}/${svc.metadata.name}`;
}

interface Seen {
  objects: readonly object[];
  versions: readonly (string | undefined)[];
}

function sameAs(seen: Seen, svc: Service, slices: readonly EndpointSlice[]): boolean {
  if (seen.objects.length !== slices.length + 1) return false;
  if (seen.objects[0] !== svc || seen.versions[0] !== svc.metadata.resourceVersion) return false;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i]!;
    if (seen.objects[i + 1] !== s || seen.versions[i + 1] !== s.metadata.resourceVersion) return false;
  }
  return true;
}

/** One node's tracker (one per data plane): remembers what the last sync read. */
export class ServiceChangeTracker {
  private last = new Map<string, Seen>();

  /**
   * Records this sync's Services and slices and returns the keys of the
   * Services that changed since the previous call (every Service on the first).
   */
  sync(
    services: readonly Service[],
    slicesByService: ReadonlyMap<string, readonly EndpointSlice[]>,
  ): Set<string> {
    const changed = new Set<string>();
    const next = new Map<string, Seen>();
    for (const svc of services) {
      const key = serviceKey(svc);
      const slices = slicesByService.get(key) ?? [];
      const seen = this.last.get(key);
      if (seen && sameAs(seen, svc, slices)) {
        next.set(key, seen);
        continue;
      }
      changed.add(key);
      next.set(key, {
        objects: [svc, ...slices],
        versions: [svc.metadata.resourceVersion, ...slices.map((s) => s.metadata.resourceVersion)],
      });
    }
    for (const key of this.last.keys()) if (!next.has(key)) changed.add(key);
    this.last = next;
    return changed;
  }
}
