import { describe, expect, it } from "vitest";
import { testsOf } from "../../net/hopWalk.testkit";
import type { Packet } from "../../net/types";
import { appendRuleText, listTable, newTable, saveRule } from "../iptables/netfilter";
import type { HookContext } from "../types";
import { burst } from "./burst.testkit";
import { slice, smallCluster } from "./cluster.testkit";
import { deprecationLogLines, deprecationNotice } from "./deprecation";
import { createIpvsMode } from "./mode";

const NODE = "kind-control-plane";
const T0 = 1_000_000;

function ctx(over: Partial<HookContext> = {}): HookContext {
  return {
    node: NODE,
    ctState: "NEW",
    dstIsLocal: true,
    srcIsLocal: false,
    random: () => 0,
    nowMs: T0,
    ...over,
  };
}

function tcp(src: string, sport: number, dst: string, dport: number): Packet {
  return { proto: "TCP", src, sport, dst, dport, mark: 0, bytes: 100, flags: ["SYN"] };
}

describe("IPVS data plane: packets", () => {
  it("walks the same netfilter rules iptables -L shows, and counts them there", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    dp.hook("PREROUTING", tcp("10.244.0.9", 40000, "10.96.0.10", 53), ctx());
    const nat = dp.iptables().tables.nat!;
    expect(nat.chains.get("PREROUTING")!.rules[0]!.counters.pkts).toBe(1);
    expect(listTable(nat, { chain: "PREROUTING", numeric: true, verbose: true }).stdout).toContain(
      "    1   100 KUBE-SERVICES  all  --  *      *       0.0.0.0/0            0.0.0.0/0            /* kubernetes service portals */",
    );
  });

  it("reads, saves and lists -m physdev as iptables does", () => {
    const table = newTable("nat");
    const rule = appendRuleText(table, "PREROUTING", "-m physdev ! --physdev-is-in -j ACCEPT");
    expect(saveRule("PREROUTING", rule)).toBe("-A PREROUTING -m physdev ! --physdev-is-in -j ACCEPT");
    expect(listTable(table, { chain: "PREROUTING", numeric: true }).stdout).toContain(
      "PHYSDEV match ! --physdev-is-in",
    );
  });

  it("pod → ClusterIP: no masquerade mark, IPVS DNAT at INPUT with 2 hash probes", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const p = tcp("10.244.0.9", 40000, "10.96.0.10", 53);
    const pre = dp.hook("PREROUTING", p, ctx());
    expect(pre.packet.mark).toBe(0);
    expect(pre.matched.map((m) => m.action)).toEqual(["KUBE-SERVICES", "KUBE-NODE-PORT", "ACCEPT"]);
    const input = dp.hook("INPUT", pre.packet, ctx({ recordWalk: true }));
    expect(input.dnat).toEqual({ ip: "10.244.0.3", port: 53 });
    expect(input.matched.at(-1)).toMatchObject({ table: "ipvs", rule: "TCP  10.96.0.10:53 rr" });
    // reply probe (1) + connection table (1) + service table (1)
    expect(input.lookups - testsOf(input.walk).filter((t) => t.k === "ipset").length).toBe(3);
    const post = dp.hook("POSTROUTING", input.packet, ctx());
    expect(post.snat).toBeUndefined();
  });

  it("NodePort from outside: marked in KUBE-NODE-PORT, masqueraded in KUBE-POSTROUTING", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const p = tcp("203.0.113.7", 50000, "192.168.1.10", 30080);
    const pre = dp.hook("PREROUTING", p, ctx());
    expect(pre.packet.mark).toBe(0x4000);
    const input = dp.hook("INPUT", pre.packet, ctx());
    expect(input.dnat?.port).toBe(8080);
    const post = dp.hook("POSTROUTING", input.packet, ctx());
    expect(post.snat).toBe("MASQUERADE");
    expect(post.packet.mark).toBe(0);
  });

  it("a virtual server with no real server answers ICMP port unreachable (curl: Connection refused)", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const r = dp.hook("INPUT", tcp("10.244.0.9", 40000, "10.96.50.5", 80), ctx());
    expect(r.verdict).toBe("REJECT");
    expect(r.rejectWith).toBe("icmp-port-unreachable");
    expect(r.dnat).toBeUndefined();
  });

  it("KUBE-IPVS-FILTER rejects a ClusterIP port that has no virtual server", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const r = dp.hook("INPUT", tcp("10.244.0.9", 40000, "10.96.0.1", 22), ctx());
    expect(r.verdict).toBe("REJECT");
    expect(r.matched.at(-1)?.rule).toBe(
      "-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set KUBE-IPVS-IPS dst -j REJECT --reject-with icmp-port-unreachable",
    );
  });

  it("replies get the virtual address back", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const input = dp.hook("INPUT", tcp("10.244.0.9", 40000, "10.96.0.1", 443), ctx());
    expect(input.dnat).toEqual({ ip: "172.18.0.2", port: 6443 });
    const reply = dp.hook(
      "INPUT",
      tcp("172.18.0.2", 6443, "10.244.0.9", 40000),
      ctx({ ctState: "ESTABLISHED" }),
    );
    expect(reply.packet).toMatchObject({ src: "10.96.0.1", sport: 443 });
  });
});

describe("IPVS connection table", () => {
  it("ActiveConn → InActConn on close, gone after FIN_WAIT (120 s); idle ESTABLISHED expires after 900 s", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const vs = dp.state.virtualServers.get("TCP/10.96.0.1:443")!;
    const a = dp.connect({ proto: "TCP", src: "10.244.0.9", sport: 1, dst: "10.96.0.1", dport: 443 }, T0);
    const b = dp.connect({ proto: "TCP", src: "10.244.0.9", sport: 2, dst: "10.96.0.1", dport: 443 }, T0);
    expect(vs.dests[0]).toMatchObject({ activeConns: 2, inactConns: 0 });
    dp.close(a.conn!.id, T0 + 1000);
    expect(vs.dests[0]).toMatchObject({ activeConns: 1, inactConns: 1 });
    dp.tick(T0 + 1000 + 119_000);
    expect(vs.dests[0]!.inactConns).toBe(1);
    dp.tick(T0 + 1000 + 120_000);
    expect(vs.dests[0]).toMatchObject({ activeConns: 1, inactConns: 0 });
    dp.tick(T0 + 900_000);
    expect(vs.dests[0]!.activeConns).toBe(0);
    expect(b.conn).toBeDefined();
    expect(dp.connections()).toEqual([]);
  });

  it("ClientIP affinity: a persistence template keeps a client on one server for 10800 s", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const r = burst(dp, "TCP/10.96.100.20:80", ["10.244.1.9", "10.244.1.9", "10.244.1.9", "10.244.2.4"], {
      nowMs: T0,
    });
    // kernel list [10.244.0.7, 10.244.1.5] (added .1.5 then .0.7 at the head): rr → .0.7, then .1.5 for the 2nd client.
    expect(r.picks.map((p) => p.dest)).toEqual([
      "10.244.0.7:8080",
      "10.244.0.7:8080",
      "10.244.0.7:8080",
      "10.244.1.5:8080",
    ]);
    const templates = dp.connections(T0).filter((c) => c.template);
    expect(templates.map((t) => [t.caddr, t.cport, t.state])).toEqual([
      ["10.244.1.9", 0, "NONE"],
      ["10.244.2.4", 0, "NONE"],
    ]);
    expect(dp.state.virtualServers.get("TCP/10.96.100.20:80")!.dests[0]!.persistConns).toBe(1);
  });

  it("a burst over rr distributes exactly round robin in kernel list order", () => {
    const dp = createIpvsMode().build(smallCluster(), NODE);
    const r = burst(dp, "10.96.0.10:9153", ["10.244.1.1", "10.244.1.2", "10.244.1.3", "10.244.1.4"], {
      nowMs: T0,
    });
    expect(r.picks.map((p) => p.dest)).toEqual([
      "10.244.0.3:9153",
      "10.244.0.2:9153",
      "10.244.0.3:9153",
      "10.244.0.2:9153",
    ]);
    expect(r.counts).toEqual({ "10.244.0.3:9153": 2, "10.244.0.2:9153": 2 });
  });
});

describe("IPVS sync", () => {
  it("drains a removed endpoint at weight 0 until its connections are gone", () => {
    const mode = createIpvsMode();
    const input = smallCluster();
    const dp = mode.build(input, NODE);
    burst(dp, "TCP/10.96.0.10:9153", ["10.244.1.1"], { nowMs: T0 });
    const next = {
      ...input,
      endpointSlices: input.endpointSlices.map((s) =>
        s.metadata.name.startsWith("kube-dns")
          ? slice(
              "kube-system",
              "kube-dns",
              [{ name: "metrics", port: 9153 }],
              [{ ip: "10.244.0.2", node: NODE }],
            )
          : s,
      ),
    };
    mode.build(next, NODE);
    const vs = dp.state.virtualServers.get("TCP/10.96.0.10:9153")!;
    expect(vs.dests.map((d) => [d.key, d.weight, d.activeConns])).toEqual([
      ["10.244.0.3:9153", 0, 1],
      ["10.244.0.2:9153", 1, 0],
    ]);
    expect(dp.lastSyncWrites()).toBeGreaterThan(0);
    dp.tick(T0 + 900_000);
    expect(vs.dests.map((d) => d.key)).toEqual(["10.244.0.2:9153"]);
  });

  it("uses the configured scheduler and marks mh services with mh-port", () => {
    const input = smallCluster();
    const dp = createIpvsMode().build({ ...input, config: { ...input.config, ipvsScheduler: "mh" } }, NODE);
    const vs = dp.state.virtualServers.get("TCP/10.96.0.1:443")!;
    expect([vs.scheduler, vs.schedFlags]).toEqual(["mh", ["mh-port"]]);
  });
});

describe("deprecation", () => {
  it("carries kube-proxy's own message", () => {
    expect(deprecationNotice).toBe(
      "The ipvs proxier is now deprecated and may be removed in a future release. Please use 'nftables' instead.",
    );
    expect(deprecationLogLines(Date.UTC(2026, 4, 25, 3, 22, 43, 627))[1]).toBe(
      `E0525 03:22:43.627000       1 server_linux.go:196] "${deprecationNotice}"`,
    );
  });
});
