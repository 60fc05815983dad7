/**
 * One node's IPVS-mode data plane: the kernel tables (virtual servers,
 * connections, scheduler state), the dummy interface, the ipsets and the
 * remaining iptables rules, kept across kube-proxy syncs.
 */
import type { ClusterConfig, IpvsScheduler } from "../../api/configTypes";
import type { SchedulerReason } from "../../net/hopWalk";
import type { Hook, Packet, Protocol } from "../../net/types";
import { ServiceChangeTracker, serviceKey, type TrackedChanges } from "../changeTracker";
import { slicesByService } from "../endpoints";
import { type EvalContext, type RecentLists, type Ruleset, ruleCount } from "../iptables/netfilter";
import { localTrafficCIDR } from "../localDetector";
import type { DataPlaneSize, HookContext, HookResult, NodeDataPlane, ProxyInput } from "../types";
import { assemble, type DesiredState } from "./assemble";
import { ConnTable } from "./conntable";
import { ipvsHook } from "./hooks";
import { emptyIpsets, IpsetIndex } from "./ipsets";
import type { IpvsConn, IpvsNodeState, RealServer, VirtualServer } from "./model";
import { ownStats, serviceNumber, vsKey } from "./model";
import { writeIpvsIptables } from "./rules";
import { SCHEDULERS, type SchedFlag } from "./schedulers";
import { serviceShare } from "./serviceShare";
import { type ShareEnv, shareEnv } from "./shareEnv";
import type { ServiceShare } from "./shareWriter";
import { applyDesired, reapDrained, type SchedSlot } from "./sync";
import type { KernelVirtualServer } from "./virtualServer";

/** What one scheduling decision did. */
export interface ConnectResult {
  vs?: VirtualServer;
  /** The chosen real server; undefined = "no destination available". */
  dest?: RealServer;
  conn?: IpvsConn;
  /** A persistence template was reused (true) or created (false). */
  templateReused?: boolean;
  /** Hash probes: connection table, service table, template. */
  lookups: number;
  /** The packet belongs to a connection entry already (a later packet of it). */
  existing?: boolean;
  /** Why the scheduler chose `dest`, when asked (a traced packet) and it ran. */
  reason?: { scheduler: IpvsScheduler; reason: SchedulerReason };
}

/** A deterministic locally-administered MAC for `kube-ipvs0` from the node name (FNV-1a). */
export function dummyMac(node: string): string {
  const bytes: number[] = [];
  let h = 0x811c9dc5;
  for (let round = 0; bytes.length < 6; round++) {
    for (const ch of `${node}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    bytes.push(h & 255, (h >>> 8) & 255, (h >>> 16) & 255);
  }
  bytes[0] = (bytes[0]! & 0xfe) | 0x02;
  return bytes
    .slice(0, 6)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join(":");
}

/** The first real server of `dests` with `key`. */
function destByKey(dests: readonly RealServer[], key: string): RealServer | undefined {
  for (let i = 0; i < dests.length; i++) if (dests[i]!.key === key) return dests[i];
  return undefined;
}

export class IpvsDataPlane implements NodeDataPlane {
  readonly mode = "ipvs" as const;
  readonly node: string;
  readonly state: IpvsNodeState;
  readonly conns = new ConnTable();
  private readonly sched = new Map<string, SchedSlot>();
  private readonly tracker = new ServiceChangeTracker();
  /** Each Service's share of the desired state, by key, as the last sync read it. */
  private readonly shares = new Map<string, ServiceShare>();
  /** The sync-wide settings the shares were read with. */
  private envKey = "";
  private tables: Ruleset;
  private index: IpsetIndex;
  private writes = 0;
  /** Virtual servers with weight-0 (draining) real servers. */
  private readonly draining = new Set<string>();
  /** `xt_recent` lists (kube-proxy writes no `recent` rule in IPVS mode; the evaluator needs them). */
  readonly recent: RecentLists = {};
  /** `-m set` tests and keys against the current sets (made once; the hooks hand them to the evaluator). */
  readonly ipsetTest: NonNullable<EvalContext["ipset"]> = (name, flags, p) => this.index.test(name, flags, p);
  readonly ipsetKey: NonNullable<EvalContext["ipsetKey"]> = (name, flags, p) =>
    this.index.key(name, flags, p);
  /** The last virtual time seen (hooks, ticks). */
  nowMs = 0;
  /** The virtual servers by `serviceNumber` (IPv4 ones), kept in step by each sync. */
  private readonly byNumber = new Map<number, KernelVirtualServer>();

  constructor(node: string) {
    this.node = node;
    this.state = {
      node,
      ipvsAddresses: [],
      mac: dummyMac(node),
      virtualServers: new Map(),
      ipsets: emptyIpsets(),
      nodeIPs: [],
      masqueradeMark: 1 << 14,
      clusterCIDR: "10.244.0.0/16",
      masqueradeAll: false,
    };
    this.index = new IpsetIndex(this.state.ipsets.values());
    this.tables = this.writeIptables();
  }

  private writeIptables() {
    const s = this.state;
    return writeIpvsIptables(this.index, s.masqueradeMark, s.clusterCIDR, s.masqueradeAll);
  }

  /**
   * One kube-proxy syncProxyRules run: the Services the change tracker
   * reports changed are read again, the others keep their share, and the
   * kernel state is brought to what all the shares describe.
   */
  sync(input: ProxyInput): void {
    const cfg: ClusterConfig = input.config;
    const tracked = this.tracker.sync(input.services, input.endpointSlices);
    const env = shareEnv(input, this.node);
    const envKey = JSON.stringify([env.scheduler, env.nodeIPs]);
    const settled = tracked.changed.size === 0 && envKey === this.envKey && this.draining.size === 0;
    this.state.masqueradeMark = 1 << cfg.masqueradeBit;
    this.state.clusterCIDR = localTrafficCIDR(cfg, input.nodes, this.node);
    this.state.masqueradeAll = cfg.masqueradeAll === true;
    // Nothing changed and nothing drains: the kernel state is already what the shares describe.
    this.writes = settled
      ? 0
      : applyDesired(this.state, this.desired(input, tracked, env, envKey), this.sched, this.byNumber);
    this.draining.clear();
    this.state.virtualServers.forEach((vs) => {
      if (vs.hasDraining()) this.draining.add(vs.key);
    });
    this.index = new IpsetIndex(this.state.ipsets.values());
    this.tables = this.writeIptables();
  }

  /** The desired state from the kept shares and the changed Services' new ones. */
  private desired(input: ProxyInput, tracked: TrackedChanges, env: ShareEnv, envKey: string): DesiredState {
    let shares: ServiceShare[];
    if (tracked.duplicates) {
      // Two Services of one key: each object read in turn, none kept.
      const slices = slicesByService(input.endpointSlices);
      this.shares.clear();
      shares = input.services.map((svc) => serviceShare(svc, slices.get(serviceKey(svc)), env));
    } else {
      // A changed setting reads every Service again.
      if (envKey !== this.envKey) this.shares.clear();
      tracked.changed.forEach((c) => {
        if (c.service) this.shares.set(c.key, serviceShare(c.service, c.slices, env));
        else this.shares.delete(c.key);
      });
      shares = tracked.keys.map((key) => {
        let share = this.shares.get(key);
        if (!share) {
          const { service, slices } = this.tracker.objects(key)!;
          share = serviceShare(service, slices, env);
          this.shares.set(key, share);
        }
        return share;
      });
    }
    this.envKey = tracked.duplicates ? "" : envKey;
    return assemble(shares, [...env.nodeIPs]);
  }

  hook(hook: Hook, packet: Packet, ctx: HookContext): HookResult {
    this.tick(ctx.nowMs);
    return ipvsHook(this, hook, packet, ctx);
  }

  size(): DataPlaneSize {
    let realServers = 0;
    for (const vs of this.state.virtualServers.values()) realServers += vs.destCount;
    let ipsetEntries = 0;
    for (const s of this.state.ipsets.values()) ipsetEntries += s.size;
    return {
      primary: this.state.virtualServers.size,
      detail: {
        virtualServers: this.state.virtualServers.size,
        realServers,
        ipsetEntries,
        iptablesRules: ruleCount(this.tables.tables.nat) + ruleCount(this.tables.tables.filter),
        kubeIpvs0Addresses: this.state.ipvsAddresses.length,
        connections: this.conns.size,
      },
    };
  }

  lastSyncWrites(): number {
    return this.writes;
  }

  /** The iptables rules kube-proxy keeps in IPVS mode, in the kernel's tables (counters included). */
  iptables(): Ruleset {
    return this.tables;
  }

  ipsetIndex(): IpsetIndex {
    return this.index;
  }

  /** Runs connection timers and graceful-termination clean-up up to `nowMs`. */
  tick(nowMs: number): void {
    if (nowMs < this.nowMs) return;
    this.nowMs = nowMs;
    if (!this.conns.expire(nowMs)) return;
    for (const key of [...this.draining]) {
      const vs = this.state.virtualServers.get(key);
      if (vs) reapDrained(vs, this.sched);
      if (!vs || vs.dests.every((d) => d.weight > 0)) this.draining.delete(key);
    }
  }

  /**
   * ip_vs_in for a packet with no connection entry yet: look the virtual
   * server up, apply persistence (templates), run the scheduler and create
   * the connection entry. Counts the hash probes it makes; `explain` asks
   * the scheduler why it chose (a traced packet).
   */
  connect(
    pkt: { proto: Protocol; src: string; sport: number; dst: string; dport: number },
    nowMs: number,
    explain = false,
  ): ConnectResult {
    this.tick(nowMs);
    const res: ConnectResult = { lookups: 1 };
    const existing = this.conns.lookupIn(pkt.proto, pkt.src, pkt.sport, pkt.dst, pkt.dport);
    if (existing) {
      this.conns.touch(existing, nowMs);
      res.existing = true;
      res.conn = existing;
      res.dest = this.conns.destOf(existing);
      res.vs = this.state.virtualServers.get(existing.vsKey);
      return res;
    }
    res.lookups++;
    const vs = this.virtualServer(pkt.proto, pkt.dst, pkt.dport);
    if (!vs) return res;
    res.vs = vs;
    let dest: RealServer | undefined;
    let template: IpvsConn | undefined;
    if (vs.persistentTimeout !== undefined) {
      res.lookups++;
      template = this.conns.lookupIn(pkt.proto, pkt.src, 0, vs.ip, vs.port);
      const tdest = template ? this.conns.destOf(template) : undefined;
      // expire_quiescent_template=1: a template to a weight-0 server is dropped.
      if (template && (!tdest || tdest.weight === 0 || !vs.dests.includes(tdest))) {
        this.conns.removeTemplate(template);
        template = undefined;
      }
      if (template) {
        dest = tdest;
        res.templateReused = true;
        this.conns.touch(template, nowMs);
      }
    }
    if (!dest) {
      const picked = this.pick(vs, pkt, nowMs, explain);
      dest = picked.dest;
      if (picked.reason) res.reason = picked.reason;
    }
    if (!dest) return res;
    if (vs.persistentTimeout !== undefined && !template) {
      res.templateReused = false;
      template = this.conns.addTemplate(
        { proto: pkt.proto, caddr: pkt.src, vaddr: vs.ip, vport: vs.port, vsKey: vs.key, dest },
        vs.persistentTimeout,
        nowMs,
      );
    }
    const conn = this.conns.add(
      {
        proto: pkt.proto,
        caddr: pkt.src,
        cport: pkt.sport,
        vaddr: vs.ip,
        vport: vs.port,
        vsKey: vs.key,
        dest,
        controlledBy: template?.id,
      },
      nowMs,
    );
    ownStats(vs).conns++;
    ownStats(dest).conns++;
    res.dest = dest;
    res.conn = conn;
    return res;
  }

  /** ip_vs_service_find: the virtual server of a protocol, address and port (one hash lookup). */
  virtualServer(proto: Protocol, ip: string, port: number): VirtualServer | undefined {
    const n = serviceNumber(proto, ip, port);
    if (n === undefined) return this.state.virtualServers.get(vsKey(proto, ip, port));
    return this.byNumber.get(n);
  }

  private pick(
    vs: VirtualServer,
    pkt: { src: string; sport: number; dst: string; dport: number },
    nowMs: number,
    explain: boolean,
  ): { dest?: RealServer; reason?: ConnectResult["reason"] } {
    const impl = SCHEDULERS[vs.scheduler];
    let slot = this.sched.get(vs.key);
    if (!slot || slot.name !== vs.scheduler) {
      slot = { name: vs.scheduler, state: impl.init(vs.dests) };
      this.sched.set(vs.key, slot);
    }
    const sp = { src: pkt.src, sport: pkt.sport, dst: pkt.dst, dport: pkt.dport, nowMs };
    const flags = vs.schedFlags as SchedFlag[];
    const reason = explain ? impl.explain(slot.state, vs.dests, sp, flags) : undefined;
    const chosen = impl.schedule(slot.state, vs.dests, sp, flags);
    const dest = chosen ? destByKey(vs.dests, chosen.key) : undefined;
    if (!reason) return { dest };
    // A hash's fallback flag moved past a weight-0 owner: say where it went.
    if (reason.rule === "hash" && dest && dest.key !== reason.owner) reason.fallback = dest.key;
    return { dest, reason: { scheduler: vs.scheduler, reason } };
  }

  /** The client closes connection `id` (ESTABLISHED → FIN_WAIT). */
  close(id: number, nowMs: number = this.nowMs): void {
    this.tick(nowMs);
    const c = this.conns.get(id);
    if (c) this.conns.close(c, nowMs);
  }

  /** Every connection entry at `nowMs` (expired ones gone), oldest first. */
  connections(nowMs: number = this.nowMs): IpvsConn[] {
    this.tick(nowMs);
    return this.conns.list().map((c) => ({ ...c }));
  }
}
