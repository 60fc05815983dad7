/**
 * One Service's share of the table: a snapshot of what its rules are
 * written from, its ports with their endpoints sorted and named (hashed at
 * sync, as kube-proxy does), the map elements it owns, its service chains
 * (service, local, external, firewall: written at sync, like the elements),
 * and how many chains, rules and affinity sets it has in all. Its endpoint
 * chains, one per endpoint and two or three rules each, are written when
 * walked or listed and not kept: keeping all of them would add over 100 MiB
 * to a 10,000-Service × 10 table of about 65 MiB; keeping the ones walked
 * made a packet's first visit cost more than a later one's (and a table of
 * many Services more per packet than a small one, whose chains were all
 * kept after a few packets). They hold no counters, so nothing is lost.
 */

import type { EndpointSlice, Service } from "../../api/types";
import { trimmed } from "../../util/trimmed";
import { countCategories } from "./categorize";
import type { Action, NftChain, NftSet, NftTable } from "./model";
import * as N from "./names";
import { ElementTriples } from "./packed";
import { endpointChain, serviceChains, writeServicePort } from "./perService";
import { type PutElement, type ServiceParams, shapeOf, writeElements } from "./serviceElements";
import { type PortSpec, portSpecs, withEndpoints } from "./servicePorts";

/**
 * A port's endpoints that have an endpoint chain, sorted by `IP:port`, in
 * columns: a 10,000-Service table keeps 100,000 of them, and an object
 * each (with its `IP:port` and name strings) adds a fifth to the table.
 */
interface Reachable {
  chains: string[];
  ips: string[];
  ports: number[];
}

/**
 * Marks the verdicts and actions that name one of a unit's chains (map
 * elements, numgen and goto actions of its service chains) with the unit:
 * evaluation finds the chain from the unit it came from, as the kernel's
 * verdicts point at their chains, rather than by a lookup among 10,000
 * Services. Not enumerable: the objects still compare and print as plain data.
 */
const OWNER = Symbol("owning Service");
/** For a verdict that names one of its unit's service chains: that chain (one load, no search). */
const TARGET = Symbol("target chain");

function own(x: object, u: ServiceUnit, target?: NftChain): void {
  Object.defineProperty(x, OWNER, { value: u });
  if (target) Object.defineProperty(x, TARGET, { value: target });
}

/** The unit that marked `x`, if any. */
export function ownerOf(x: object): ServiceUnit | undefined {
  return (x as { [OWNER]?: ServiceUnit })[OWNER];
}

/** The service chain `x` names, when its unit marked it with one. */
export function targetOf(x: object): NftChain | undefined {
  return (x as { [TARGET]?: NftChain })[TARGET];
}

export interface ServiceUnit {
  /** `namespace/name` */
  key: string;
  /** The inputs it was written from, to tell whether a sync changed them. */
  svc: Service;
  slices: readonly EndpointSlice[];
  /** resourceVersion of the Service, then of each slice, when written. */
  versions: (string | undefined)[];
  ports: PortSpec[];
  /** Its map and set elements. */
  elements: ElementTriples;
  chains: number;
  rules: number;
  affinitySets: number;
  /** Sync generation that last saw it in the input (-1 once replaced). */
  gen: number;
  /** Sync generation of `sliceSeen`, and how many of its slices that sync saw unchanged. */
  sliceGen: number;
  sliceSeen: number;
  /** Per port, the endpoints that have an endpoint chain. */
  reachable: Reachable[];
  /** Its service, local, external and firewall chains. */
  serviceChains: NftChain[];
  /** Affinity sets made so far, by name. */
  setsByName?: Map<string, NftSet>;
  /** All its chains and affinity sets once written together (for whole-table listings). */
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
  const versions: (string | undefined)[] = new Array(slices.length + 1);
  versions[0] = svc.metadata.resourceVersion;
  slices.forEach((s, i) => {
    versions[i + 1] = s.metadata.resourceVersion;
  });
  const u: ServiceUnit = {
    key,
    svc,
    slices,
    versions,
    ports: trimmed(portSpecs(svc, slices, node, params.names)),
    reachable: [],
    serviceChains: [],
    elements: new ElementTriples(),
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
    const { chains, reachable } = serviceChains(withEndpoints(spec, params.names), params);
    u.serviceChains.push(...chains);
    u.reachable.push({
      chains: reachable.map((e) => e.chain),
      ips: reachable.map((e) => e.ip),
      ports: reachable.map((e) => e.port),
    });
  }
  // Actions naming one of the unit's chains carry the unit; those naming a service chain, the chain too.
  const mark = (v: Action | undefined): void => {
    if (v === undefined) return;
    if (v.k === "numgen") own(v, u);
    else if ("chain" in v) {
      const target = u.serviceChains.find((c) => c.name === v.chain);
      if (target || v.chain.startsWith(ENDPOINT)) own(v, u, target);
    }
  };
  for (let i = 0; i < u.elements.length; i++) mark(u.elements.element(i).verdict);
  for (const c of u.serviceChains) for (const r of c.rules) mark(r.action);
  u.elements.trim(trimmed);
  u.serviceChains = trimmed(u.serviceChains);
  u.reachable = trimmed(u.reachable);
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
  for (const spec of u.ports)
    writeServicePort(t, withEndpoints(spec, params.names), params, into ? undefined : DISCARD);
  return t;
}

const ENDPOINT = N.endpointChain("");
const ENDPOINT_PREFIX = ENDPOINT.length;

/**
 * The unit's chain `name` (an endpoint chain is written for this use), if
 * it has one. `at` is where a numgen drew the name: with every
 * endpoint in the cluster set, its position among the endpoint chains too,
 * so no search compares names' text (they differ only near their end).
 */
export function unitChain(u: ServiceUnit, name: string, at?: number): NftChain | undefined {
  // Never sliced or prefix-tested: that flattens a name built by concatenation, which a
  // packet's first visit would pay for and a later one would not.
  const own = u.serviceChains.find((c) => c.name === name);
  if (own) return own;
  for (let i = 0; i < u.ports.length; i++) {
    const r = u.reachable[i] as Reachable;
    const k = at !== undefined && r.chains[at] === name ? at : r.chains.indexOf(name);
    if (k < 0) continue;
    return endpointChain(u.ports[i] as PortSpec, {
      ip: r.ips[k] as string,
      port: r.ports[k] as number,
      chain: name,
    });
  }
  return undefined;
}

/** The unit's affinity set `name` (made on first use and kept), if it has one. */
export function unitSet(u: ServiceUnit, name: string): NftSet | undefined {
  const known = u.setsByName?.get(name);
  if (known) return known;
  for (let i = 0; i < u.ports.length; i++) {
    const timeoutSeconds = u.ports[i]?.stickyMaxAgeSeconds ?? 0;
    if (timeoutSeconds === 0) continue;
    const r = u.reachable[i] as Reachable;
    if (!r.chains.some((c) => N.affinitySet(c.slice(ENDPOINT_PREFIX)) === name)) continue;
    const s: NftSet = { kind: "set", name, keyKind: "addr", timeoutSeconds, elements: new Map() };
    u.setsByName ??= new Map();
    u.setsByName.set(name, s);
    return s;
  }
  return undefined;
}

/** The unit's chains and affinity sets, all written once and kept (for whole-table listings). */
export function written(u: ServiceUnit, params: ServiceParams): NftTable {
  u.written ??= writeUnit(u, params);
  return u.written;
}
