/**
 * One node's iptables data plane: kube-proxy's rules loaded into a netfilter
 * ruleset, evaluated per hook, re-synced on demand, rendered as the tools print it.
 */
import type { Hook, Packet } from "../../net/types";
import { ServiceChangeTracker } from "../changeTracker";
import { localTrafficCIDR } from "../localDetector";
import type { DataPlaneSize, HookContext, HookResult, NodeDataPlane, ProxyInput } from "../types";
import { applyRestore, initialRuleset } from "./kernelState";
import type { EvalContext, RecentLists } from "./netfilter/context";
import { evaluate } from "./netfilter/evaluate";
import { type ListOptions, type ListOutput, listRules, listTable } from "./netfilter/list";
import { ruleCount } from "./netfilter/ruleset";
import { iptablesSave, type SaveOptions } from "./netfilter/save";
import type { Ruleset, TableName } from "./netfilter/types";
import { defaultIptablesOptions, type IptablesProxyOptions } from "./options";
import { PortLines, type PortRules, type SyncBuffer } from "./portRules";
import { renderRestore } from "./restoreText";
import { planSync } from "./syncAccounting";
import { computeRules } from "./syncRules";

/** The iptables-specific surface beyond NodeDataPlane: what iptables-save, iptables -L and the UI read. */
export interface IptablesDataPlane extends NodeDataPlane {
  readonly mode: "iptables";
  /** The kernel's tables on this node (plain data; counters change as packets pass). */
  readonly ruleset: Ruleset;
  /** `xt_recent` lists (session affinity). */
  readonly recent: RecentLists;
  /** Recomputes the rules and applies them (partial unless `full` or first). */
  sync(input: ProxyInput, opts?: { full?: boolean }): void;
  /** Runs a whole-table renderer over `ruleset` (service ports' lines are kept while it runs). */
  readAll<T>(f: () => T): T;
  /** What the last sync wrote to iptables-restore. */
  lastRestoreInput(): string;
  /** The whole current rule set as restore input (what a full sync would write). */
  restoreInput(): string;
  save(opts: SaveOptions): string;
  list(table: TableName, opts: ListOptions): ListOutput;
  listRules(table: TableName, opts: ListOptions): ListOutput;
}

/** Tables at each hook, in netfilter priority order (mangle -150, nat DNAT -100, filter 0, nat SNAT 100). */
const HOOK_TABLES: Record<Hook, TableName[]> = {
  PREROUTING: ["mangle", "nat"],
  INPUT: ["mangle", "filter", "nat"],
  FORWARD: ["mangle", "filter"],
  OUTPUT: ["mangle", "nat", "filter"],
  POSTROUTING: ["mangle", "nat"],
};

/** Builds and first-syncs a node's data plane. */
export function buildIptablesDataPlane(
  input: ProxyInput,
  node: string,
  overrides: Partial<IptablesProxyOptions> = {},
): IptablesDataPlane {
  const ruleset = initialRuleset();
  const recent: RecentLists = {};
  const lines = new PortLines();
  const tracker = new ServiceChangeTracker();
  const optionsFor = (i: ProxyInput): IptablesProxyOptions => ({
    ...defaultIptablesOptions(i.config, localTrafficCIDR(i.config, i.nodes, node)),
    ...overrides,
  });
  let options: IptablesProxyOptions = optionsFor(input);
  let buffer: SyncBuffer | undefined;
  let writes = 0;
  let lastText = "";
  let lastChanged: ReadonlySet<PortRules> = new Set();
  let stats = { servicePorts: 0, endpoints: 0 };
  let sized: DataPlaneSize | undefined;

  const sync = (next: ProxyInput, opts: { full?: boolean } = {}): void => {
    options = optionsFor(next);
    const out = computeRules(next, node, options, buffer, tracker);
    const plan = planSync(buffer, out.buffer, opts.full === true, lines);
    applyRestore(ruleset, out.buffer, plan, lines);
    lastChanged = plan.changed;
    lastText = "";
    buffer = out.buffer;
    writes = plan.writes;
    stats = { servicePorts: out.servicePorts, endpoints: out.endpoints };
    sized = undefined;
  };

  const hook = (h: Hook, packet: Packet, ctx: HookContext): HookResult => {
    const ectx: EvalContext = {
      ctState: ctx.ctState,
      dstIsLocal: ctx.dstIsLocal,
      srcIsLocal: ctx.srcIsLocal,
      random: ctx.random,
      nowMs: ctx.nowMs,
      recent,
      recordWalk: ctx.recordWalk === true,
      countsOnly: ctx.countsOnly === true,
      folds: ctx.folds,
      // One shape for every packet (an absent interface is undefined), so the evaluator's reads stay monomorphic.
      inInterface: ctx.inInterface,
      outInterface: ctx.outInterface,
    };
    const result: HookResult = {
      packet: { ...packet },
      verdict: "ACCEPT",
      matched: [],
      ...(ctx.recordWalk ? { walk: [] } : {}),
      rulesEvaluated: 0,
      lookups: 0,
    };
    for (const t of HOOK_TABLES[h]) {
      // Conntrack keeps a connection's NAT decision: nat chains see only its first packet.
      if (t === "nat" && ctx.ctState !== "NEW") continue;
      const table = ruleset.tables[t];
      if (!table?.chains.has(h)) continue;
      const r = evaluate(table, h, result.packet, ectx);
      result.packet = r.packet;
      result.matched.push(...r.matched);
      if (r.visit && r.visit.tested > 0)
        result.walk?.push({
          k: "netfilter",
          family: "iptables",
          hook: h,
          visit: r.visit,
          verdict: r.verdict,
        });
      result.rulesEvaluated += r.rulesEvaluated;
      result.lookups += r.lookups;
      if (r.dnat) result.dnat = r.dnat;
      if (r.snat) result.snat = r.snat;
      if (r.verdict !== "ACCEPT") {
        result.verdict = r.verdict;
        if (r.rejectWith) result.rejectWith = r.rejectWith;
        break;
      }
    }
    return result;
  };

  // Rules and chains change only when a sync applies (the commands list and zero, never edit).
  const size = (): DataPlaneSize => {
    if (!sized) {
      const nat = ruleCount(ruleset.tables.nat);
      sized = {
        primary: nat,
        detail: {
          natRules: nat,
          filterRules: ruleCount(ruleset.tables.filter),
          natChains: ruleset.tables.nat!.chains.size,
          filterChains: ruleset.tables.filter!.chains.size,
          servicePorts: stats.servicePorts,
          endpoints: stats.endpoints,
        },
      };
    }
    return { primary: sized.primary, detail: { ...sized.detail } };
  };

  sync(input, { full: true });
  return {
    mode: "iptables",
    node,
    ruleset,
    recent,
    hook,
    size,
    sync,
    lastSyncWrites: () => writes,
    lastRestoreInput: () => {
      if (!lastText && buffer) lastText = renderRestore(buffer, (p) => lastChanged.has(p));
      return lastText;
    },
    restoreInput: () => (buffer ? renderRestore(buffer) : ""),
    readAll: (f) => lines.readAll(f),
    save: (opts) => lines.readAll(() => iptablesSave(ruleset, opts)),
    list: (table, opts) => lines.readAll(() => listTable(ruleset.tables[table]!, opts)),
    listRules: (table, opts) => lines.readAll(() => listRules(ruleset.tables[table]!, opts)),
  };
}
