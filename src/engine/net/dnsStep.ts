/**
 * Name resolution before a connection: the pod's stub resolver asks the
 * nameserver in its resolv.conf, and that query is itself a packet — to the
 * kube-dns ClusterIP, DNATed to a CoreDNS pod like any Service traffic.
 */

import { isIPv4 } from "../api/ipv4";
import type { Dns } from "../dns/contract";
import { plainHop } from "./hops";
import { type Origin, travel } from "./journey";
import { podListens } from "./listeners";
import { say } from "./messages";
import type { Packet, TraceHop } from "./types";
import { Recorder, type WalkEnv } from "./walk";

export interface Resolution {
  addresses: string[];
  /** Why nothing came back, when nothing did. */
  failure?: string;
}

/** Resolves `host` as seen from `origin`, recording the query's journey as `dns` hops. */
export function resolveHost(
  env: WalkEnv,
  dns: Dns,
  hops: TraceHop[],
  origin: Origin,
  host: string,
  sport: number,
): Resolution {
  const rec = new Recorder(hops, "dns");
  if (origin.kind !== "pod" || origin.pod.hostNetwork) return resolveOffCluster(env, dns, rec, host);
  const pod = origin.pod;
  const res = dns.resolve({ namespace: pod.namespace, name: pod.name }, host);
  const server = res.server;
  const query: Packet = {
    proto: "UDP",
    src: pod.ip ?? "",
    sport,
    dst: server,
    dport: 53,
    mark: 0,
    bytes: 80,
  };
  const place = { node: pod.node, pod: pod.name, namespace: pod.namespace, interface: "eth0" };
  const known = env.index.clusterIps.has(server) || env.index.podByIp.has(server);
  if (!known || !isIPv4(server)) {
    // NOTE: a NodeLocal DNSCache (169.254.20.10) or an upstream server is outside the simulated
    // data planes; we show one hop and take the cluster DNS answer.
    rec.add(
      plainHop("dns", place, "dns query", query, {
        says: say("hop.dnsDirect", { server }),
      }),
    );
  } else {
    const arrival = travel(env, rec, { kind: "pod", pod }, query);
    const answered = arrival.kind === "pod" && podListens(arrival.pod, 53, "UDP") !== undefined;
    if (!answered) {
      return {
        addresses: [],
        failure: `no answer from ${server}:53 (${arrival.kind === "pod" ? "nothing listens on 53/UDP" : arrival.kind})`,
      };
    }
    const reply: Packet = {
      ...arrival.packet,
      src: arrival.packet.dst,
      sport: 53,
      dst: arrival.packet.src,
      dport: arrival.packet.sport,
      bytes: 120,
    };
    travel(env, rec, { kind: "pod", pod: arrival.pod }, reply);
  }
  rec.add(
    plainHop("dns", place, "dns answer", query, {
      rule: res.addresses.length
        ? answerLines(host, res.fqdn, res.cnames, res.addresses)
        : `${host}: NXDOMAIN`,
      detail: res.tries.map((t) => `${t.name} ${t.type} ${t.rcode}`),
      says: say("hop.dnsTries", { count: res.tries.length }),
    }),
  );
  const v4 = res.addresses.filter(isIPv4);
  return { addresses: v4, failure: v4.length ? undefined : "NXDOMAIN" };
}

/** The answer as resource records: the CNAME chain, then A/AAAA records of its last name. */
function answerLines(host: string, fqdn: string | undefined, cnames: string[], addresses: string[]): string {
  const names = [fqdn ?? (host.endsWith(".") ? host : `${host}.`), ...cnames];
  const lines = cnames.map((c, i) => `${names[i]} IN CNAME ${c}`);
  const owner = names[names.length - 1];
  for (const a of addresses) lines.push(`${owner} IN ${a.includes(":") ? "AAAA" : "A"} ${a}`);
  return lines.join("\n");
}

/**
 * Nodes and outside clients use their own resolvers, which know nothing of
 * the cluster domain. NOTE: names outside it are answered by the cluster DNS's
 * upstream view, as if the node's resolver returned the same.
 */
function resolveOffCluster(env: WalkEnv, dns: Dns, rec: Recorder, host: string): Resolution {
  const domain = env.cluster.config.dnsDomain;
  const name = host.replace(/\.$/, "");
  if (!name.includes(".") || name.endsWith(`.${domain}`) || name.endsWith(".svc")) {
    rec.add(
      plainHop("dns", {}, "dns answer", emptyPacket(), {
        rule: `${host}: NXDOMAIN`,
        says: say("hop.nodeResolver"),
      }),
    );
    return { addresses: [], failure: "NXDOMAIN" };
  }
  const r = dns.query(`${name}.`, "A");
  const addresses = r.answer.filter((a) => a.type === "A").map((a) => a.data);
  rec.add(
    plainHop("dns", {}, "dns answer", emptyPacket(), {
      rule:
        r.answer.map((a) => `${a.name} ${a.ttl} IN ${a.type} ${a.data}`).join("\n") || `${host}: ${r.rcode}`,
    }),
  );
  return { addresses, failure: addresses.length ? undefined : r.rcode };
}

function emptyPacket(): Packet {
  return { proto: "UDP", src: "0.0.0.0", sport: 0, dst: "0.0.0.0", dport: 53, mark: 0, bytes: 0 };
}
