/**
 * Applies kube-proxy's desired state to a node's IPVS state the way
 * syncService/syncEndpoint and the graceful-termination manager do:
 * new real servers go to the head of the kernel's list, removed ones drain
 * at weight 0 until their connections are gone.
 */
import type { IpvsScheduler } from "../../api/configTypes";
import type { DesiredState } from "./assemble";
import type { DestList } from "./destList";
import type { IpvsNodeState, RealServer, VirtualServer } from "./model";
import { serviceNumber } from "./model";
import { SCHEDULERS } from "./schedulers";
import type { DesiredVS } from "./shareWriter";
import { KernelVirtualServer, newRealServer } from "./virtualServer";

/** One virtual server's scheduler state (the kernel's `sched_data`). */
export interface SchedSlot {
  name: IpvsScheduler;
  state: unknown;
}

/**
 * Removes drained weight-0 real servers.
 * NOTE: kube-proxy's graceful-termination manager checks once a minute; here
 * the check runs at every sync and clock tick.
 */
export function reapDrained(vs: VirtualServer, sched: Map<string, SchedSlot>): number {
  const keep = vs.dests.filter((d) => d.weight > 0 || d.activeConns + d.inactConns > 0);
  if (keep.length === vs.dests.length) return 0;
  const removed = vs.dests.length - keep.length;
  notify(vs, sched, vs.dests, keep);
  vs.dests = keep;
  return removed;
}

function notify(
  vs: VirtualServer,
  sched: Map<string, SchedSlot>,
  old: RealServer[],
  next: RealServer[],
): void {
  const slot = sched.get(vs.key);
  if (slot) slot.state = SCHEDULERS[slot.name].update(slot.state, old, next);
}

/**
 * The real servers are exactly the desired ones, in the order a fresh add
 * would leave them (the reverse of the desired order), none draining: a
 * sync would write nothing.
 */
function unchanged(cur: readonly RealServer[], want: DestList): boolean {
  const n = cur.length;
  if (n !== want.length) return false;
  for (let i = 0; i < n; i++) {
    const r = cur[n - 1 - i]!;
    // A real server's key is its `ip:port`: the same address and port, the same key.
    if (r.weight === 0 || r.ip !== want.ip(i) || r.port !== want.port(i)) return false;
  }
  return true;
}

function syncDests(
  vs: KernelVirtualServer,
  d: DesiredVS,
  sched: Map<string, SchedSlot>,
  node: string,
): number {
  if (vs.destCount === 0) {
    const n = d.dests.length;
    vs.addToEmpty(d.dests);
    // A scheduler that ran on the empty server learns the new list now (which makes it).
    if (n > 0 && sched.has(vs.key)) notify(vs, sched, [], vs.dests);
    return n;
  }
  if (vs.holdsAdded(d.dests)) return 0;
  if (unchanged(vs.dests, d.dests)) return 0;
  let writes = 0;
  const old = [...vs.dests];
  const byKey = new Map(vs.dests.map((r) => [r.key, r]));
  const wanted = d.dests;
  const want = new Set<string>();
  for (let i = 0; i < wanted.length; i++) want.add(wanted.str(i));
  for (let i = 0; i < wanted.length; i++) {
    const cur = byKey.get(wanted.str(i));
    if (!cur) {
      // list_add_rcu: the kernel inserts each new destination at the head.
      vs.dests.unshift(newRealServer(wanted, i, node));
      writes++;
    } else if (cur.weight === 0) {
      // NOTE: kube-proxy deletes the draining server and adds it again; the
      // kernel revives it from its trash with its counters, kept in place here.
      cur.weight = 1;
      cur.lastWeight = 1;
      writes++;
    }
  }
  for (const r of [...vs.dests]) {
    if (want.has(r.key) || r.weight === 0) continue;
    writes++;
    // NOTE: graceful deletion: TCP/SCTP servers keep weight 0 while connections
    // drain; UDP ones are deleted at once (graceful_termination.go).
    if (vs.proto === "UDP" || r.activeConns + r.inactConns === 0) vs.dests = vs.dests.filter((x) => x !== r);
    else r.weight = 0;
  }
  if (writes > 0) notify(vs, sched, old, vs.dests);
  return writes + reapDrained(vs, sched);
}

/** Both lists hold the same addresses in the same order. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Binds `want` (the desired state's list, taken over) to kube-ipvs0: an
 * address that stays keeps its place, new ones follow. Returns how many addresses were bound and unbound.
 */
function bindAddresses(state: IpvsNodeState, want: string[]): number {
  const had = state.ipvsAddresses;
  if (had.length === 0 || sameList(had, want)) {
    const writes = had.length === 0 ? want.length : 0;
    state.ipvsAddresses = want;
    return writes;
  }
  const wanted = new Set(want);
  const kept = had.filter((a) => wanted.has(a));
  const keptSet = new Set(kept);
  const added = want.filter((a) => !keptSet.has(a));
  state.ipvsAddresses = [...kept, ...added];
  return had.length - kept.length + added.length;
}

/**
 * Applies `desired` to `state`; returns how many kernel objects were written.
 * `byNumber` (the virtual servers by `serviceNumber`), when given, follows each add and delete.
 */
export function applyDesired(
  state: IpvsNodeState,
  desired: DesiredState,
  sched: Map<string, SchedSlot>,
  byNumber?: Map<number, KernelVirtualServer>,
): number {
  let writes = 0;
  // forEach: no iterator results while this once-per-sync loop runs unoptimised.
  desired.virtualServers.forEach((d) => {
    let vs = state.virtualServers.get(d.key);
    if (!vs) {
      vs = new KernelVirtualServer(d, state.node);
      state.virtualServers.set(d.key, vs);
      const n = serviceNumber(d.proto, d.ip, d.port);
      if (n !== undefined) byNumber?.set(n, vs);
      writes++;
    } else if (vs.scheduler !== d.scheduler || vs.persistentTimeout !== d.persistentTimeout) {
      if (vs.scheduler !== d.scheduler) sched.delete(vs.key);
      vs.scheduler = d.scheduler;
      vs.schedFlags = d.schedFlags;
      vs.persistentTimeout = d.persistentTimeout;
      writes++;
    }
    vs.servicePortName = d.servicePortName;
    writes += syncDests(vs, d, sched, state.node);
  });
  // Every desired virtual server is in the state now: when the sizes agree, no other one is.
  const stale =
    state.virtualServers.size === desired.virtualServers.size ? [] : [...state.virtualServers.keys()];
  for (const key of stale) {
    if (desired.virtualServers.has(key)) continue;
    const vs = state.virtualServers.get(key)!;
    const n = serviceNumber(vs.proto, vs.ip, vs.port);
    if (n !== undefined) byNumber?.delete(n);
    state.virtualServers.delete(key);
    sched.delete(key);
    writes++;
  }
  writes += bindAddresses(state, desired.ipvsAddresses);
  for (const [name, s] of desired.ipsets) {
    const old = state.ipsets.get(name);
    // A desired set's members are distinct (assemble), so a fresh set writes each of them.
    if (!old || old.size === 0) writes += s.size;
    else writes += s.keepPlacesOf(old);
  }
  state.ipsets = desired.ipsets;
  state.nodeIPs = desired.nodeIPs;
  return writes;
}
