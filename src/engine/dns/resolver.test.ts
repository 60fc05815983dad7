import { describe, expect, it } from "vitest";
import { newObjectMeta } from "../api/meta.testkit";
import { addPod, addService, addSlice, dnsScenario, testCluster } from "./cluster.testkit";
import type { DnsResponse } from "./contract";
import { buildDnsIndex } from "./dnsIndex";
import { ClusterDns } from "./resolver";

const data = (r: DnsResponse) => r.answer.map((a) => `${a.name} ${a.ttl} ${a.type} ${a.data}`);
const SOA = "cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local.";

describe("ClusterDns records", () => {
  const cluster = dnsScenario();
  const dns = new ClusterDns(cluster);

  it("answers A for a ClusterIP Service, authoritative without RA", () => {
    const r = dns.query("web.default.svc.cluster.local", "A");
    expect(r).toMatchObject({
      rcode: "NOERROR",
      authoritative: true,
      recursionAvailable: false,
      authority: [],
    });
    expect(data(r)).toEqual(["web.default.svc.cluster.local. 5 A 10.96.0.12"]);
  });

  it("answers NODATA with the SOA for AAAA of an IPv4-only Service", () => {
    const r = dns.query("web.default.svc.cluster.local.", "AAAA");
    expect(r.rcode).toBe("NOERROR");
    expect(r.answer).toEqual([]);
    expect(`${r.authority[0]?.name} ${r.authority[0]?.ttl} IN SOA ${r.authority[0]?.data}`).toMatch(
      new RegExp(`^${SOA.replace(/\./g, "\\.")} \\d+ 7200 1800 86400 5$`),
    );
  });

  it("answers one A per ready endpoint of a headless Service", () => {
    expect(data(dns.query("headless.default.svc.cluster.local", "A"))).toEqual([
      "headless.default.svc.cluster.local. 5 A 10.244.1.5",
      "headless.default.svc.cluster.local. 5 A 10.244.2.7",
      "headless.default.svc.cluster.local. 5 A 10.244.2.8",
    ]);
  });

  it("answers NXDOMAIN for a headless Service with no ready endpoint", () => {
    const r = dns.query("empty.default.svc.cluster.local", "A");
    expect(r.rcode).toBe("NXDOMAIN");
    expect(r.authority[0]?.type).toBe("SOA");
  });

  it("answers SRV for a named port with the Service port and the target's A in ADDITIONAL", () => {
    const r = dns.query("_http._tcp.web.shop.svc.cluster.local", "SRV");
    expect(data(r)).toEqual([
      "_http._tcp.web.shop.svc.cluster.local. 5 SRV 0 100 80 web.shop.svc.cluster.local.",
    ]);
    expect(r.additional.map((a) => `${a.name} ${a.type} ${a.data}`)).toEqual([
      "web.shop.svc.cluster.local. A 10.96.0.20",
    ]);
    expect(dns.query("_http._udp.web.shop.svc.cluster.local", "SRV").rcode).toBe("NXDOMAIN");
  });

  it("answers one SRV per ready endpoint of a headless Service, dashed-IP targets, weight 100/3", () => {
    const r = dns.query("_http._tcp.headless.default.svc.cluster.local", "SRV");
    expect(data(r)).toEqual([
      "_http._tcp.headless.default.svc.cluster.local. 5 SRV 0 33 8080 10-244-1-5.headless.default.svc.cluster.local.",
      "_http._tcp.headless.default.svc.cluster.local. 5 SRV 0 33 8080 10-244-2-7.headless.default.svc.cluster.local.",
      "_http._tcp.headless.default.svc.cluster.local. 5 SRV 0 33 8080 10-244-2-8.headless.default.svc.cluster.local.",
    ]);
    expect(r.additional.map((a) => `${a.name} ${a.data}`)).toEqual([
      "10-244-1-5.headless.default.svc.cluster.local. 10.244.1.5",
      "10-244-2-7.headless.default.svc.cluster.local. 10.244.2.7",
      "10-244-2-8.headless.default.svc.cluster.local. 10.244.2.8",
    ]);
  });

  it("uses endpoint hostnames as SRV targets and answers hostname.subdomain names", () => {
    const srv = dns.query("_web._tcp.nginx.default.svc.cluster.local", "SRV");
    expect(srv.answer.map((a) => a.data)).toEqual([
      "0 50 80 web-0.nginx.default.svc.cluster.local.",
      "0 50 80 web-1.nginx.default.svc.cluster.local.",
    ]);
    expect(data(dns.query("web-0.nginx.default.svc.cluster.local", "A"))).toEqual([
      "web-0.nginx.default.svc.cluster.local. 5 A 10.244.1.10",
    ]);
    expect(dns.query("web-9.nginx.default.svc.cluster.local", "A").rcode).toBe("NXDOMAIN");
    expect(data(dns.query("10-244-2-8.headless.default.svc.cluster.local", "A"))).toEqual([
      "10-244-2-8.headless.default.svc.cluster.local. 5 A 10.244.2.8",
    ]);
  });

  it("answers CNAME for an ExternalName Service, then the target from upstream", () => {
    const a = dns.query("ext-service.default.svc.cluster.local", "A");
    expect(a.authoritative).toBe(true);
    expect(data(a)).toEqual([
      "ext-service.default.svc.cluster.local. 5 CNAME google.com.",
      "google.com. 300 A 142.250.72.206",
    ]);
    expect(data(dns.query("ext-service.default.svc.cluster.local", "CNAME"))).toEqual([
      "ext-service.default.svc.cluster.local. 5 CNAME google.com.",
    ]);
  });

  it("answers pod records from the name (pods insecure) but only in existing namespaces", () => {
    expect(data(dns.query("10-244-9-9.default.pod.cluster.local", "A"))).toEqual([
      "10-244-9-9.default.pod.cluster.local. 5 A 10.244.9.9",
    ]);
    expect(dns.query("10-244-9-9.nowhere.pod.cluster.local", "A").rcode).toBe("NXDOMAIN");
    expect(dns.query("not-an-ip.default.pod.cluster.local", "A").rcode).toBe("NXDOMAIN");
  });

  it("answers PTR for Service IPs and endpoint IPs; other IPs fall through to upstream", () => {
    expect(data(dns.query("12.0.96.10.in-addr.arpa", "PTR"))).toEqual([
      "12.0.96.10.in-addr.arpa. 5 PTR web.default.svc.cluster.local.",
    ]);
    expect(dns.query("10.1.244.10.in-addr.arpa.", "PTR").answer.map((a) => a.data)).toEqual([
      "web-0.nginx.default.svc.cluster.local.",
    ]);
    expect(dns.query("5.1.244.10.in-addr.arpa.", "PTR").answer.map((a) => a.data)).toEqual([
      "10-244-1-5.headless.default.svc.cluster.local.",
      "10-244-1-5.web.default.svc.cluster.local.",
    ]);
    const unknown = dns.query("99.99.244.10.in-addr.arpa.", "PTR");
    expect(unknown).toMatchObject({ rcode: "NXDOMAIN", authoritative: false, recursionAvailable: true });
    expect(unknown.authority[0]?.name).toBe("10.in-addr.arpa.");
  });

  it("answers the schema version TXT", () => {
    expect(data(dns.query("dns-version.cluster.local", "TXT"))).toEqual([
      'dns-version.cluster.local. 5 TXT "1.1.0"',
    ]);
  });

  it("answers NXDOMAIN with the zone SOA, serial = clock seconds at the last change", () => {
    const c = testCluster(3);
    c.clock.set(Date.UTC(2021, 1, 13, 15, 0, 0));
    const d = new ClusterDns(c);
    c.clock.advance(60_000);
    addService(c, "late", { clusterIP: "10.96.5.5", ports: [{ port: 80 }] });
    c.clock.advance(60_000);
    const r = d.query("nope.default.svc.cluster.local", "A");
    expect(r.rcode).toBe("NXDOMAIN");
    const serial = Date.UTC(2021, 1, 13, 15, 1, 0) / 1000;
    expect(r.authority.map((a) => `${a.name} ${a.ttl} IN ${a.type} ${a.data}`)).toEqual([
      `${SOA} ${serial} 7200 1800 86400 5`,
    ]);
  });

  it("answers NODATA for namespace names that exist and NXDOMAIN for others", () => {
    expect(dns.query("shop.svc.cluster.local", "A")).toMatchObject({ rcode: "NOERROR", answer: [] });
    expect(dns.query("nowhere.svc.cluster.local", "A").rcode).toBe("NXDOMAIN");
  });

  it("answers names outside the zone from upstream, recursive and not authoritative", () => {
    const r = dns.query("example.com", "A");
    expect(r).toMatchObject({ rcode: "NOERROR", authoritative: false, recursionAvailable: true });
    expect(data(r)).toEqual(["example.com. 300 A 93.184.216.34"]);
    const nx = dns.query("no-such-name.invalid", "A");
    expect(nx.rcode).toBe("NXDOMAIN");
    expect(nx.authority[0]?.data).toMatch(/^a\.root-servers\.net\. nstld\.verisign-grs\.com\. 2026010500 /);
  });
});

describe("ClusterDns configuration and index", () => {
  it("takes the TTL from the coredns ConfigMap's kubernetes block", () => {
    const c = dnsScenario();
    c.store.put("ConfigMap", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: newObjectMeta(c, { name: "coredns", namespace: "kube-system" }),
      data: {
        Corefile:
          ".:53 {\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       ttl 30\n    }\n}\n",
      },
    });
    const r = new ClusterDns(c).query("web.default.svc.cluster.local", "A");
    expect(r.answer[0]?.ttl).toBe(30);
  });

  it("answers pod records with `pods verified` only for a pod that has the IP in that namespace", () => {
    const c = dnsScenario();
    c.store.put("ConfigMap", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: newObjectMeta(c, { name: "coredns", namespace: "kube-system" }),
      data: { Corefile: ".:53 {\n    kubernetes cluster.local {\n       pods verified\n    }\n}\n" },
    });
    addPod(c, "a", "10.244.3.3");
    addPod(c, "b", "10.244.3.4", {}, "shop");
    const d = new ClusterDns(c);
    expect(d.query("10-244-3-3.default.pod.cluster.local", "A").answer[0]?.data).toBe("10.244.3.3");
    expect(d.query("10-244-3-4.shop.pod.cluster.local", "A").answer[0]?.data).toBe("10.244.3.4");
    expect(d.query("10-244-3-4.default.pod.cluster.local", "A").rcode).toBe("NXDOMAIN");
    expect(d.query("10-244-9-9.default.pod.cluster.local", "A").rcode).toBe("NXDOMAIN");
  });

  it("rebuilds the index only after a DNS-relevant change", () => {
    const c = dnsScenario();
    const d = new ClusterDns(c);
    const first = d.index();
    expect(d.index()).toBe(first);
    addService(c, "new", { clusterIP: "10.96.7.7", ports: [{ port: 80 }] });
    expect(d.query("new.default.svc.cluster.local", "A").answer[0]?.data).toBe("10.96.7.7");
    expect(d.index()).not.toBe(first);
  });

  it("counts the records of a large cluster", () => {
    const c = testCluster(5);
    for (let s = 0; s < 200; s++) {
      addService(c, `svc-${s}`, {
        clusterIP: `10.96.${s >> 8}.${s & 255}`,
        ports: [{ name: "http", port: 80 }],
      });
      addSlice(
        c,
        `svc-${s}`,
        Array.from({ length: 10 }, (_, e) => ({ ip: `10.244.${s & 255}.${e + 1}` })),
        [{ name: "http", port: 80 }],
      );
    }
    // Per Service: A + PTR + SRV; per endpoint: its name's A + PTR; plus dns-version.
    expect(buildDnsIndex(c).recordCount).toBe(200 * 3 + 2000 * 2 + 1);
  });
});
