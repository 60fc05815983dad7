/**
 * One Service's share of the table: its ports with their endpoints sorted and named (hashed at
 * sync, as kube-proxy does), the map elements it owns, its service chains
 * (service, local, external, firewall: written at sync, like the elements),
 * and how many chains, rules and affinity sets it has in all. Its endpoint
 * chains, one per endpoint and two or three rules each, are written each time
 * they are walked or listed and never kept: they hold no counters, so a chain
 * written again is the same chain, and what a table keeps grows with its
 * Services, not with its endpoints.
 */

import type { EndpointSlice, Service } from "../../api/types";
import { trimmed } from "../../util/trimmed";
import { countsOf } from "./categorize";
import type { Action, NftChain, NftSet, NftTable } from "./model";
import * as N from "./names";
import { ElementTriples } from "./packed";
import { endpointChain, serviceChains, writeServicePort } from "./perService";
import { type PutElement, type ServiceParams, shapeOf, writeElements } from "./serviceElements";
import { type NftEndpointInfo, type PortSpec, portSpecs, withEndpoints } from "./servicePorts";

/** A port's endpoints that have an endpoint chain, sorted by `IP:port`, in columns (no object per endpoint). */
interface Reachable {
  chains: string[];
  ips: string[];
  ports: number[];
}

export interface ServiceUnit {
  /** `namespace/name` */
  key: string;
  ports: PortSpec[];
  /** Its map and set elements. */
  elements: ElementTriples;
  chains: number;
  rules: number;
  affinitySets: number;
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

const ipOf = (e: NftEndpointInfo): string => e.ip;
const portOf = (e: NftEndpointInfo): number => e.port;

/** Snapshots a Service and writes its elements into `unit.elements`. */
export function makeUnit(
  key: string,
  svc: Service,
  slices: readonly EndpointSlice[],
  node: string,
  params: ServiceParams,
): ServiceUnit {
  const u: ServiceUnit = {
    key,
    // One per spec port, made by map: no spare capacity to trim.
    ports: portSpecs(svc, slices, node, params.names),
    reachable: [],
    serviceChains: [],
    elements: new ElementTriples(),
    chains: 0,
    rules: 0,
    affinitySets: 0,
  };
  for (const spec of u.ports) {
    const { chains, reachable, reachableChains, cat } = serviceChains(
      withEndpoints(spec, params.names),
      params,
    );
    const counts = countsOf(cat);
    writeElements(u.elements, spec, counts);
    const shape = shapeOf(spec, counts, params);
    u.chains += shape.chains;
    u.rules += shape.rules;
    u.affinitySets += shape.affinitySets;
    for (const c of chains) u.serviceChains.push(c);
    u.reachable.push({
      chains: reachableChains,
      ips: reachable.map(ipOf),
      ports: reachable.map(portOf),
    });
  }
  u.elements.trim(trimmed);
  u.serviceChains = trimmed(u.serviceChains);
  u.reachable = trimmed(u.reachable);
  return u;
}

/**
 * Calls `link` for each verdict or action of the unit that names one of its
 * chains (map elements, numgen and goto actions of its service chains), with
 * the service chain it names when it names one: evaluation follows these
 * links to the chain, as the kernel's verdicts point at their chains, rather
 * than finding the chain among 10,000 Services by name.
 */
export function unitLinks(u: ServiceUnit, to: UnitLinks): void {
  for (let i = 0; i < u.elements.length; i++) visitLink(u, u.elements.element(i).verdict, to);
  for (const c of u.serviceChains) for (const r of c.rules) visitLink(u, r.action, to);
}

/** Receives `unitLinks`' links. */
export interface UnitLinks {
  link(from: Action, unit: ServiceUnit, target: NftChain | undefined): void;
}

function visitLink(u: ServiceUnit, v: Action | undefined, to: UnitLinks): void {
  if (v === undefined) return;
  if (v.k === "numgen") to.link(v, u, undefined);
  else if ("chain" in v) {
    const target = ownChain(u, v.chain);
    if (target || v.chain.startsWith(ENDPOINT)) to.link(v, u, target);
  }
}

/** The unit's service chain `name`, if it has one. */
function ownChain(u: ServiceUnit, name: string): NftChain | undefined {
  for (const c of u.serviceChains) if (c.name === name) return c;
  return undefined;
}

const DISCARD: PutElement = { put() {} };

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
  // Names are compared whole, never sliced.
  const own = ownChain(u, name);
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
