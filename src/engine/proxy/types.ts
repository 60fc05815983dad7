/**
 * The contract between kube-proxy's data planes and the packet pipeline in
 * `net/`. Each mode builds, per node, what kube-proxy would program on that
 * node, and evaluates packets against it at netfilter hooks, counting work.
 */
import type { ClusterConfig, ProxyMode } from "../api/configTypes";
import type { EndpointSlice, Node, Service } from "../api/types";
import type { WalkPart } from "../net/hopWalk";
import type { Hook, Packet } from "../net/types";
import type { FoldSink } from "../net/visitBuilder";

/** What kube-proxy watches: Services, EndpointSlices, Nodes, its configuration. */
export interface ProxyInput {
  services: readonly Service[];
  endpointSlices: readonly EndpointSlice[];
  nodes: readonly Node[];
  config: ClusterConfig;
}

/** The conntrack state netfilter matches on (`ctstate`). */
export type CtState = "NEW" | "ESTABLISHED" | "RELATED";

export interface HookContext {
  /** The node whose data plane runs. */
  node: string;
  /** NEW for a connection's first packet: only then do nat chains run. */
  ctState: CtState;
  /** Interface the packet came in on / goes out of, when known (`eth0`, `cni0`, `lo`). */
  inInterface?: string;
  outInterface?: string;
  /** Is the destination an address of this node (after routing)? Needed for `--dst-type LOCAL`. */
  dstIsLocal: boolean;
  /** Is the source an address of this node? Needed for `--src-type LOCAL`. */
  srcIsLocal: boolean;
  /** A uniform draw in [0,1) per `statistic --mode random` / `numgen random` test: from the simulation's PRNG. */
  random: () => number;
  /** Virtual time in ms, for `recent` session affinity and IPVS persistence. */
  nowMs: number;
  /**
   * Record the walk in `HookResult.walk` (off by default: a packet that is
   * only counted, like a burst's, builds no walk).
   */
  recordWalk?: boolean;
  /**
   * The caller reads only the verdict, the packet and the counts (a bench
   * row, a burst's tally): no matched rule is listed in `HookResult.matched`.
   * State changes exactly as for any packet (counters, conntrack, draws).
   */
  countsOnly?: boolean;
  /** Where a recorded walk keeps the rule lists behind its folds (read back on demand). */
  folds?: FoldSink;
}

/** One rule that matched on the way, in its own tool's syntax. */
export interface MatchedRule {
  table: string;
  chain: string;
  /** `-A KUBE-SVC-... -m statistic ...` / nft rule text / `TCP  10.96.0.1:443 rr` */
  rule: string;
  /** What it did: a jump target, a verdict, a NAT. */
  action: string;
}

export interface HookResult {
  /** The packet after this hook's rewrites. */
  packet: Packet;
  verdict: "ACCEPT" | "DROP" | "REJECT";
  /** Human text for a REJECT, e.g. `icmp-port-unreachable`. */
  rejectWith?: string;
  /** Every rule that matched, in order. */
  matched: MatchedRule[];
  /** What was walked, table by table (and IPVS), when the context asked for it (`recordWalk`). */
  walk?: WalkPart[];
  /** Rules tested one by one (a linear walk counts each). */
  rulesEvaluated: number;
  /** Hash/map/set lookups (IPVS table, nft verdict maps, ipsets). */
  lookups: number;
  /** Destination NAT applied here (conntrack remembers it for the connection). */
  dnat?: { ip: string; port: number };
  /** Source NAT applied here (MASQUERADE resolves to the outgoing address). */
  snat?: { ip: string; port: number } | "MASQUERADE";
}

/** What `kubectl`-independent tools can show of a data plane. */
export interface DataPlaneSize {
  /** nat rules (iptables), virtual servers (IPVS), map elements (nftables). */
  primary: number;
  detail: Record<string, number>;
}

/** One node's programmed data plane. */
export interface NodeDataPlane {
  readonly mode: ProxyMode;
  readonly node: string;
  /** Runs the tables registered at a hook, in netfilter priority order. */
  hook(hook: Hook, packet: Packet, ctx: HookContext): HookResult;
  size(): DataPlaneSize;
  /** Rules (or entries) rewritten by the last sync, for the change-cost experiment. */
  lastSyncWrites(): number;
  /**
   * Re-syncs with changed Services/EndpointSlices/Nodes in place, keeping
   * state that survives a kube-proxy sync (counters, IPVS connections).
   * Without it the runtime rebuilds the data plane.
   */
  sync?(input: ProxyInput): void;
}

/** A kube-proxy mode: builds (and incrementally re-syncs) each node's data plane. */
export interface ProxyModeImpl {
  readonly mode: ProxyMode;
  build(input: ProxyInput, node: string): NodeDataPlane;
}
