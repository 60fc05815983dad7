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
import { buildTable } from "./build";
import { diffWrites, fullWrites } from "./diff";
import { type AffinityState, evaluateHook } from "./evaluate";
import type { NftTable } from "./model";
import { type DynamicElements, renderChain, renderSet, renderTable, wrapInTable } from "./render";
import type { NameCache } from "./servicePorts";

/** An nftables node data plane, with what `nft list` shows. */
export interface NftablesDataPlane extends NodeDataPlane {
  readonly mode: "nftables";
  sync(input: ProxyInput): void;
  /** The table as last synced (read-only by convention). */
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

class NodeNftables implements NftablesDataPlane {
  readonly mode = "nftables" as const;
  private current: NftTable;
  private readonly affinity: AffinityState = new Map();
  private readonly names: NameCache = new Map();
  private writes: number;

  constructor(
    input: ProxyInput,
    readonly node: string,
  ) {
    this.current = buildTable(input, node, this.names);
    this.writes = fullWrites(this.current);
  }

  sync(input: ProxyInput): void {
    const next = buildTable(input, this.node, this.names);
    this.writes = diffWrites(this.current, next);
    this.current = next;
    for (const name of [...this.affinity.keys()]) if (!next.sets.has(name)) this.affinity.delete(name);
  }

  hook(hook: Hook, packet: Packet, ctx: HookContext): HookResult {
    return evaluateHook(this.current, this.affinity, hook, packet, ctx);
  }

  size(): DataPlaneSize {
    const detail: Record<string, number> = {};
    let elements = 0;
    let rules = 0;
    for (const s of this.current.sets.values()) {
      detail[s.name] =
        s.timeoutSeconds === undefined ? s.elements.size : (this.affinity.get(s.name)?.size ?? 0);
      elements += detail[s.name] ?? 0;
    }
    for (const c of this.current.chains.values()) rules += c.rules.length;
    detail.chains = this.current.chains.size;
    detail.rules = rules;
    return { primary: elements, detail };
  }

  lastSyncWrites(): number {
    return this.writes;
  }

  table(): NftTable {
    return this.current;
  }

  listTable(nowMs: number): string {
    return renderTable(this.current, this.dynamic(), nowMs);
  }

  listChain(name: string): string | undefined {
    const c = this.current.chains.get(name);
    return c ? wrapInTable(renderChain(c)) : undefined;
  }

  listSet(kind: "set" | "map", name: string, nowMs: number): string | undefined {
    const s = this.current.sets.get(name);
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
