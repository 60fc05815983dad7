import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import {
  addPod,
  addService,
  addSlice,
  dnsScenario,
  podContext,
  testCluster,
  testEnv,
} from "../../dns/cluster.testkit";
import { ClusterDns } from "../../dns/resolver";
import { dig } from "./dig";

const golden = goldenDir(new URL("./testdata/", import.meta.url));

/** The seed transcript's cluster: kubespray's 10.233.0.0/18 and node-local DNS at 169.254.25.10. */
function seedCluster() {
  const cluster = testCluster(21632, {
    serviceSubnet: "10.233.0.0/18",
    podSubnet: "10.233.64.0/18",
    clusterDNS: ["169.254.25.10"],
  });
  cluster.clock.set(Date.UTC(2021, 1, 13, 15, 53, 55));
  addService(cluster, "headless-svc", { clusterIP: "None", ports: [{ port: 80, targetPort: 80 }] });
  addSlice(cluster, "headless-svc", [{ ip: "10.233.118.26" }], [{ port: 80 }]);
  addPod(cluster, "testnet", "10.233.125.30");
  const dns = new ClusterDns(cluster);
  return { cluster, env: testEnv(cluster, dns, podContext("testnet")) };
}

describe("dig", () => {
  it("prints the seed's headless answer byte for byte (MSG SIZE 133)", () => {
    const { env } = seedCluster();
    const out = dig(["headless-svc.default.svc.cluster.local"], env);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain(";; MSG SIZE  rcvd: 133\n");
    golden("seed-headless.golden", out.stdout);
  });
});

describe("dig goldens (seed 11; id, cookie and query time come from the PRNG)", () => {
  const cases: [string, string[]][] = [
    ["clusterip-a", ["web.default.svc.cluster.local"]],
    ["headless-a", ["headless.default.svc.cluster.local"]],
    ["srv-headless", ["SRV", "_http._tcp.headless.default.svc.cluster.local"]],
    ["externalname", ["ext-service.default.svc.cluster.local"]],
    ["nxdomain", ["nope.default.svc.cluster.local"]],
    ["short", ["+short", "headless.default.svc.cluster.local"]],
    ["timeout", ["@1.2.3.4", "web.default.svc.cluster.local"]],
    ["noall-answer", ["+noall", "+answer", "+search", "web.shop"]],
  ];
  for (const [name, args] of cases) {
    it(`dig ${args.join(" ")}`, () => {
      const c = dnsScenario(11);
      const out = dig(args, testEnv(c, new ClusterDns(c), podContext("client")));
      golden(`dig-${name}.golden`, out.stdout);
    });
  }

  it("on a node asks the upstream resolver, which has never heard of cluster names", () => {
    const c = dnsScenario(11);
    const out = dig(
      ["web.default.svc.cluster.local"],
      testEnv(c, new ClusterDns(c), { type: "node", node: "node-1", cwd: "/root" }),
    );
    golden("dig-node.golden", out.stdout);
  });
});

describe("dig options", () => {
  const run = (args: string[], ctx = podContext("client")) => {
    const c = dnsScenario(11);
    return dig(args, testEnv(c, new ClusterDns(c), ctx));
  };
  const node = { type: "node", node: "node-1", cwd: "/root" } as const;

  it("reaches cluster DNS from a node with @10.96.0.10", () => {
    expect(run(["+short", "@10.96.0.10", "web.default.svc.cluster.local"], node).stdout).toBe("10.96.0.12\n");
  });

  it("does not use the search list without +search", () => {
    expect(run(["+short", "web"]).stdout).toBe("");
    expect(run(["+short", "+search", "web"]).stdout).toBe("10.96.0.12\n");
  });

  it("-x asks PTR for the reverse name, -t sets the type", () => {
    expect(run(["+short", "-x", "10.96.0.12"]).stdout).toBe("web.default.svc.cluster.local.\n");
    expect(run(["+short", "-t", "TXT", "dns-version.cluster.local"]).stdout).toBe('"1.1.0"\n');
    expect(run(["+short", "CNAME", "ext-service.default.svc.cluster.local"]).stdout).toBe("google.com.\n");
  });

  it("ANY gets NODATA from the kubernetes plugin", () => {
    expect(run(["ANY", "web.default.svc.cluster.local"]).stdout).toContain("status: NOERROR, id:");
    expect(run(["+short", "ANY", "web.default.svc.cluster.local"]).stdout).toBe("");
  });

  it("rejects unknown +options with dig's usage", () => {
    const out = run(["+bogus", "web"]);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toMatch(/^Invalid option: \+bogus\nUsage: {2}dig /);
  });

  it("exits 9 and takes 15 s of virtual time when nothing answers", () => {
    const c = dnsScenario(11);
    const before = c.clock.now();
    const out = dig(["@1.2.3.4", "web"], testEnv(c, new ClusterDns(c), podContext("client")));
    expect(out.exitCode).toBe(9);
    expect(c.clock.now() - before).toBe(15_000);
  });
});
