import { describe, expect, it } from "vitest";
import { addPod, dnsScenario } from "./cluster.testkit";
import { ClusterDns } from "./resolver";

const CONF =
  "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n";

describe("resolv.conf per dnsPolicy", () => {
  const cluster = dnsScenario();
  const dns = new ClusterDns(cluster);

  it("ClusterFirst (the default): cluster search list, clusterDNS, ndots:5", () => {
    expect(dns.resolvConf({ namespace: "default", name: "client" })).toBe(CONF);
    expect(dns.resolvConf({ namespace: "shop", name: "client" })).toBe(
      "search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
  });

  it("hostNetwork with ClusterFirst falls back to the node's resolv.conf", () => {
    addPod(cluster, "hostnet", "10.0.0.11", { hostNetwork: true });
    expect(dns.resolvConf({ namespace: "default", name: "hostnet" })).toBe(
      "nameserver 8.8.8.8\nnameserver 8.8.4.4\n",
    );
  });

  it("ClusterFirstWithHostNet keeps cluster DNS for hostNetwork pods", () => {
    addPod(cluster, "hostnet2", "10.0.0.12", { hostNetwork: true, dnsPolicy: "ClusterFirstWithHostNet" });
    expect(dns.resolvConf({ namespace: "default", name: "hostnet2" })).toBe(CONF);
  });

  it("Default uses the node's resolv.conf, merged with dnsConfig", () => {
    addPod(cluster, "dflt", "10.244.1.30", {
      dnsPolicy: "Default",
      dnsConfig: { searches: ["corp.example"], options: [{ name: "edns0" }] },
    });
    expect(dns.resolvConf({ namespace: "default", name: "dflt" })).toBe(
      "search corp.example\nnameserver 8.8.8.8\nnameserver 8.8.4.4\noptions edns0\n",
    );
  });

  it("None uses only dnsConfig", () => {
    addPod(cluster, "none", "10.244.1.31", {
      dnsPolicy: "None",
      dnsConfig: {
        nameservers: ["1.1.1.1"],
        searches: ["ns1.svc.cluster-domain.example"],
        options: [{ name: "ndots", value: "2" }],
      },
    });
    expect(dns.resolvConf({ namespace: "default", name: "none" })).toBe(
      "search ns1.svc.cluster-domain.example\nnameserver 1.1.1.1\noptions ndots:2\n",
    );
  });

  it("dnsConfig options override the kubelet's (ndots) and nameservers are appended", () => {
    addPod(cluster, "tuned", "10.244.1.32", {
      dnsConfig: {
        nameservers: ["10.96.0.11"],
        options: [
          { name: "ndots", value: "1" },
          { name: "timeout", value: "2" },
        ],
      },
    });
    expect(dns.resolvConf({ namespace: "default", name: "tuned" })).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\nnameserver 10.96.0.11\noptions ndots:1 timeout:2\n",
    );
  });
});

describe("stub resolver (search list and ndots)", () => {
  const cluster = dnsScenario();
  const dns = new ClusterDns(cluster);
  const pod = { namespace: "default", name: "client" };
  const tries = (name: string) =>
    dns
      .resolve(pod, name)
      .tries.filter((t) => t.type === "A")
      .map((t) => `${t.name} ${t.rcode}`);

  it("resolves a short name on the first search domain", () => {
    const r = dns.resolve(pod, "web");
    expect(r).toMatchObject({
      fqdn: "web.default.svc.cluster.local.",
      addresses: ["10.96.0.12"],
      server: "10.96.0.10",
    });
    expect(tries("web")).toEqual(["web.default.svc.cluster.local. NOERROR"]);
  });

  it("resolves <svc>.<ns> through the svc.<zone> entry", () => {
    expect(dns.resolve(pod, "web.shop").addresses).toEqual(["10.96.0.20"]);
    expect(tries("web.shop")).toEqual([
      "web.shop.default.svc.cluster.local. NXDOMAIN",
      "web.shop.svc.cluster.local. NOERROR",
    ]);
  });

  it("walks every cluster suffix before trying an outside name as is", () => {
    expect(dns.resolve(pod, "example.com").addresses).toEqual([
      "93.184.216.34",
      "2606:2800:220:1:248:1893:25c8:1946",
    ]);
    expect(tries("example.com")).toEqual([
      "example.com.default.svc.cluster.local. NXDOMAIN",
      "example.com.svc.cluster.local. NXDOMAIN",
      "example.com.cluster.local. NXDOMAIN",
      "example.com. NOERROR",
    ]);
  });

  it("skips the search list for a trailing dot", () => {
    expect(tries("web.default.svc.cluster.local.")).toEqual(["web.default.svc.cluster.local. NOERROR"]);
    expect(dns.resolve(pod, "web.").addresses).toEqual([]);
  });

  it("queries A and AAAA for each try and follows the ExternalName CNAME", () => {
    const r = dns.resolve(pod, "ext-service");
    expect(r.tries.slice(0, 2).map((t) => t.type)).toEqual(["A", "AAAA"]);
    expect(r.cnames).toEqual(["google.com."]);
    expect(r.addresses[0]).toBe("142.250.72.206");
  });

  it("answers from /etc/hosts before DNS", () => {
    expect(dns.resolve({ namespace: "default", name: "web-0" }, "web-0")).toMatchObject({
      addresses: ["10.244.1.10"],
      tries: [],
    });
    expect(dns.resolve(pod, "localhost").addresses).toEqual(["127.0.0.1", "::1"]);
  });
});
