import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Pod, Service } from "../api/types";
import { Cluster } from "../cluster";
import { LiveAddressIndex } from "./addressIndex";
import { addNode, addPod } from "./network.testkit";

/** Everything the index says, in comparable form. */
function view(c: Cluster) {
  const ix = c.addressIndex();
  const names = (m: Map<string, { metadata: { name: string } }>) =>
    [...m].map(([ip, s]) => `${ip}=${s.metadata.name}`).sort();
  return {
    mode: ix.mode,
    nodes: ix.nodes.map((n) => `${n.name} ${n.ip} ${n.bridgeIp} ${n.podCidrText}`),
    podByIp: [...ix.podByIp].map(([ip, p]) => `${ip}=${p.namespace}/${p.name}`).sort(),
    podByName: [...ix.podByName.keys()].sort(),
    podsByNode: [...ix.podsByNode].map(([n, ps]) => `${n}: ${ps.map((p) => p.name).join(",")}`),
    clusterIps: names(ix.clusterIps),
    externalIps: names(ix.externalIps),
  };
}

/** The index as one pass over the store in list order builds it (later objects win an address). */
function fresh(c: Cluster) {
  const podByIp = new Map<string, string>();
  const podsByNode = new Map<string, string[]>();
  const nodes = c.store.list("Node").map((n) => {
    podsByNode.set(n.metadata.name, []);
    const ip = n.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    const cidr = n.spec?.podCIDR;
    return `${n.metadata.name} ${ip} ${cidr?.replace(/0\/24$/, "1")} ${cidr}`;
  });
  for (const p of c.store.list("Pod")) {
    const name = `${p.metadata.namespace}/${p.metadata.name}`;
    if (p.status?.podIP && !p.metadata.deletionTimestamp) podByIp.set(p.status.podIP, name);
    podsByNode.get(p.spec?.nodeName ?? "")?.push(p.metadata.name);
  }
  const clusterIps = new Map<string, string>();
  const externalIps = new Map<string, string>();
  for (const s of c.store.list("Service")) {
    for (const ip of s.spec?.clusterIPs ?? []) clusterIps.set(ip, s.metadata.name);
    for (const ip of s.spec?.externalIPs ?? []) externalIps.set(ip, s.metadata.name);
  }
  const sorted = (m: Map<string, string>) => [...m].map(([k, v]) => `${k}=${v}`).sort();
  return {
    mode: c.config.proxyMode,
    nodes,
    podByIp: sorted(podByIp),
    podByName: c.store.list("Pod").map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
    podsByNode: [...podsByNode].map(([n, ps]) => `${n}: ${ps.join(",")}`),
    clusterIps: sorted(clusterIps),
    externalIps: sorted(externalIps),
  };
}

function service(name: string, clusterIP: string, external?: string): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", uid: name, creationTimestamp: "", resourceVersion: "" },
    spec: { clusterIP, clusterIPs: [clusterIP], ...(external ? { externalIPs: [external] } : {}) },
  };
}

const op = fc.oneof(
  fc.record({
    t: fc.constant("pod" as const),
    name: fc.constantFrom("a", "b", "c", "d"),
    node: fc.constantFrom("n1", "n2", "n3"),
    ip: fc.constantFrom("10.244.1.2", "10.244.1.3", "10.244.2.2"),
    deleting: fc.boolean(),
  }),
  fc.record({ t: fc.constant("rmpod" as const), name: fc.constantFrom("a", "b", "c", "d") }),
  fc.record({
    t: fc.constant("svc" as const),
    name: fc.constantFrom("s1", "s2", "s3"),
    ip: fc.constantFrom("10.96.0.5", "10.96.0.6"),
    ext: fc.option(fc.constantFrom("192.168.1.50", "192.168.1.51"), { nil: undefined }),
  }),
  fc.record({ t: fc.constant("rmsvc" as const), name: fc.constantFrom("s1", "s2", "s3") }),
  fc.record({ t: fc.constant("node" as const), name: fc.constantFrom("n2", "n3"), last: fc.nat(9) }),
  fc.record({ t: fc.constant("rmnode" as const), name: fc.constantFrom("n2", "n3") }),
);

describe("addressIndex kept from store events", () => {
  it("always equals the index built in one pass over the store", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const c = new Cluster(1);
        addNode(c, "n1", "192.168.1.10", "10.244.1.0/24");
        view(c);
        for (const o of ops) {
          if (o.t === "pod") {
            addPod(c, o.name, o.node, o.ip, "nginx");
            if (o.deleting) {
              const p = c.store.get("Pod", "default", o.name) as Pod;
              c.store.put("Pod", { ...p, metadata: { ...p.metadata, deletionTimestamp: "x" } });
            }
          } else if (o.t === "rmpod") c.store.remove("Pod", "default", o.name);
          else if (o.t === "svc") c.store.put("Service", service(o.name, o.ip, o.ext));
          else if (o.t === "rmsvc") c.store.remove("Service", "default", o.name);
          else if (o.t === "node") addNode(c, o.name, `192.168.1.${20 + o.last}`, "10.244.2.0/24");
          else c.store.remove("Node", undefined, o.name);
          expect(view(c)).toEqual(fresh(c));
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("is not rebuilt by changes to kinds it does not index", () => {
    const c = new Cluster(1);
    addNode(c, "n1", "192.168.1.10", "10.244.1.0/24");
    const before = c.addressIndex();
    const nodes = before.nodes;
    c.store.put("ConfigMap", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "x", namespace: "default", uid: "x", creationTimestamp: "", resourceVersion: "" },
    });
    addPod(c, "p", "n1", "10.244.1.9", "nginx");
    const after = c.addressIndex();
    expect(after).toBe(before);
    expect(after.nodes).toBe(nodes);
    expect(after.podByIp.get("10.244.1.9")?.name).toBe("p");
  });

  it("follows a proxy mode switch", () => {
    const c = new Cluster(1);
    expect(new LiveAddressIndex(c).current().mode).toBe("iptables");
    c.config = { ...c.config, proxyMode: "ipvs" };
    expect(c.addressIndex().mode).toBe("ipvs");
  });
});
