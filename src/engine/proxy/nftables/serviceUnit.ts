/**
 * One Service's share of the table, kept small: a snapshot of what its
 * rules are written from, the map elements it owns (written eagerly, they
 * are what packets are looked up by), and how many chains, rules and
 * affinity sets it has. Its chains are written only when asked for.
 */
import type { EndpointSlice, Service } from "../../api/types";
import { countCategories } from "./categorize";
import type { NftElement, NftTable } from "./model";
import { writeServicePort } from "./perService";
import { type PutElement, type ServiceParams, shapeOf, writeElements } from "./serviceElements";
import { type PortSpec, portSpecs, withEndpoints } from "./servicePorts";

export interface ServiceUnit {
  /** `namespace/name` */
  key: string;
  /** The inputs it was written from, to tell whether a sync changed them. */
  svc: Service;
  slices: readonly EndpointSlice[];
  /** resourceVersion of the Service, then of each slice, when written. */
  versions: (string | undefined)[];
  ports: PortSpec[];
  /** Its elements, three entries each: set name, joined key, element. */
  elements: (string | NftElement)[];
  chains: number;
  rules: number;
  affinitySets: number;
  /** Sync generation that last saw it in the input (-1 once replaced). */
  gen: number;
  /** Sync generation of `sliceSeen`, and how many of its slices that sync saw unchanged. */
  sliceGen: number;
  sliceSeen: number;
  /** Its chains and affinity sets once written (kept for packets and `nft list chain`). */
  written?: NftTable;
  /** Its chains as `nft list` prints them, once listed (one string: cheap to keep). */
  listing?: string;
}

/** Snapshots a Service and writes its elements into `unit.elements`. */
export function makeUnit(
  key: string,
  svc: Service,
  slices: readonly EndpointSlice[],
  node: string,
  params: ServiceParams,
): ServiceUnit {
  const versions: (string | undefined)[] = [svc.metadata.resourceVersion];
  for (const s of slices) versions.push(s.metadata.resourceVersion);
  const u: ServiceUnit = {
    key,
    svc,
    slices,
    versions,
    ports: portSpecs(svc, slices, node),
    elements: [],
    chains: 0,
    rules: 0,
    affinitySets: 0,
    gen: 0,
    sliceGen: 0,
    sliceSeen: 0,
  };
  const put: PutElement = (set, k, e) => {
    u.elements.push(set, k, e);
  };
  for (const spec of u.ports) {
    const counts = countCategories(spec);
    writeElements(put, spec, counts);
    const shape = shapeOf(spec, counts, params);
    u.chains += shape.chains;
    u.rules += shape.rules;
    u.affinitySets += shape.affinitySets;
  }
  return u;
}

/** Are these the very objects, at the same resourceVersions, the unit was written from? */
export function sameInputs(u: ServiceUnit, svc: Service, slices: readonly EndpointSlice[]): boolean {
  if (u.svc !== svc || u.versions[0] !== svc.metadata.resourceVersion || u.slices.length !== slices.length)
    return false;
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i] as EndpointSlice;
    if (u.slices[i] !== s || u.versions[i + 1] !== s.metadata.resourceVersion) return false;
  }
  return true;
}

const DISCARD: PutElement = () => {};

/**
 * Writes the unit's chains and affinity sets into `into` (a fresh table
 * holding only them when not given), its elements too when `into` is given.
 */
export function writeUnit(u: ServiceUnit, params: ServiceParams, into?: NftTable): NftTable {
  const t = into ?? { comment: "", sets: new Map(), chains: new Map() };
  for (const spec of u.ports) writeServicePort(t, withEndpoints(spec), params, into ? undefined : DISCARD);
  return t;
}

/** The unit's chains and affinity sets, written once and kept. */
export function written(u: ServiceUnit, params: ServiceParams): NftTable {
  u.written ??= writeUnit(u, params);
  return u.written;
}
