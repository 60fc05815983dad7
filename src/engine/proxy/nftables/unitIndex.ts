/**
 * Which Services a sync must re-read. Unchanged Service and EndpointSlice
 * objects are recognised by identity and resourceVersion (one Map lookup
 * each, no key strings), so a sync's cost beyond that scan follows the
 * number of changed objects, not the size of the cluster.
 */
import type { EndpointSlice, Service } from "../../api/types";
import type { ProxyInput } from "../types";
import { isProgrammed, serviceKey } from "./servicePorts";
import { type ServiceUnit, sameInputs } from "./serviceUnit";

/** What a sync changes: the new Service order, and the units to add and drop. */
export interface SyncPlan {
  order: ServiceUnit[];
  added: ServiceUnit[];
  removed: ServiceUnit[];
  /** Objects seen but programming nothing (headless Services, their slices, IPv6 slices). */
  ignoredSvcs: Map<Service, string | undefined>;
  ignoredSlices: EndpointSlice[];
}

export type MakeUnit = (key: string, svc: Service, slices: readonly EndpointSlice[]) => ServiceUnit;

const NO_SLICES: readonly EndpointSlice[] = [];

/** The `namespace/name` of the Service an EndpointSlice belongs to, if kube-proxy uses it. */
export function sliceServiceKey(s: EndpointSlice): string | undefined {
  const svc = s.metadata.labels?.["kubernetes.io/service-name"];
  return svc && s.addressType === "IPv4" ? serviceKey(s.metadata.namespace, svc) : undefined;
}

function byKey(a: ServiceUnit, b: ServiceUnit): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Merges sorted `kept` and sorted `added` by key. */
function merge(kept: ServiceUnit[], added: ServiceUnit[]): ServiceUnit[] {
  if (added.length === 0) return kept;
  const out: ServiceUnit[] = [];
  let j = 0;
  for (const u of kept) {
    while (j < added.length && (added[j] as ServiceUnit).key < u.key) out.push(added[j++] as ServiceUnit);
    out.push(u);
  }
  while (j < added.length) out.push(added[j++] as ServiceUnit);
  return out;
}

export class UnitIndex {
  readonly units = new Map<string, ServiceUnit>();
  /** Units sorted by key: the table's creation order. */
  order: ServiceUnit[] = [];
  private readonly bySvc = new Map<Service, ServiceUnit>();
  private readonly bySlice = new Map<EndpointSlice, ServiceUnit>();
  private ignoredSvcs = new Map<Service, string | undefined>();
  private ignoredSlices = new Map<EndpointSlice, string | undefined>();
  private gen = 0;

  attach(u: ServiceUnit): void {
    this.units.set(u.key, u);
    this.bySvc.set(u.svc, u);
    for (const s of u.slices) this.bySlice.set(s, u);
  }

  detach(u: ServiceUnit): void {
    if (this.units.get(u.key) === u) this.units.delete(u.key);
    if (this.bySvc.get(u.svc) === u) this.bySvc.delete(u.svc);
    for (const s of u.slices) if (this.bySlice.get(s) === u) this.bySlice.delete(s);
  }

  /** Records what programs nothing after a sync or build, so the next sync skips it unless it changes. */
  ignore(svcs: Map<Service, string | undefined>, slices: Iterable<EndpointSlice>): void {
    this.ignoredSvcs = svcs;
    const next = new Map<EndpointSlice, string | undefined>();
    for (const s of slices) if (!this.bySlice.has(s)) next.set(s, s.metadata.resourceVersion);
    this.ignoredSlices = next;
  }

  /** What `input` changes, or undefined when it holds two Services with one key (left to a full build). */
  plan(input: ProxyInput, make: MakeUnit): SyncPlan | undefined {
    const gen = ++this.gen;
    const dirty = new Set<string>();
    const changed = new Map<string, Service>();
    const ignoredSvcs = new Map<Service, string | undefined>();
    const maybeIgnored: EndpointSlice[] = [];
    for (const svc of input.services) {
      const rv = svc.metadata.resourceVersion;
      const u = this.bySvc.get(svc);
      if (u && u.versions[0] === rv) {
        if (u.gen === gen) return undefined;
        u.gen = gen;
        continue;
      }
      if (this.ignoredSvcs.has(svc) && this.ignoredSvcs.get(svc) === rv) {
        ignoredSvcs.set(svc, rv);
        continue;
      }
      const key = serviceKey(svc.metadata.namespace, svc.metadata.name);
      if (changed.has(key)) return undefined;
      changed.set(key, svc);
      dirty.add(key);
    }
    for (const s of input.endpointSlices) {
      const rv = s.metadata.resourceVersion;
      const u = this.bySlice.get(s);
      if (u) {
        if (u.versions[u.slices.indexOf(s) + 1] === rv) {
          if (u.sliceGen !== gen) {
            u.sliceGen = gen;
            u.sliceSeen = 0;
          }
          u.sliceSeen++;
          continue;
        }
        dirty.add(u.key);
      } else if (this.ignoredSlices.has(s) && this.ignoredSlices.get(s) === rv) {
        maybeIgnored.push(s);
        continue;
      }
      maybeIgnored.push(s);
      const key = sliceServiceKey(s);
      if (key !== undefined) dirty.add(key);
    }
    for (const u of this.order)
      if (u.gen !== gen || (u.sliceGen === gen ? u.sliceSeen : 0) !== u.slices.length) dirty.add(u.key);
    const plan: SyncPlan = {
      order: this.order,
      added: [],
      removed: [],
      ignoredSvcs,
      ignoredSlices: maybeIgnored,
    };
    if (dirty.size === 0) return plan;

    const groups = this.group(input.endpointSlices, dirty);
    for (const key of dirty) {
      const old = this.units.get(key);
      const seen = old !== undefined && old.gen === gen;
      const svc = changed.get(key) ?? (seen ? old.svc : undefined);
      if (changed.has(key) && seen) return undefined;
      if (svc && !isProgrammed(svc)) ignoredSvcs.set(svc, svc.metadata.resourceVersion);
      const slices = groups.get(key) ?? NO_SLICES;
      if (seen && svc === old.svc && sameInputs(old, svc, slices)) continue;
      if (old) plan.removed.push(old);
      if (svc && isProgrammed(svc)) {
        const u = make(key, svc, slices);
        u.gen = gen;
        plan.added.push(u);
      }
    }
    for (const u of plan.removed) u.gen = -1;
    plan.order = merge(
      this.order.filter((u) => u.gen === gen),
      plan.added.sort(byKey),
    );
    return plan;
  }

  /** The slices of the `dirty` Services, in input order (unchanged slices' keys come from their units). */
  private group(slices: readonly EndpointSlice[], dirty: Set<string>): Map<string, EndpointSlice[]> {
    const out = new Map<string, EndpointSlice[]>();
    for (const s of slices) {
      const u = this.bySlice.get(s);
      const key =
        u && u.versions[u.slices.indexOf(s) + 1] === s.metadata.resourceVersion ? u.key : sliceServiceKey(s);
      if (key === undefined || !dirty.has(key)) continue;
      const list = out.get(key);
      if (list) list.push(s);
      else out.set(key, [s]);
    }
    return out;
  }
}
