import { describe, expect, it } from "vitest";
import { ClusterDns } from "../dns/resolver";
import type { NodeDataPlane } from "../proxy/types";
import { Network } from "./network";
import { addService, addSlice, fakeDataPlane, lessonCluster } from "./network.testkit";
import type { Trace } from "./types";

function setup(seed = 7) {
  const cluster = lessonCluster(seed);
  const planes = new Map<string, NodeDataPlane>();
  const net = new Network(cluster, new ClusterDns(cluster), (n) => {
    let p = planes.get(n);
    if (!p) {
      p = fakeDataPlane(cluster, n);
      planes.set(n, p);
    }
    return p;
  });
  return { cluster, net };
}

const client = { type: "pod" as const, namespace: "default", name: "client" };
const stages = (t: Trace, dir = "request") =>
  t.hops
    .filter((h) => h.direction === dir)
    .map((h) => `${h.place.node ?? (h.place.external ? "outside" : "")}:${h.stage}`);

describe("Network.send", () => {
  it("pod → Service name: DNS through the kube-dns ClusterIP, then DNAT to a backend", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "web" });
    expect(t.verdict).toBe("delivered");
    const dns = t.hops.filter((h) => h.direction === "dns");
    expect(dns[0]?.packet.dst).toBe("10.96.0.10");
    expect(dns.some((h) => h.rewrite?.type === "DNAT" && h.rewrite.after.ip === "10.244.2.2")).toBe(true);
    expect(dns.at(-1)?.rule).toContain("IN A 10.96.0.12");
    const dnat = t.hops.find((h) => h.direction === "request" && h.rewrite?.type === "DNAT");
    expect(dnat?.rewrite?.before).toEqual({ ip: "10.96.0.12", port: 80 });
    expect(["10.244.1.6", "10.244.2.7"]).toContain(t.backend?.ip);
    expect(t.cost.rulesEvaluated).toBeGreaterThan(0);
    // the reply is un-DNATed back to the ClusterIP
    expect(
      t.hops.some(
        (h) =>
          h.direction === "reply" && h.rewrite?.type === "un-DNAT" && h.rewrite.after.ip === "10.96.0.12",
      ),
    ).toBe(true);
    const last = t.hops.at(-1);
    expect(last?.place.pod).toBe("client");
    expect(last?.packet.src).toBe("10.96.0.12");
  });

  it("pod → ClusterIP on another node crosses the wire and keeps the pod's source", () => {
    for (let seed = 1; seed < 40; seed++) {
      const { net } = setup(seed);
      const t = net.send({ from: client, target: "10.96.0.12:80" });
      if (t.backend?.pod !== "web-b") continue;
      expect(stages(t)).toEqual([
        "node-1:send",
        "node-1:nat PREROUTING → KUBE-SERVICES",
        "node-1:route",
        "node-1:wire",
        "node-2:nat PREROUTING → KUBE-SERVICES",
        "node-2:route",
        "node-2:deliver",
        "node-2:socket",
      ]);
      expect(t.hops.find((h) => h.stage === "deliver")?.packet.src).toBe("10.244.1.5");
      return;
    }
    throw new Error("no seed picked web-b");
  });

  it("outside → NodePort (eTP Cluster) is SNATed to the node and may hop to another node", () => {
    const { net } = setup();
    const t = net.send({ from: { type: "external" }, target: "192.168.1.11:30007" });
    expect(t.verdict).toBe("delivered");
    expect(t.source.ip).toBe("203.0.113.10");
    const masq = t.hops.find((h) => h.rewrite?.type === "MASQUERADE");
    expect(masq?.rewrite?.after.ip).toBe("192.168.1.11");
    expect(t.hops.find((h) => h.stage === "socket")?.packet.src).toBe("192.168.1.11");
    expect(t.backend).toMatchObject({ pod: "echo", node: "node-2", port: 8080 });
    const lastReply = t.hops.filter((h) => h.direction === "reply").at(-1);
    expect(lastReply?.packet).toMatchObject({ src: "192.168.1.11", sport: 30007, dst: "203.0.113.10" });
  });

  it("outside → NodePort (eTP Local) keeps the client's address, and drops where no endpoint is local", () => {
    const { net } = setup();
    const ok = net.send({ from: { type: "external" }, target: "192.168.1.12:30008" });
    expect(ok.verdict).toBe("delivered");
    expect(ok.hops.find((h) => h.stage === "socket")?.packet.src).toBe("203.0.113.10");
    const dropped = net.send({ from: { type: "external" }, target: "192.168.1.11:30008" });
    expect(dropped.verdict).toBe("dropped");
  });

  it("outside → LoadBalancer IP arrives at the MetalLB announcing node", () => {
    const { net } = setup();
    const t = net.send({ from: { type: "external" }, target: "192.168.1.240:80" });
    expect(t.hops[0]?.stage).toBe("load balancer");
    expect(t.verdict).toBe("delivered");
    expect(t.backend?.pod).toBe("web-b");
  });

  it("ClusterIPs are not routed from outside", () => {
    const { net } = setup();
    const t = net.send({ from: { type: "external" }, target: "10.96.0.12:80" });
    expect(t.verdict).toBe("dropped");
    expect(t.message).toContain("not routed outside the cluster");
  });

  it("a Service without endpoints is rejected with curl's message", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "10.96.45.3:80" });
    expect(t.verdict).toBe("rejected");
    expect(t.message).toBe(
      "curl: (7) Failed to connect to 10.96.45.3 port 80 after 0 ms: Couldn't connect to server",
    );
  });

  it("headless: DNS gives the pod IP and the connection goes straight there without NAT", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "headless" });
    expect(t.verdict).toBe("delivered");
    expect(t.backend?.ip).toBe("10.244.2.7");
    expect(t.hops.filter((h) => h.direction === "request").some((h) => h.rewrite)).toBe(false);
  });

  it("ExternalName: a CNAME, no proxying; the connection leaves the cluster", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "ext" });
    if (t.verdict === "nxdomain") return; // the DNS module may not model upstream answers
    expect(t.hops.some((h) => h.direction === "dns" && (h.rule ?? "").includes("CNAME"))).toBe(true);
    expect(t.hops.some((h) => h.direction === "request" && h.rewrite?.type === "DNAT")).toBe(false);
    expect(t.hops.some((h) => h.stage === "wire" && (h.note ?? "").includes("outside the cluster"))).toBe(
      true,
    );
  });

  it("an unknown name is NXDOMAIN with curl's message", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "nope" });
    expect(t.verdict).toBe("nxdomain");
    expect(t.message).toBe("curl: (6) Could not resolve host: nope");
  });

  it("hairpin: a pod reaching itself through its Service is masqueraded to cni0", () => {
    const { cluster, net } = setup();
    addService(cluster, "self", {
      type: "ClusterIP",
      clusterIP: "10.96.0.40",
      clusterIPs: ["10.96.0.40"],
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
    });
    addSlice(cluster, "self", 80, [{ ip: "10.244.1.6", node: "node-1", pod: "web-a" }]);
    const t = net.send({
      from: { type: "pod", namespace: "default", name: "web-a" },
      target: "10.96.0.40:80",
    });
    expect(t.verdict).toBe("delivered");
    const masq = t.hops.find((h) => h.rewrite?.type === "MASQUERADE");
    expect(masq?.rewrite?.after.ip).toBe("10.244.1.1");
    expect(t.hops.find((h) => h.stage === "socket")?.packet.src).toBe("10.244.1.1");
  });

  it("session affinity keeps a client on one backend", () => {
    const { cluster, net } = setup();
    addService(cluster, "sticky", {
      type: "ClusterIP",
      clusterIP: "10.96.0.50",
      clusterIPs: ["10.96.0.50"],
      sessionAffinity: "ClientIP",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
    });
    addSlice(cluster, "sticky", 80, [
      { ip: "10.244.1.6", node: "node-1" },
      { ip: "10.244.2.7", node: "node-2" },
    ]);
    const backends = new Set(
      Array.from({ length: 10 }, () => net.send({ from: client, target: "10.96.0.50:80" }).backend?.ip),
    );
    expect(backends.size).toBe(1);
  });

  it("a not-ready endpoint leaves the rotation", () => {
    const { cluster, net } = setup();
    addSlice(cluster, "web", 80, [
      { ip: "10.244.1.6", node: "node-1", ready: false },
      { ip: "10.244.2.7", node: "node-2" },
    ]);
    for (let i = 0; i < 10; i++)
      expect(net.send({ from: client, target: "10.96.0.12:80" }).backend?.ip).toBe("10.244.2.7");
  });

  it("a port nobody listens on is refused with RST, whatever containerPort says", () => {
    const { net } = setup();
    const t = net.send({ from: client, target: "10.244.2.7:8080" });
    expect(t.verdict).toBe("rejected");
    expect(t.hops.find((h) => h.stage === "socket")?.note).toContain("nothing listens on 8080/TCP");
    expect(t.hops.filter((h) => h.direction === "reply")[0]?.packet.flags).toEqual(["RST", "ACK"]);
  });

  it("conntrack: NEW then ESTABLISHED with the reply tuple after NAT; TIME_WAIT after close", () => {
    const { cluster, net } = setup();
    const t = net.send({ from: client, target: "10.96.0.12:80" });
    const entries = net.conntrackEntries("node-1").filter((e) => e.proto === "TCP");
    expect(entries).toHaveLength(1);
    const e = entries[0]!;
    expect(e.orig).toMatchObject({ src: "10.244.1.5", dst: "10.96.0.12", dport: 80 });
    expect(e.reply).toMatchObject({ src: t.backend?.ip, dst: "10.244.1.5" });
    expect(e.state).toBe("ESTABLISHED");
    expect(e.assured).toBe(true);
    net.closeConnection(t);
    expect(e.state).toBe("TIME_WAIT");
    cluster.clock.advance(121_000);
    expect(net.conntrackEntries("node-1").filter((x) => x.proto === "TCP")).toHaveLength(0);
  });

  it("source ports are ephemeral, from the PRNG, in 32768–60999", () => {
    const { net } = setup();
    for (let i = 0; i < 20; i++) {
      const sport = net.send({ from: client, target: "10.96.0.12:80" }).hops[0]?.packet.sport ?? 0;
      expect(sport).toBeGreaterThanOrEqual(32768);
      expect(sport).toBeLessThanOrEqual(60999);
    }
  });

  it("a node's own request goes through OUTPUT and is masqueraded", () => {
    const { net } = setup();
    const t = net.send({ from: { type: "node", node: "node-1" }, target: "10.96.0.20:80" });
    expect(t.hops[0]?.stage).toBe("nat OUTPUT → KUBE-SERVICES");
    expect(t.verdict).toBe("delivered");
  });
});
