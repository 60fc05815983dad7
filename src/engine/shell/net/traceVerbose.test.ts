/**
 * `trace -v`: one packet per mode, its walk printed under each hop — golden
 * files read like the kernel's own story of why the packet went to that
 * backend. Traced to the ClusterIP, so no DNS hops stand before it.
 */
import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import type { IpvsScheduler, ProxyMode } from "../../api/configTypes";
import type { SendRequest } from "../../net/contract";
import { ipvsOf, testsOf } from "../../net/hopWalk.testkit";
import type { Trace, TraceHop } from "../../net/types";
import { Simulation } from "../../simulation";
import { CLIENT, WEB } from "./webCluster.testkit";

const golden = goldenDir(new URL("./testdata/", import.meta.url));

const MANIFESTS = `${WEB}---
apiVersion: v1
kind: Service
metadata: {name: sticky}
spec:
  selector: {app: web}
  sessionAffinity: ClientIP
  ports: [{port: 80, targetPort: 8080}]
---\n${CLIENT}`;

function cluster(mode: ProxyMode = "iptables", scheduler?: IpvsScheduler) {
  const sim = new Simulation({ seed: 3 });
  sim.apply([{ name: "web.yaml", text: MANIFESTS }]);
  sim.advanceClock(30_000);
  if (mode !== "iptables") sim.setProxyMode(mode, scheduler);
  const ip = (name: string) => sim.view().services.find((s) => s.name === name)?.clusterIP ?? "";
  const trace = (service: string) => sim.run(`trace -v --from client ${ip(service)}:80`).stdout;
  return { sim, ip, trace };
}

describe("trace -v: why this backend, in every mode", () => {
  it("iptables: KUBE-SERVICES → KUBE-SVC with each statistic rule's roll → KUBE-SEP's DNAT", () => {
    const out = cluster().trace("web");
    expect(out).toMatch(/--probability 0\.33333333349[^\n]*\n\s+│?\s*drew 0\.\d{11} [<≥] 0\.33333333349/);
    golden("trace-v-iptables.golden", out);
  });

  it("iptables, session affinity: the second packet is sent by `recent --rcheck` to the first one's backend", () => {
    const c = cluster();
    c.trace("sticky");
    const out = c.trace("sticky");
    expect(out).toMatch(/last seen 0 s ago in KUBE-SEP-\w+ \(window 10,800 s\)/);
    golden("trace-v-iptables-affinity.golden", out);
  });

  for (const [scheduler, sends] of [
    ["rr", 2],
    ["lc", 3],
    ["sh", 1],
    ["mh", 1],
    // sed's second packet: two servers tie at the shortest delay; nq's fourth: no idle server left.
    ["sed", 2],
    ["nq", 4],
  ] as const) {
    it(`IPVS ${scheduler}: the virtual service, then the scheduler's reason in its own terms`, () => {
      const c = cluster("ipvs", scheduler);
      for (let i = 1; i < sends; i++) c.trace("web");
      const out = c.trace("web");
      expect(out).toContain(
        `IPVS LOCAL_IN\n    ├─ virtual service found: TCP  ${c.ip("web")}:80 ${scheduler}`,
      );
      expect(out).toContain(`    ├─ ${scheduler}: `);
      golden(`trace-v-ipvs-${scheduler}.golden`, out);
    });
  }

  it("nftables: the service-ips verdict map, then numgen's draw among the endpoints", () => {
    const out = cluster("nftables").trace("web");
    expect(out).toMatch(/found in @service-ips: goto service-/);
    expect(out).toMatch(/numgen drew [0-2] \(0–2\): [0-2] : goto endpoint-/);
    golden("trace-v-nftables.golden", out);
  });

  it("nftables, session affinity: the second packet finds its client in the endpoint's affinity set", () => {
    const c = cluster("nftables");
    c.trace("sticky");
    const out = c.trace("sticky");
    expect(out).toMatch(
      /10\.244\.\d+\.\d+ is in @affinity-\w+-default\/sticky\/tcp\/__[\d.]+\/8080, expires in 10,800 s/,
    );
    golden("trace-v-nftables-affinity.golden", out);
  });
});

describe("what the trace shows is what the tools show", () => {
  it("conntrack -L after a trace lists the entry the trace showed on that node", () => {
    const { sim, ip } = cluster();
    const t = sim.send({ from: { type: "node", node: "kind-control-plane" }, target: `${ip("web")}:80` });
    const shown = t.hops.filter((h) => h.place.node === "kind-control-plane" && h.conntrack);
    expect(shown.map((h) => h.conntrack?.event)).toEqual(["new", "reply"]);
    const listed = sim.run("conntrack -L").stdout.split("\n");
    expect(listed).toContain(shown.at(-1)!.conntrack!.line);
  });
});

/** A hop without what only a traced packet records. */
function bare(h: TraceHop): TraceHop {
  const { walk: _w, before: _b, conntrack: _c, ...rest } = h;
  return rest;
}

describe("recording a walk changes nothing the packet does", () => {
  for (const [mode, scheduler, listing] of [
    ["iptables", undefined, "iptables-save -c -t nat"],
    ["ipvs", "rr", "ipvsadm -Ln --stats"],
    ["nftables", undefined, "nft list ruleset"],
  ] as const) {
    it(`${mode}: the same backends, hops, draws and counters with and without the walk`, () => {
      const traced = cluster(mode, scheduler);
      const counted = cluster(mode, scheduler);
      const requests: SendRequest[] = ["web", "sticky", "web", "web", "sticky", "web"].map((s) => ({
        from: { type: "pod", namespace: "default", name: "client" },
        target: `${traced.ip(s)}:80`,
      }));
      const a: Trace[] = requests.map((r) => traced.sim.send(r));
      const b: Trace[] = requests.map((r) => counted.sim.burst(r, 1).traces[0]!);
      expect(a.map((t) => t.backend?.pod)).toEqual(b.map((t) => t.backend?.pod));
      expect(a.map((t) => t.hops.map(bare))).toEqual(b.map((t) => t.hops.map(bare)));
      expect(b.flatMap((t) => t.hops).some((h) => h.walk)).toBe(false);
      expect(a.flatMap((t) => t.hops).some((h) => testsOf(h.walk).length + ipvsOf(h.walk).length > 0)).toBe(
        true,
      );
      expect(traced.sim.run(listing).stdout).toBe(counted.sim.run(listing).stdout);
      expect(traced.sim.run("conntrack -L").stdout).toBe(counted.sim.run("conntrack -L").stdout);
    });
  }
});
