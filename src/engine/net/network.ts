/**
 * The packet pipeline: `send` resolves the source and the target (through
 * cluster DNS when it is a name), walks the first packet through every
 * node's netfilter hooks and kube-proxy's data plane, lets whoever arrives
 * answer, and walks the reply back, un-NATed by conntrack.
 */

import { isIPv4 } from "../api/ipv4";
import type { Cluster } from "../cluster";
import type { Dns } from "../dns/contract";
import type { NodeDataPlane } from "../proxy/types";
import { type AddressIndex, EXTERNAL_CLIENT_IP } from "./addresses";
import { type ConntrackEntry, ConntrackTable } from "./conntrack";
import type { Net, SendOptions, SendRequest } from "./contract";
import { resolveHost } from "./dnsStep";
import { type FoldedRules, FoldStore } from "./foldStore";
import { plainHop } from "./hops";
import type { FoldRef } from "./hopWalk";
import { TRACE_VERSION } from "./hopWalk";
import { type Arrival, type Origin, podPlace, travel } from "./journey";
import { nodeListens, podListens } from "./listeners";
import { english, say, type TraceMessage } from "./messages";
import { noEndpointsReason } from "./noEndpoints";
import { parseTarget } from "./target";
import type { HopPlace, Packet, Protocol, Trace, TraceHop } from "./types";
import { Recorder, type WalkEnv } from "./walk";

/** Linux's default ephemeral port range (net.ipv4.ip_local_port_range). */
export const EPHEMERAL_PORTS = { min: 32768, max: 60999 } as const;

export class Network implements Net {
  private readonly tables = new Map<string, ConntrackTable>();
  private readonly folds = new FoldStore();
  private readonly random: () => number;
  private readonly tableOf: (node: string) => ConntrackTable;

  constructor(
    private readonly cluster: Cluster,
    private readonly dns: Dns,
    private readonly dataPlaneFor: (node: string) => NodeDataPlane,
  ) {
    this.random = () => cluster.prng.next();
    this.tableOf = (node) => this.conntrack(node);
  }

  /** A node's conntrack table. */
  conntrack(node: string): ConntrackTable {
    let t = this.tables.get(node);
    if (!t) {
      t = new ConntrackTable();
      this.tables.set(node, t);
    }
    return t;
  }

  /** Live conntrack entries on a node, for `conntrack -L`. */
  conntrackEntries(node: string): ConntrackEntry[] {
    return this.conntrack(node).list(this.cluster.clock.now());
  }

  /** The client closed a traced TCP connection (curl does): its entries go to TIME_WAIT. */
  closeConnection(trace: Trace): void {
    const first = trace.hops.find((h) => h.direction === "request");
    if (!first) return;
    const now = this.cluster.clock.now();
    for (const t of this.tables.values()) {
      for (const e of t.list(now)) {
        if (
          e.orig.src === first.packet.src &&
          e.orig.sport === first.packet.sport &&
          e.proto === first.packet.proto
        )
          t.closed(e, now);
      }
    }
  }

  /** The text of a fold's rules, while the list it came from is kept. */
  foldedRules(ref: FoldRef): FoldedRules | undefined {
    return this.folds.read(ref);
  }

  send(request: SendRequest, options: SendOptions = {}): Trace {
    const index = this.cluster.addressIndex();
    const env: WalkEnv = {
      cluster: this.cluster,
      index,
      dataPlaneFor: this.dataPlaneFor,
      conntrack: this.tableOf,
      random: this.random,
      ...(options.walk !== false && options.countsOnly !== true ? { folds: this.folds } : {}),
      countsOnly: options.countsOnly === true,
    };
    const hops: TraceHop[] = [];
    const target = request.port !== undefined ? `${request.target}:${request.port}` : request.target;
    const src = resolveSource(index, request.from);
    const base = {
      version: TRACE_VERSION,
      mode: this.cluster.config.proxyMode,
      target,
      hops,
      cost: { rulesEvaluated: 0, lookups: 0 },
    };
    if ("error" in src)
      return {
        ...base,
        source: { ip: "0.0.0.0" },
        verdict: "dropped",
        message: english(src.error),
        says: src.error,
      };
    const source = { ...src.place, ip: src.ip };
    const t = parseTarget(request.target);
    const port = request.port ?? t.port ?? 80;
    const proto = request.proto ?? "TCP";
    let dst = t.host;
    if (!isIPv4(t.host)) {
      const r = resolveHost(env, this.dns, hops, src.origin, t.host, this.ephemeralPort());
      if (r.addresses.length === 0) {
        return {
          ...base,
          source,
          verdict: "nxdomain",
          message: `curl: (6) Could not resolve host: ${t.host}`,
        };
      }
      dst = r.addresses[0] ?? dst;
    }
    const sport = request.sport
      ? this.boundPort(src.origin, proto, src.ip, request.sport, request.sportTries ?? 1)
      : this.freePort(src.origin, proto, src.ip, dst, port);
    if (sport === undefined) {
      const m = say("trace.portInUse", { address: `${src.ip}:${request.sport}` });
      return {
        ...base,
        source,
        verdict: "dropped",
        message: "curl: (45) bind failed with errno 98: Address already in use",
        says: m,
      };
    }
    const packet: Packet = {
      proto,
      src: src.ip,
      sport,
      dst,
      dport: port,
      mark: 0,
      bytes: request.bytes ?? 140,
      flags: proto === "TCP" ? ["SYN"] : undefined,
    };
    const rec = new Recorder(hops, "request");
    const arrival = travel(env, rec, src.origin, packet);
    const trace: Trace = { ...base, source, verdict: "dropped", cost: rec.cost };
    this.finish(env, trace, src.origin, arrival, packet);
    return trace;
  }

  private finish(env: WalkEnv, trace: Trace, origin: Origin, arrival: Arrival, sent: Packet): void {
    const refused = `curl: (7) Failed to connect to ${sent.dst} port ${sent.dport} after 0 ms: Couldn't connect to server`;
    if (arrival.kind === "drop") {
      trace.verdict = "dropped";
      tell(trace, arrival.reason ?? say("trace.dropped"));
      if (!arrival.reason) this.explainNoEndpoints(env, trace, sent);
      return;
    }
    if (arrival.kind === "reject") {
      trace.hops.push(
        plainHop("reply", { node: arrival.node }, "reject", arrival.packet, {
          says: say("hop.icmpBack", {
            icmp: arrival.rejectWith ?? "icmp-port-unreachable",
            client: sent.src,
          }),
        }),
      );
      trace.verdict = "rejected";
      trace.message = refused;
      this.explainNoEndpoints(env, trace, sent);
      return;
    }
    const p = arrival.packet;
    let replyOrigin: Origin;
    let listener: string | undefined;
    if (arrival.kind === "pod") {
      listener = podListens(arrival.pod, p.dport, p.proto, this.cluster.adoption.fromDump);
      replyOrigin = { kind: "pod", pod: arrival.pod };
      trace.backend = {
        namespace: arrival.pod.namespace,
        pod: arrival.pod.name,
        ip: p.dst,
        port: p.dport,
        node: arrival.pod.node,
      };
      this.answerHop(trace, podPlace(arrival.pod), p, listener);
    } else if (arrival.kind === "node") {
      listener = nodeListens(this.cluster.store.get("Node", undefined, arrival.node), p.dport, p.proto);
      replyOrigin = { kind: "node", node: arrival.node };
      this.answerHop(trace, { node: arrival.node, interface: "lo" }, p, listener);
    } else {
      trace.verdict = "delivered";
      tell(trace, say("trace.outside", { ip: p.dst }));
      return;
    }
    const reply: Packet = {
      ...p,
      src: p.dst,
      sport: p.dport,
      dst: p.src,
      dport: p.sport,
      bytes: 60,
      flags: p.proto === "TCP" ? (listener ? ["SYN", "ACK"] : ["RST", "ACK"]) : undefined,
    };
    const back = travel(env, new Recorder(trace.hops, "reply"), replyOrigin, reply);
    if (!listener) {
      trace.verdict = "rejected";
      trace.message = refused;
    } else if (back.kind === "drop" || back.kind === "reject" || !returnedTo(back, origin)) {
      trace.verdict = "timeout";
      tell(trace, say("trace.noReply"));
    } else {
      trace.verdict = "delivered";
    }
  }

  /**
   * The data plane refused or dropped the packet: when its Service port has no endpoint, the
   * trace and the hop where it ended say why.
   */
  private explainNoEndpoints(env: WalkEnv, trace: Trace, sent: Packet): void {
    const why = noEndpointsReason(this.cluster, env.index, sent);
    const last = trace.hops[trace.hops.length - 1];
    if (!why || !last) return;
    last.noEndpoints = why;
    trace.noEndpoints = why;
  }

  private answerHop(trace: Trace, place: HopPlace, p: Packet, listener: string | undefined): void {
    const port = `${p.dport}/${p.proto}`;
    trace.hops.push(
      plainHop("request", place, "socket", p, {
        says: listener
          ? say("hop.listens", { listener, port, client: `${p.src}:${p.sport}` })
          : say("hop.nothingListens", { port }),
      }),
    );
  }

  /**
   * A source port no live connection of this client uses to the same
   * destination: the kernel (`__inet_hash_connect`) never reuses a 4-tuple
   * in use, it moves on from its random starting point.
   */
  private freePort(origin: Origin, proto: Protocol, src: string, dst: string, dport: number): number {
    const node = origin.kind === "pod" ? origin.pod.node : origin.kind === "node" ? origin.node : undefined;
    const table = node ? this.conntrack(node) : undefined;
    const span = EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1;
    const start = this.ephemeralPort();
    if (!table) return start;
    const now = this.cluster.clock.now();
    for (let i = 0; i < span; i++) {
      const sport = EPHEMERAL_PORTS.min + ((start - EPHEMERAL_PORTS.min + i) % span);
      const probe: Packet = { proto, src, sport, dst, dport, mark: 0, bytes: 0 };
      if (!table.lookup(probe, now)) return sport;
    }
    return start;
  }

  /**
   * The first of `tries` ports from `from` up that the client can bind, or undefined (EADDRINUSE).
   * NOTE: the kernel refuses the bind while a socket holds the port (TIME_WAIT's 60 s included);
   * the simulation keeps no sockets, so a port is held while a live conntrack entry of this client
   * has it as its source port (conntrack's TIME_WAIT lasts 120 s).
   */
  private boundPort(
    origin: Origin,
    proto: Protocol,
    src: string,
    from: number,
    tries: number,
  ): number | undefined {
    const node = origin.kind === "pod" ? origin.pod.node : origin.kind === "node" ? origin.node : undefined;
    const live = node ? this.conntrack(node).list(this.cluster.clock.now()) : [];
    const held = new Set(
      live.filter((e) => e.proto === proto && e.orig.src === src).map((e) => e.orig.sport),
    );
    for (let port = from; port < from + tries && port <= 65535; port++) if (!held.has(port)) return port;
    return undefined;
  }

  private ephemeralPort(): number {
    return EPHEMERAL_PORTS.min + this.cluster.prng.intn(EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1);
  }
}

function returnedTo(a: Arrival, origin: Origin): boolean {
  if (origin.kind === "pod")
    return (
      (a.kind === "pod" && a.pod.name === origin.pod.name) || (origin.pod.hostNetwork && a.kind === "node")
    );
  if (origin.kind === "node") return a.kind === "node" && a.node === origin.node;
  return a.kind === "external";
}

type Source = { origin: Origin; place: HopPlace; ip: string } | { error: TraceMessage };

/** The engine's words as the trace's message. */
function tell(trace: Trace, m: TraceMessage): void {
  trace.message = english(m);
  trace.says = m;
}

function resolveSource(index: AddressIndex, from: SendRequest["from"]): Source {
  if (from.type === "external") {
    const ip = from.ip ?? EXTERNAL_CLIENT_IP;
    return { origin: { kind: "external", ip }, place: { external: true }, ip };
  }
  if (from.type === "node") {
    const n = index.nodeByName.get(from.node);
    if (!n?.ip) return { error: say("trace.nodeNotFound", { node: from.node }) };
    return { origin: { kind: "node", node: n.name }, place: { node: n.name, interface: "eth0" }, ip: n.ip };
  }
  const pod = index.podByName.get(`${from.namespace}/${from.name}`);
  if (!pod) return { error: say("trace.podNotFound", { pod: from.name }) };
  const ip = pod.hostNetwork ? (pod.node ? index.nodeByName.get(pod.node)?.ip : undefined) : pod.ip;
  if (!ip || !pod.node) return { error: say("trace.noPodIp", { pod: from.name }) };
  return { origin: { kind: "pod", pod }, place: podPlace(pod), ip };
}
