import { describe, expect, it } from "vitest";
import { Simulation } from "../simulation";

/** A fresh cluster with kube-proxy configured by `proxy` (YAML lines under the kind) and one Service with a backend. */
function cluster(proxy: string): Simulation {
  const sim = new Simulation({ seed: 3 });
  const text = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
${proxy}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`;
  const report = sim.apply([{ name: "c.yaml", text }]);
  expect(report.errors).toEqual([]);
  return sim;
}

/** The web Service's masquerade rules in the output. */
function masqLines(sim: Simulation, out: string): string[] {
  const svc = sim.objects().find((o) => o.kind === "Service" && o.metadata.name === "web") as
    | { spec?: { clusterIP?: string } }
    | undefined;
  const ip = svc?.spec?.clusterIP ?? "none";
  return out
    .split("\n")
    .filter(
      (l) => /KUBE-MARK-MASQ|mark-for-masquerade/.test(l) && (l.includes(`${ip} `) || l.includes(`${ip}/`)),
    );
}

describe("kube-proxy's local traffic detector and masqueradeAll", () => {
  it("iptables: ! -s clusterCIDR by default, none without a clusterCIDR, every packet with masqueradeAll", () => {
    const rule = (proxy: string) => {
      const sim = cluster(proxy);
      return masqLines(sim, sim.run("iptables-save -t nat").stdout).join("\n");
    };
    expect(rule("mode: iptables")).toMatch(/ ! -s 10\.244\.0\.0\/16 .*-j KUBE-MARK-MASQ$/);
    expect(rule('mode: iptables\nclusterCIDR: "10.8.0.0/14"')).toMatch(/ ! -s 10\.8\.0\.0\/14 /);
    expect(rule('mode: iptables\nclusterCIDR: ""')).toBe("");
    expect(rule("mode: iptables\niptables: {masqueradeAll: true}")).toMatch(
      /cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ$/,
    );
    // NodeCIDR mode: each node's own podCIDR.
    expect(rule("mode: iptables\ndetectLocalMode: NodeCIDR")).toMatch(/ ! -s 10\.244\.0\.0\/24 /);
  });

  it("ipvs: the KUBE-CLUSTER-IP rule in its three forms", () => {
    const rule = (proxy: string) =>
      cluster(proxy)
        .run("iptables-save -t nat")
        .stdout.split("\n")
        .filter((l) => l.includes("--match-set KUBE-CLUSTER-IP") && l.includes("KUBE-MARK-MASQ"))
        .join("\n");
    expect(rule("mode: ipvs")).toMatch(
      /^-A KUBE-SERVICES ! -s 10\.244\.0\.0\/16 .* dst,dst -j KUBE-MARK-MASQ$/,
    );
    expect(rule('mode: ipvs\nclusterCIDR: ""')).toMatch(
      /^-A KUBE-SERVICES -m comment .* src,dst -j KUBE-MARK-MASQ$/,
    );
    expect(rule("mode: ipvs\niptables: {masqueradeAll: true}")).toMatch(
      /^-A KUBE-SERVICES -m comment .* dst,dst -j KUBE-MARK-MASQ$/,
    );
  });

  it("nftables: reads nftables.masqueradeAll and masqueradeBit, not the iptables block", () => {
    const out = (proxy: string) => cluster(proxy).run("nft list ruleset").stdout;
    const masq = (proxy: string) => {
      const sim = cluster(proxy);
      return masqLines(sim, sim.run("nft list ruleset").stdout).map((l) => l.trim());
    };
    expect(masq("mode: nftables")).toEqual([
      expect.stringMatching(
        /^ip daddr 10\.\d+\.\d+\.\d+ ip saddr != 10\.244\.0\.0\/16 jump mark-for-masquerade$/,
      ),
    ]);
    expect(masq('mode: nftables\nclusterCIDR: ""')).toEqual([]);
    expect(masq("mode: nftables\nnftables: {masqueradeAll: true}")).toEqual([
      expect.stringMatching(/^ip daddr 10\.\d+\.\d+\.\d+ jump mark-for-masquerade$/),
    ]);
    expect(masq("mode: nftables\niptables: {masqueradeAll: true}")).toHaveLength(1);
    expect(masq("mode: nftables\niptables: {masqueradeAll: true}")[0]).toContain("ip saddr != ");
    expect(out("mode: nftables\nnftables: {masqueradeBit: 12}")).toContain("0x00001000");
  });
});
