/**
 * Asking questions of an imported cluster (testdata dumps, kubectl's own output): a packet from
 * a pod to a Service and from outside to a NodePort takes the rules the node's own tools list,
 * IPVS with the dump's scheduler; `dig` from a pod answers in the dump's cluster domain; a
 * Service whose pods are not ready says why it has no endpoints.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { english } from "../../net/messages";
import type { Trace } from "../../net/types";
import { Simulation } from "../../simulation";

async function imported(file: string): Promise<Simulation> {
  const sim = new Simulation();
  const report = await sim.importCluster({
    name: file,
    text: readFileSync(`testdata/import/${file}`, "utf8"),
  });
  expect(report.errors).toEqual([]);
  await sim.loadAssets();
  return sim;
}

/** The node the terminal's shell runs on (`root@NODE:~#`). */
function shellNode(sim: Simulation): string {
  return /^root@([^:]+):/.exec(sim.prompt())?.[1] ?? "";
}

/** The rules a walk matched: every netfilter rule step that hit, calls followed. */
function hits(v: unknown, out: string[]): string[] {
  if (Array.isArray(v)) for (const x of v) hits(x, out);
  else if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    if (o.k === "rule" && o.hit === true && typeof o.text === "string") out.push(o.text);
    for (const x of Object.values(o)) if (typeof x === "object") hits(x, out);
  }
  return out;
}

/** The rules of kube-proxy's data plane the request matched on `node`: each hop's rule and its walk's hits. */
function proxyRules(trace: Trace, node: string): string[] {
  return trace.hops
    .filter((h) => h.direction === "request" && h.place.node === node && h.kind === "hook")
    .flatMap((h) => [...(h.rule ? [h.rule] : []), ...hits(h.walk, [])]);
}

/** dig's answer lines in order (CoreDNS's loadbalance plugin shuffles them). */
function sorted(out: string): string[] {
  return out.split("\n").filter(Boolean).sort();
}

/** A pod that runs a shell with dig (what an SRE starts to ask DNS), once it is running. */
function toolbox(sim: Simulation, namespace: string): string {
  expect(
    sim.run(`kubectl run toolbox -n ${namespace} --image=nicolaka/netshoot -- sleep infinity`).exitCode,
  ).toBe(0);
  sim.advanceClock(30_000);
  return `kubectl exec -n ${namespace} toolbox --`;
}

const KUBEADM = await imported("kubeadm.json");
const EKS = await imported("eks.yaml");
const KIND_NFTABLES = await imported("kind-nftables.json");

describe("the kubeadm dump (IPVS, scheduler sh, domain corp.internal)", () => {
  const sim = KUBEADM;
  const node = shellNode(sim);
  const storefront = ["10.32.1.14", "10.32.2.9", "10.32.2.10"];

  it("a pod to a Service: kube-proxy's IPVS virtual server with the source-hashing scheduler", () => {
    const from = { type: "pod" as const, namespace: "kube-system", name: "coredns-668d6bf9bc-7xq2n" };
    const trace = sim.send({ from, target: "10.112.84.17", port: 80 });
    expect(trace.mode).toBe("ipvs");
    expect(trace.verdict).toBe("delivered");
    expect(storefront).toContain(trace.backend?.ip);
    expect(node).toBe("k8s-cp-1");
    const ipvs = sim.run("ipvsadm -Ln").stdout;
    const rules = proxyRules(trace, node);
    expect(rules).toContain("TCP  10.112.84.17:80 sh");
    const saved = sim.run("iptables-save").stdout;
    for (const rule of rules) expect(rule.startsWith("-A ") ? saved : ipvs).toContain(rule);
    // Source hashing: the same client always reaches the same backend (rr would rotate).
    const again = Array.from(
      { length: 6 },
      () => sim.send({ from, target: "10.112.84.17", port: 80 }).backend?.ip,
    );
    expect(new Set(again)).toEqual(new Set([trace.backend?.ip]));
  });

  it("outside to the NodePort on the control plane's address", () => {
    const trace = sim.send({ from: { type: "external" }, target: "192.168.56.10:31080" });
    expect(trace.verdict).toBe("delivered");
    expect(storefront).toContain(trace.backend?.ip);
    const rules = proxyRules(trace, node);
    expect(rules).toContain("TCP  192.168.56.10:31080 sh");
    expect(sim.run("ipvsadm -Ln").stdout).toContain("TCP  192.168.56.10:31080 sh\n");
  });

  it("dig from a pod answers in corp.internal, through the pod's search path", () => {
    const exec = toolbox(sim, "shop");
    expect(sim.run(`${exec} cat /etc/resolv.conf`).stdout).toBe(
      "search shop.svc.corp.internal svc.corp.internal corp.internal\nnameserver 10.112.0.10\noptions ndots:5\n",
    );
    expect(sim.run(`${exec} dig +search +short storefront`).stdout).toBe("10.112.84.17\n");
    expect(sorted(sim.run(`${exec} dig +short cart-db.shop.svc.corp.internal`).stdout)).toEqual([
      "10.32.1.12",
      "10.32.2.7",
    ]);
    expect(sim.run(`${exec} dig +short cart-db-1.cart-db.shop.svc.corp.internal`).stdout).toBe("10.32.2.7\n");
    expect(sim.run(`${exec} dig storefront.shop.svc.cluster.local`).stdout).toContain("status: NXDOMAIN");
  });

  it("a Service whose pods fail their readiness probe: no endpoints, and why", () => {
    const from = { type: "pod" as const, namespace: "shop", name: "cart-db-0" };
    const trace = sim.send({ from, target: "payments.shop", port: 443 });
    expect(trace.verdict).toBe("rejected");
    expect(english(trace.noEndpoints!)).toBe(
      "shop/payments:https has no endpoints: the 2 pods its selector picks are not ready (payments-b5c4d8f97-4rndv, payments-b5c4d8f97-kt6gd)",
    );
    expect(sim.run("ipvsadm -Ln -t 10.112.47.9:443").stdout).toBe(
      "Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  10.112.47.9:443 sh\n",
    );
  });

  it("a headless Service gets no virtual server; its pods answer on their own addresses", () => {
    expect(sim.run("ipvsadm -Ln").stdout).not.toContain(":6379");
    const trace = sim.send({
      from: { type: "pod", namespace: "shop", name: "storefront-6d9f8b7c54-g6tkm" },
      target: "10.32.2.7",
      port: 6379,
    });
    expect(trace.verdict).toBe("delivered");
    expect(trace.backend?.pod).toBe("cart-db-1");
  });
  it("once the payments pods pass their probe, the cluster's own image answers on the port it declares", () => {
    for (const name of ["payments-b5c4d8f97-4rndv", "payments-b5c4d8f97-kt6gd"])
      sim.setPodReady("shop", name, true);
    sim.advanceClock(31_000);
    const trace = sim.send({
      from: { type: "pod", namespace: "shop", name: "cart-db-0" },
      target: "payments.shop",
      port: 443,
    });
    expect(trace.verdict).toBe("delivered");
    expect(trace.backend?.port).toBe(8443);
    expect(trace.hops.find((h) => h.kind === "socket")?.note).toMatch(/^payments listens on 8443\/TCP/);
  });
});

describe("the EKS dump (VPC CNI, kube-proxy-config, an ELB)", () => {
  const sim = EKS;
  const node = shellNode(sim);
  const frontend = ["192.168.9.40", "192.168.33.101", "192.168.70.5"];

  it("a pod to the LoadBalancer Service's ClusterIP reaches a VPC address on another node", () => {
    const from = { type: "pod" as const, namespace: "kube-system", name: "coredns-6b9575c64c-q2w7x" };
    expect(node).toBe("ip-192-168-14-201.us-west-2.compute.internal");
    const saved = sim.run("iptables-save").stdout;
    for (let i = 0; i < 12; i++) {
      const trace = sim.send({ from, target: "frontend.shop", port: 80 });
      expect(trace.verdict).toBe("delivered");
      expect(frontend).toContain(trace.backend?.ip);
      const rules = proxyRules(trace, node);
      expect(rules).toContain(
        '-A KUBE-SERVICES -d 10.100.148.62/32 -p tcp -m comment --comment "shop/frontend:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-PY4JZH2ITZYEO4CN',
      );
      for (const rule of rules) expect(saved).toContain(rule);
    }
  });

  it("kube-proxy has no clusterCIDR: nothing tells pod traffic from outside traffic, so a ClusterIP masquerades nothing", () => {
    const nat = sim.run("iptables-save -t nat").stdout;
    expect(nat).not.toMatch(/cluster IP" .*-j KUBE-MARK-MASQ/);
    expect(nat).toContain(
      '-A KUBE-SERVICES -d 10.100.148.62/32 -p tcp -m comment --comment "shop/frontend:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-PY4JZH2ITZYEO4CN\n',
    );
  });

  it("an ELB hostname is no address kube-proxy can catch: the NodePort is the way in", () => {
    const nat = sim.run("iptables-save").stdout;
    expect(nat).not.toContain("loadbalancer IP");
    expect(sim.run("kubectl get svc -n shop frontend -o wide").stdout).toContain("elb.amazonaws.com");
    const trace = sim.send({ from: { type: "external" }, target: "192.168.14.201:30412" });
    expect(trace.verdict).toBe("delivered");
    expect(frontend).toContain(trace.backend?.ip);
    const rules = proxyRules(trace, node);
    expect(rules.some((r) => r.includes("--dport 30412"))).toBe(true);
    for (const rule of rules) expect(nat).toContain(rule);
  });

  it("pods' routes are the VPC CNI's; the node routes its own pods by host routes", () => {
    const exec = toolbox(sim, "shop");
    expect(sim.run(`${exec} ip route`).stdout).toBe(
      "default via 169.254.1.1 dev eth0 \n169.254.1.1 dev eth0 scope link \n",
    );
    expect(sim.run(`${exec} dig +search +short frontend`).stdout).toBe("10.100.148.62\n");
    const routes = sim.run("ip route").stdout;
    expect(routes).toContain("default via 192.168.14.1 dev eth0 proto static");
    expect(routes).toMatch(/^192\.168\.20\.15 dev veth[0-9a-f]{8} scope link $/m);
    expect(routes).not.toContain("192.168.33.101");
  });
});

describe("the kind dump in nftables mode", () => {
  const sim = KIND_NFTABLES;
  const node = shellNode(sim);

  it("a pod to a Service takes the ruleset's own rules", () => {
    const trace = sim.send({
      from: { type: "pod", namespace: "kube-system", name: "coredns-668d6bf9bc-4hlzq" },
      target: "web.default",
      port: 80,
    });
    expect(trace.mode).toBe("nftables");
    expect(trace.verdict).toBe("delivered");
    const ruleset = sim.run("nft list ruleset").stdout;
    const rules = proxyRules(trace, node);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(ruleset).toContain(rule.trim());
  });
});
