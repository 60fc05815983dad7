/**
 * kube-proxy's nftables mode as a `ProxyModeImpl`: one `ip kube-proxy`
 * table per node, synced incrementally, evaluated per packet.
 */
import type { Hook, Packet } from "../../net/types";
import type {
  DataPlaneSize,
  HookContext,
  HookResult,
  NodeDataPlane,
  ProxyInput,
  ProxyModeImpl,
} from "../types";
import { diffWrites } from "./diff";
import { type AffinityState, evaluateHook } from "./evaluate";
import { LiveTable } from "./liveTable";
import type { NftTable } from "./model";
import { type DynamicElements, renderBlocks, renderChain, renderSet, wrapInTable } from "./render";

/** An nftables node data plane, with what `nft list` shows. */
export interface NftablesDataPlane extends NodeDataPlane {
  readonly mode: "nftables";
  sync(input: ProxyInput): void;
  /** The table as last synced, every object written out (costs a full build: for tests and tools). */
  table(): NftTable;
  /** `nft list table ip kube-proxy` at virtual time `nowMs` (affinity expiry). */
  listTable(nowMs: number): string;
  /** `nft list chain ip kube-proxy NAME`, or undefined when there is no such chain. */
  listChain(name: string): string | undefined;
  /** `nft list set|map ip kube-proxy NAME`, or undefined when there is no such set/map of that kind. */
  listSet(kind: "set" | "map", name: string, nowMs: number): string | undefined;
}

/** Narrows a generic data plane to the nftables one. */
export function isNftablesDataPlane(p: NodeDataPlane | undefined): p is NftablesDataPlane {
  return p !== undefined && p.mode === "nftables" && "listTable" in p;
}

/** Every object of a table, as a full sync writes it (diff.ts's `fullWrites`, counted). */
function fullWrites(live: LiveTable): number {
  const { chains, rules, affinitySets } = live.counts();
  let n = 1 + affinitySets + chains + rules;
  for (const s of live.fixed.sets.values()) n += 1 + s.elements.size;
  return n;
}

class NodeNftables implements NftablesDataPlane {
  readonly mode = "nftables" as const;
  private live: LiveTable;
  private readonly affinity: AffinityState = new Map();
  private writes: number;

  constructor(
    input: ProxyInput,
    readonly node: string,
  ) {
    this.live = LiveTable.build(input, node);
    this.writes = fullWrites(this.live);
  }

  sync(input: ProxyInput): void {
    const writes = this.live.sync(input);
    if (writes !== undefined) this.writes = writes;
    else {
      const next = LiveTable.build(input, this.node);
      this.writes = diffWrites(this.live.materialize(), next.materialize());
      this.live = next;
    }
    for (const name of [...this.affinity.keys()]) if (!this.live.set(name)) this.affinity.delete(name);
  }

  hook(hook: Hook, packet: Packet, ctx: HookContext): HookResult {
    return evaluateHook(this.live, this.affinity, hook, packet, ctx);
  }

  size(): DataPlaneSize {
    const detail: Record<string, number> = {};
    let elements = 0;
    for (const s of this.live.fixed.sets.values()) {
      detail[s.name] = s.elements.size;
      elements += s.elements.size;
    }
    for (const s of this.live.affinitySets()) {
      detail[s.name] = this.affinity.get(s.name)?.size ?? 0;
      elements += detail[s.name] ?? 0;
    }
    const { chains, rules } = this.live.counts();
    detail.chains = chains;
    detail.rules = rules;
    return { primary: elements, detail };
  }

  lastSyncWrites(): number {
    return this.writes;
  }

  table(): NftTable {
    return this.live.materialize();
  }

  listTable(nowMs: number): string {
    return renderBlocks(this.live.fixed.comment, this.live.blocks(this.dynamic(), nowMs));
  }

  listChain(name: string): string | undefined {
    const c = this.live.chain(name);
    return c ? wrapInTable(renderChain(c)) : undefined;
  }

  listSet(kind: "set" | "map", name: string, nowMs: number): string | undefined {
    const s = this.live.set(name);
    return s && s.kind === kind ? wrapInTable(renderSet(s, this.dynamic(), nowMs)) : undefined;
  }

  private dynamic(): DynamicElements {
    return this.affinity;
  }
}

/** kube-proxy `--proxy-mode=nftables`; `build` returns the nftables-specific plane. */
export const nftablesMode = {
  mode: "nftables",
  build(input: ProxyInput, node: string): NftablesDataPlane {
    return new NodeNftables(input, node);
  },
} as const satisfies ProxyModeImpl;
