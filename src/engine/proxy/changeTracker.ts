/**
 * Which Services changed since the last sync: kube-proxy's
 * `ServiceChangeTracker` and `EndpointsChangeTracker` (`pkg/proxy/servicechangetracker.go`,
 * `endpointschangetracker.go`) folded into one question, per Service. A
 * Service changed when it appeared, went away, or its object or one of its
 * EndpointSlices is another object or another resourceVersion than at the
 * last sync (the store replaces an object on every write). Unchanged
 * objects are recognised by identity and resourceVersion, one Map lookup
 * each, so a sync's cost beyond that scan follows the number of changed
 * objects, not the size of the cluster. Every mode's data plane owns one.
 */
import type { EndpointSlice, Service } from "../api/types";

/**
 * `namespace/name` of a Service. Joined, not concatenated: a Map hashing a
 * concatenation copies it flat and keeps both.
 */
export function serviceKey(svc: Service): string {
  return [svc.metadata.namespace ?? "default", "/", svc.metadata.name].join("");
}

/** The `namespace/name` of the Service an EndpointSlice belongs to, if kube-proxy reads it (IPv4). */
export function sliceServiceKey(s: EndpointSlice): string | undefined {
  const svc = s.metadata.labels?.["kubernetes.io/service-name"];
  return svc && s.addressType === "IPv4" ? [s.metadata.namespace ?? "default", "/", svc].join("") : undefined;
}

/** A Service whose objects changed since the last sync. */
export interface ServiceChange {
  key: string;
  /** The Service now; undefined when it went away. */
  service: Service | undefined;
  /** Its IPv4 EndpointSlices now, in input order (read-only: a Service without slices shares the empty list). */
  slices: readonly EndpointSlice[];
}

/** What one sync's input changed. */
export interface TrackedChanges {
  /** The changed Services by key (every Service on the first sync), in no particular order. */
  changed: Map<string, ServiceChange>;
  /** Every Service's key, in input order. */
  keys: string[];
  /**
   * Two Service objects in the input have one key (the API server never
   * holds two): the later one is tracked, and a mode that keeps per-key
   * state recomputes everything from the input.
   */
  duplicates: boolean;
}

/** One Service's objects as the last sync read them. */
interface Seen {
  key: string;
  svc: Service;
  version: string | undefined;
  slices: readonly EndpointSlice[];
  /** Each slice's resourceVersion (a Service's one slice: its version alone, no list). */
  versions: (string | undefined)[] | string | undefined;
  /** The sync that found the Service object unchanged. */
  gen: number;
  /** The sync whose slice count `sliceSeen` is, and how many slices it found unchanged. */
  sliceGen: number;
  sliceSeen: number;
}

/** The resourceVersion `seen` recorded for its slice `s`. */
function recordedVersion(seen: Seen, s: EndpointSlice): string | undefined {
  const v = seen.versions;
  return Array.isArray(v) ? v[seen.slices.indexOf(s)] : v;
}

/** The slices of a change none has been added to yet (never written to). */
const NO_SLICES: readonly EndpointSlice[] = Object.freeze([]);

/** A slice no tracked Service owns (its Service is not in the input, or it is not IPv4). */
interface Orphan {
  version: string | undefined;
  key: string | undefined;
}

/** One data plane's tracker: remembers what the last sync read. */
export class ServiceChangeTracker {
  private readonly byKey = new Map<string, Seen>();
  private readonly bySvc = new Map<Service, Seen>();
  private readonly bySlice = new Map<EndpointSlice, Seen>();
  private orphans = new Map<EndpointSlice, Orphan>();
  private gen = 0;
  private hadDuplicates = false;

  /** Records this sync's Services and slices and says which Services changed since the last call. */
  sync(services: readonly Service[], slices: readonly EndpointSlice[]): TrackedChanges {
    if (this.hadDuplicates) this.forget();
    const gen = ++this.gen;
    const changed = new Map<string, ServiceChange>();
    const keys: string[] = [];
    let duplicates = false;
    // Indexed loops and forEach: these run once per sync over the whole input, mostly before the
    // compiler has warmed to them, where for-of makes an iterator result per element.
    for (let i = 0; i < services.length; i++) {
      const svc = services[i]!;
      const seen = this.bySvc.get(svc);
      if (seen && seen.version === svc.metadata.resourceVersion) {
        if (seen.gen === gen) duplicates = true;
        seen.gen = gen;
        keys.push(seen.key);
        continue;
      }
      const key = serviceKey(svc);
      keys.push(key);
      const size = changed.size;
      changed.set(key, { key, service: svc, slices: NO_SLICES });
      // The key was there: a second Service object of one key.
      if (changed.size === size) duplicates = true;
    }
    const dirty = (key: string): ServiceChange | undefined => {
      const known = changed.get(key);
      if (known) return known;
      const seen = this.byKey.get(key);
      // A slice of a Service the input does not hold changes nothing.
      if (!seen || seen.gen !== gen) return undefined;
      const change = { key, service: seen.svc, slices: NO_SLICES };
      changed.set(key, change);
      return change;
    };
    // Each slice's Service key (read from the slice only when it is new or changed), and whether a
    // recorded Service owns it unchanged.
    const sliceKeys: (string | undefined)[] = new Array(slices.length);
    // The change a new or changed slice's Service has (found while marking it), saving record a lookup.
    const sliceChanges: (ServiceChange | undefined)[] = new Array(slices.length);
    const owned = new Uint8Array(slices.length);
    for (let i = 0; i < slices.length; i++) {
      const s = slices[i]!;
      const version = s.metadata.resourceVersion;
      const seen = this.bySlice.get(s);
      if (seen) {
        if (recordedVersion(seen, s) === version) {
          if (seen.sliceGen !== gen) {
            seen.sliceGen = gen;
            seen.sliceSeen = 0;
          }
          seen.sliceSeen++;
          sliceKeys[i] = seen.key;
          owned[i] = 1;
          continue;
        }
        dirty(seen.key);
      } else {
        const orphan = this.orphans.get(s);
        if (orphan?.version === version) {
          sliceKeys[i] = orphan.key;
          continue;
        }
      }
      const key = sliceServiceKey(s);
      sliceKeys[i] = key;
      if (key !== undefined) sliceChanges[i] = dirty(key);
    }
    this.byKey.forEach((seen) => {
      if (seen.gen !== gen) {
        if (!changed.has(seen.key))
          changed.set(seen.key, { key: seen.key, service: undefined, slices: NO_SLICES });
      } else if ((seen.sliceGen === gen ? seen.sliceSeen : 0) !== seen.slices.length) dirty(seen.key);
    });
    if (changed.size > 0) this.record(changed, slices, sliceKeys, sliceChanges, owned, gen);
    this.hadDuplicates = duplicates;
    return { changed, keys, duplicates };
  }

  /** The Service of `key` and its slices as the last sync recorded them. */
  objects(key: string): { service: Service; slices: readonly EndpointSlice[] } | undefined {
    const seen = this.byKey.get(key);
    return seen && { service: seen.svc, slices: seen.slices };
  }

  /**
   * Groups the changed Services' slices (the others' stay as recorded),
   * re-records those Services, and remembers the slices no Service owns.
   */
  private record(
    changed: Map<string, ServiceChange>,
    slices: readonly EndpointSlice[],
    sliceKeys: readonly (string | undefined)[],
    sliceChanges: readonly (ServiceChange | undefined)[],
    owned: Uint8Array,
    gen: number,
  ): void {
    const orphans = new Map<EndpointSlice, Orphan>();
    for (let i = 0; i < slices.length; i++) {
      const key = sliceKeys[i];
      const change = sliceChanges[i] ?? (key === undefined ? undefined : changed.get(key));
      // A slice an unchanged Service owns stays with it.
      if (owned[i] === 1 && change === undefined) continue;
      const s = slices[i]!;
      // A list of exactly its slices, kept until the Service changes (a Service mostly has one).
      if (change?.service) change.slices = change.slices.length === 0 ? [s] : [...change.slices, s];
      else orphans.set(s, { version: s.metadata.resourceVersion, key });
    }
    changed.forEach((change) => {
      const old = this.byKey.get(change.key);
      if (old) this.detach(old);
      const svc = change.service;
      if (!svc) return;
      const seen: Seen = {
        key: change.key,
        svc,
        version: svc.metadata.resourceVersion,
        slices: change.slices,
        versions:
          change.slices.length === 1
            ? change.slices[0]!.metadata.resourceVersion
            : change.slices.map((s) => s.metadata.resourceVersion),
        gen,
        sliceGen: 0,
        sliceSeen: 0,
      };
      this.byKey.set(seen.key, seen);
      this.bySvc.set(svc, seen);
      for (let i = 0; i < seen.slices.length; i++) this.bySlice.set(seen.slices[i]!, seen);
    });
    this.orphans = orphans;
  }

  private detach(seen: Seen): void {
    this.byKey.delete(seen.key);
    if (this.bySvc.get(seen.svc) === seen) this.bySvc.delete(seen.svc);
    for (const s of seen.slices) if (this.bySlice.get(s) === seen) this.bySlice.delete(s);
  }

  private forget(): void {
    this.byKey.clear();
    this.bySvc.clear();
    this.bySlice.clear();
    this.orphans.clear();
  }
}
