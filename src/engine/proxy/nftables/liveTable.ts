/**
 * The table as the data plane keeps it: the fixed objects and the shared
 * sets and maps (every element, so lookups are one Map get), plus one
 * `ServiceUnit` per Service whose endpoint chains are written when walked. A sync
 * re-reads only the Services the change tracker reports changed and counts
 * its writes by comparing those Services' old and new objects.
 */
import type { EndpointSlice, Service } from "../../api/types";
import type { Hook } from "../../net/types";
import { type ServiceChange, ServiceChangeTracker } from "../changeTracker";
import type { ProxyInput } from "../types";
import { type NodeParams, nodeParams } from "./build";
import { diffWrites } from "./diff";
import { baseChainsByHook, type TableView } from "./evaluate";
import type { Action, NftChain, NftSet, NftTable } from "./model";
import { type DynamicElements, renderChain, renderChains, renderSet } from "./render";
import { isProgrammed, slicesByService, sortedServices } from "./servicePorts";
import {
  makeUnit,
  type ServiceUnit,
  type UnitLinks,
  unitChain,
  unitLinks,
  unitSet,
  writeUnit,
  written,
} from "./serviceUnit";
import { scratchTable, setupTable } from "./setup";

const NO_SLICES: readonly EndpointSlice[] = [];
/** Name prefixes of per-Service objects (`service-HASH8-ns/svc/...`). */
const OWN = new Set(["service", "local", "external", "firewall", "endpoint", "affinity"]);
const HASH_AND_DASH = 9;

/** Where a verdict or action that names a per-Service chain leads: the chain when it is a service chain, else its unit. */
type Link = NftChain | ServiceUnit;

function elementKey(set: string, key: string): string {
  return `${set}\n${key}`;
}

export class LiveTable implements TableView, UnitLinks {
  readonly fixed: NftTable;
  private readonly tracker = new ServiceChangeTracker();
  private readonly units = new Map<string, ServiceUnit>();
  /** The units' verdicts and actions that name one of their chains (`unitLinks`); they go with their unit. */
  private readonly links = new WeakMap<object, Link>();
  /** Units sorted by key: the table's creation order. */
  private order: ServiceUnit[] = [];
  private chainCount = 0;
  private ruleCount = 0;
  private affinitySetCount = 0;
  /** Two Services share an element or a key: removing one would need the other's, so syncs rebuild. */
  private conflicted = false;
  private byHook: Map<Hook, NftChain[]> | undefined;

  private constructor(
    readonly node: string,
    readonly params: NodeParams,
  ) {
    this.fixed = setupTable(params.setup);
  }

  baseChains(hook: Hook): readonly NftChain[] {
    this.byHook ??= baseChainsByHook(this.fixed);
    return this.byHook.get(hook) ?? [];
  }

  /** The table for `input` on `node`. */
  static build(input: ProxyInput, node: string): LiveTable {
    const live = new LiveTable(node, nodeParams(input, node));
    const tracked = live.tracker.sync(input.services, input.endpointSlices);
    let units: ServiceUnit[];
    if (tracked.duplicates) {
      // Every Service object gets its unit, as a full sync writes them all.
      live.conflicted = true;
      const groups = slicesByService(input.endpointSlices);
      units = [];
      for (const { svc, key } of sortedServices(input.services))
        if (isProgrammed(svc)) units.push(live.make(key, svc, groups.get(key) ?? NO_SLICES));
    } else units = live.changedUnits(tracked.changed);
    for (let i = 0; i < units.length; i++) live.add(units[i]!);
    live.order = units;
    return live;
  }

  private make(key: string, svc: Service, slices: readonly EndpointSlice[]): ServiceUnit {
    return makeUnit(key, svc, slices, this.node, this.params.service);
  }

  /** Units for the changed Services that kube-proxy programs, sorted by key. */
  private changedUnits(changed: Map<string, ServiceChange>): ServiceUnit[] {
    const out: ServiceUnit[] = [];
    // forEach: no iterator result per Service while this once-per-sync loop runs unoptimised.
    changed.forEach((c) => {
      if (c.service && isProgrammed(c.service)) out.push(this.make(c.key, c.service, c.slices));
    });
    for (let i = 1; i < out.length; i++) if (out[i - 1]!.key > out[i]!.key) return out.sort(byKey);
    return out;
  }

  /**
   * Follows `input`, returning the writes, or undefined when this table
   * cannot follow it in place (node or configuration changed, or Services
   * sharing elements or a key): then build a new one.
   */
  sync(input: ProxyInput): number | undefined {
    if (this.conflicted || nodeParams(input, this.node).key !== this.params.key) return undefined;
    const tracked = this.tracker.sync(input.services, input.endpointSlices);
    if (tracked.duplicates) return undefined;
    const removed: ServiceUnit[] = [];
    for (const key of tracked.changed.keys()) {
      const old = this.units.get(key);
      if (old) removed.push(old);
    }
    const added = this.changedUnits(tracked.changed);
    if (this.wouldConflict(removed, added)) return undefined;
    const before = scratchTable();
    for (const u of removed) writeUnit(u, this.params.service, before);
    const after = scratchTable();
    for (const u of added) writeUnit(u, this.params.service, after);
    for (const u of removed) this.remove(u);
    for (const u of added) this.add(u);
    if (removed.length + added.length === 0) return 0;
    const gone = new Set(removed);
    this.order = merge(
      this.order.filter((u) => !gone.has(u)),
      added,
    );
    return diffWrites(before, after);
  }

  /** Would an added Service take an element another (kept) Service holds? */
  private wouldConflict(removed: ServiceUnit[], added: ServiceUnit[]): boolean {
    const freed = new Set<string>();
    for (const u of removed)
      for (let i = 0; i < u.elements.length; i++) freed.add(elementKey(u.elements.set(i), u.elements.key(i)));
    const claimed = new Map<string, ServiceUnit>();
    for (const u of added)
      for (let i = 0; i < u.elements.length; i++) {
        const set = u.elements.set(i);
        const key = u.elements.key(i);
        const k = elementKey(set, key);
        const by = claimed.get(k);
        if (by !== undefined && by !== u) return true;
        if (this.shared(set)?.elements.has(key) && !freed.has(k)) return true;
        claimed.set(k, u);
      }
    return false;
  }

  private shared(set: string): NftSet | undefined {
    return this.fixed.sets.get(set);
  }

  private add(u: ServiceUnit): void {
    const els = u.elements;
    for (let i = 0; i < els.length; i++) {
      const map = this.shared(els.set(i))?.elements;
      if (!map) continue;
      const size = map.size;
      map.set(els.key(i), els.element(i));
      // The key was there already (the map did not grow): another Service's, unless this one put it earlier.
      if (!this.conflicted && map.size === size && !ownsEarlier(u, i)) this.conflicted = true;
    }
    unitLinks(u, this);
    this.units.set(u.key, u);
    this.chainCount += u.chains;
    this.ruleCount += u.rules;
    this.affinitySetCount += u.affinitySets;
  }

  /** Records one of a unit's links (`unitLinks`). */
  link(from: Action, unit: ServiceUnit, target: NftChain | undefined): void {
    this.links.set(from, target ?? unit);
  }

  private remove(u: ServiceUnit): void {
    const els = u.elements;
    for (let i = 0; i < els.length; i++) this.shared(els.set(i))?.elements.delete(els.key(i));
    if (this.units.get(u.key) === u) this.units.delete(u.key);
    this.chainCount -= u.chains;
    this.ruleCount -= u.rules;
    this.affinitySetCount -= u.affinitySets;
  }

  /** The Service owning a per-Service chain or set name, parsed from `prefix-HASH8-ns/svc/...`. */
  private unitFor(name: string): ServiceUnit | undefined {
    const dash = name.indexOf("-");
    if (dash < 0) return undefined;
    const start = dash + 1 + HASH_AND_DASH;
    if (!OWN.has(name.slice(0, dash))) return undefined;
    const ns = name.indexOf("/", start);
    const svc = ns < 0 ? -1 : name.indexOf("/", ns + 1);
    return svc < 0 ? undefined : this.units.get(name.slice(start, svc));
  }

  // A chain is found from the verdict that names it (its link) or from its name's Service: no
  // table-wide index of chains, so a packet's cost does not grow with the table.
  chain(name: string, from?: object, at?: number): NftChain | undefined {
    const link = from && this.links.get(from);
    if (link) return "key" in link ? unitChain(link, name, at) : link;
    const fixed = this.fixed.chains.get(name);
    if (fixed) return fixed;
    const u = this.unitFor(name);
    return u && unitChain(u, name);
  }

  set(name: string): NftSet | undefined {
    const fixed = this.fixed.sets.get(name);
    if (fixed) return fixed;
    const u = this.unitFor(name);
    return u && unitSet(u, name);
  }

  /** Affinity sets in creation order (their Services' chains are written and kept). */
  *affinitySets(): Generator<NftSet> {
    for (const u of this.order) if (u.affinitySets > 0) yield* written(u, this.params.service).sets.values();
  }

  /**
   * The listing's blocks: sets and maps, fixed chains, then each Service's
   * chains (rendered once per Service version and kept as text; Services
   * not yet written are written for the rendering only).
   */
  blocks(dynamic: DynamicElements, nowMs: number): string[] {
    const out: string[] = [];
    for (const s of this.fixed.sets.values()) out.push(renderSet(s, dynamic, nowMs));
    for (const s of this.affinitySets()) out.push(renderSet(s, dynamic, nowMs));
    for (const c of this.fixed.chains.values()) out.push(renderChain(c));
    for (const u of this.order) {
      if (u.chains === 0) continue;
      u.listing ??= renderChains((u.written ?? writeUnit(u, this.params.service)).chains.values());
      out.push(u.listing);
    }
    return out;
  }

  /** How many chains, rules and affinity sets the table holds, without writing any. */
  counts(): { chains: number; rules: number; affinitySets: number } {
    let rules = this.ruleCount;
    for (const c of this.fixed.chains.values()) rules += c.rules.length;
    return { chains: this.fixed.chains.size + this.chainCount, rules, affinitySets: this.affinitySetCount };
  }

  /** Every object written out, as a full sync (`buildTable`) writes the table. */
  materialize(): NftTable {
    const t = setupTable(this.params.setup);
    for (const u of this.order) writeUnit(u, this.params.service, t);
    return t;
  }
}

/** Did `u` itself put this element's key earlier (a multi-port Service's one ClusterIP)? */
function ownsEarlier(u: ServiceUnit, i: number): boolean {
  const els = u.elements;
  for (let j = 0; j < i; j++) if (els.set(j) === els.set(i) && els.key(j) === els.key(i)) return true;
  return false;
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
    while (j < added.length && added[j]!.key < u.key) out.push(added[j++]!);
    out.push(u);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}
