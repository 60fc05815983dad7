import { describe, expect, it } from "vitest";
import { dnsScenario, podContext, testEnv } from "../../dns/cluster.testkit";
import { ClusterDns } from "../../dns/resolver";
import { hostname, podFiles } from "./files";
import { host } from "./host";
import { nslookup } from "./nslookup";

function env(pod = "client") {
  const c = dnsScenario(11);
  const dns = new ClusterDns(c);
  return { c, dns, env: testEnv(c, dns, podContext(pod)) };
}

describe("nslookup", () => {
  it("uses the search list and prints bind9's layout", () => {
    expect(nslookup(["web"], env().env).stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.96.0.12\n\n",
    );
  });

  it("reports NXDOMAIN with the name as typed", () => {
    const out = nslookup(["nope"], env().env);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toBe(
      "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nope: NXDOMAIN\n\n",
    );
  });

  it("marks upstream answers non-authoritative", () => {
    expect(nslookup(["example.com"], env().env).stdout).toContain(
      "Non-authoritative answer:\nName:\texample.com\nAddress: 93.184.216.34\nName:\texample.com\nAddress: 2606:2800:220:1:248:1893:25c8:1946\n",
    );
  });
});

describe("host", () => {
  it("prints has address / is an alias for / not found", () => {
    expect(host(["web"], env().env).stdout).toBe("web.default.svc.cluster.local has address 10.96.0.12\n");
    expect(host(["ext-service"], env().env).stdout).toMatch(
      /^ext-service\.default\.svc\.cluster\.local is an alias for google\.com\.\ngoogle\.com has address 142\.250\.72\.206\n/,
    );
    const nx = host(["nope"], env().env);
    expect(nx).toMatchObject({ stdout: "Host nope not found: 3(NXDOMAIN)\n", exitCode: 1 });
    expect(host(["10.96.0.12"], env().env).stdout).toBe(
      "12.0.96.10.in-addr.arpa domain name pointer web.default.svc.cluster.local.\n",
    );
  });
});

describe("pod files and hostname", () => {
  it("writes the kubelet-managed hosts file with hostname and subdomain", () => {
    const { c, dns } = env();
    const files = podFiles(c, dns, c.store.get("Pod", "default", "web-0")!);
    expect(files.get("/etc/hosts")).toBe(
      "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\n" +
        "fe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n" +
        "10.244.1.10\tweb-0.nginx.default.svc.cluster.local\tweb-0\n",
    );
    expect(files.get("/etc/resolv.conf")).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
  });

  it("hostname prints the pod's name or spec.hostname", () => {
    expect(hostname([], env("client").env).stdout).toBe("client\n");
    expect(hostname([], env("web-0").env).stdout).toBe("web-0\n");
  });
});
