/**
 * The table as the data plane keeps it: the fixed objects and the shared
 * sets and maps (every element, so lookups are one Map get), plus one
 * `ServiceUnit` per Service whose endpoint chains are written when walked. A sync
 * re-reads only the Services whose objects changed and counts its writes
 * by comparing those Services' old and new objects.
 * NOTE: a Service is "changed" when it or one of its EndpointSlices is a
 * different object or has another resourceVersion (the store bumps it on
 * every write); an object edited in place without a write is not seen,
 * as kube-proxy would not see it without a watch event.
 */
import type { EndpointSlice, Service } from "../../api/types";
import type { Hook } from "../../net/types";
import type { ProxyInput } from "../types";
import { type NodeParams, nodeParams } from "./build";
import { diffWrites } from "./diff";
import { baseChainsByHook, type TableView } from "./evaluate";
import type { NftChain, NftSet, NftTable } from "./model";
import { type DynamicElements, renderChain, renderChains, renderSet } from "./render";
import { isProgrammed, slicesByService, sortedServices } from "./servicePorts";
import {
  makeUnit,
  ownerOf,
  type ServiceUnit,
  targetOf,
  unitChain,
  unitSet,
  writeUnit,
  written,
} from "./serviceUnit";
import { scratchTable, setupTable } from "./setup";
import { UnitIndex } from "./unitIndex";

const NO_SLICES: readonly EndpointSlice[] = [];
/** Name prefixes of per-Service objects (`service-HASH8-ns/svc/...`). */
const OWN = new Set(["service", "local", "external", "firewall", "endpoint", "affinity"]);
const HASH_AND_DASH = 9;

function elementKey(set: string, key: string): string {
  return `${set}\n${key}`;
}

export class LiveTable implements TableView {
  readonly fixed: NftTable;
  private readonly index = new UnitIndex();
  private chainCount = 0;
  private ruleCount = 0;
  private affinitySetCount = 0;
  /** Two Services share an element: removing one would need the other's, so syncs rebuild. */
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
    const groups = slicesByService(input.endpointSlices);
    const ignored = new Map<Service, string | undefined>();
    for (const { svc, key } of sortedServices(input.services)) {
      if (!isProgrammed(svc)) {
        ignored.set(svc, svc.metadata.resourceVersion);
        continue;
      }
      const u = makeUnit(key, svc, groups.get(key) ?? NO_SLICES, node, live.params.service);
      if (live.index.units.has(key)) live.conflicted = true;
      live.add(u);
      live.index.order.push(u);
    }
    live.index.ignore(ignored, input.endpointSlices);
    return live;
  }

  /**
   * Follows `input`, returning the writes, or undefined when this table
   * cannot follow it in place (node or configuration changed, or Services
   * sharing elements or a key): then build a new one.
   */
  sync(input: ProxyInput): number | undefined {
    if (this.conflicted || nodeParams(input, this.node).key !== this.params.key) return undefined;
    const plan = this.index.plan(input, (key, svc, slices) =>
      makeUnit(key, svc, slices, this.node, this.params.service),
    );
    if (!plan || this.wouldConflict(plan.removed, plan.added)) return undefined;
    const before = scratchTable();
    for (const u of plan.removed) writeUnit(u, this.params.service, before);
    const after = scratchTable();
    for (const u of plan.added) writeUnit(u, this.params.service, after);
    for (const u of plan.removed) this.remove(u);
    for (const u of plan.added) this.add(u);
    this.index.order = plan.order;
    this.index.ignore(plan.ignoredSvcs, plan.ignoredSlices);
    return plan.removed.length + plan.added.length === 0 ? 0 : diffWrites(before, after);
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
      const key = els.key(i);
      if (!map) continue;
      if (!this.conflicted && map.has(key) && !ownsEarlier(u, i)) this.conflicted = true;
      map.set(key, els.element(i));
    }
    this.index.attach(u);
    this.chainCount += u.chains;
    this.ruleCount += u.rules;
    this.affinitySetCount += u.affinitySets;
  }

  private remove(u: ServiceUnit): void {
    const els = u.elements;
    for (let i = 0; i < els.length; i++) this.shared(els.set(i))?.elements.delete(els.key(i));
    this.index.detach(u);
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
    return svc < 0 ? undefined : this.index.units.get(name.slice(start, svc));
  }

  // No table-wide cache of chains found: at 10,000 Services it would be a 110,000-entry Map whose
  // inserts and cold lookups make a first packet's cost grow with the table, as the kernel's does not.
  chain(name: string, from?: object, at?: number): NftChain | undefined {
    const target = from && targetOf(from);
    if (target) return target;
    const owner = from && ownerOf(from);
    if (owner) return unitChain(owner, name, at);
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
    for (const u of this.index.order)
      if (u.affinitySets > 0) yield* written(u, this.params.service).sets.values();
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
    for (const u of this.index.order) {
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
    for (const u of this.index.order) writeUnit(u, this.params.service, t);
    return t;
  }
}

/** Did `u` itself put this element's key earlier (a multi-port Service's one ClusterIP)? */
function ownsEarlier(u: ServiceUnit, i: number): boolean {
  const els = u.elements;
  for (let j = 0; j < i; j++) if (els.set(j) === els.set(i) && els.key(j) === els.key(i)) return true;
  return false;
}
