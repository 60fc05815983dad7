import { describe, expect, it } from "vitest";
import { Cluster } from "../../cluster";
import type { CommandEnv, ShellContext } from "../../shell/types";
import type { NodeDataPlane } from "../types";
import { NFT_PERMISSION_ERROR, nftCommand } from "./commands";
import { nftablesMode } from "./dataPlane";
import { overallInput, TEST_NODE } from "./objects.testkit";

const plane = nftablesMode.build(overallInput(), TEST_NODE);
const nft = nftCommand((node) => (node === TEST_NODE ? plane : undefined));

function run(args: string[], context: ShellContext = { type: "node", node: TEST_NODE, cwd: "/root" }) {
  const env = { cluster: new Cluster(1), context, stdin: "", files: new Map() } as unknown as CommandEnv;
  return nft(args, env);
}

describe("nft", () => {
  it("lists one chain inside its table", () => {
    expect(run(["list", "chain", "ip", "kube-proxy", "services"]).stdout).toBe(
      "table ip kube-proxy {\n\tchain services {\n\t\tip daddr . meta l4proto . th dport vmap @service-ips\n\t\tip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports\n\t}\n}\n",
    );
  });

  it("lists the service-ips map, one element per line, in nft's order", () => {
    const out = run(["list", "map", "ip", "kube-proxy", "service-ips"]).stdout;
    expect(out.split("\n").slice(0, 5)).toEqual([
      "table ip kube-proxy {",
      "\tmap service-ips {",
      "\t\ttype ipv4_addr . inet_proto . inet_service : verdict",
      '\t\tcomment "ClusterIP, ExternalIP and LoadBalancer IP traffic"',
      "\t\telements = { 1.2.3.4 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80,",
    ]);
  });

  it("shows only the kube-proxy table in the ruleset, family ip by default", () => {
    const ruleset = run(["list", "ruleset"]).stdout;
    expect(ruleset.startsWith('table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n')).toBe(true);
    expect(run(["list", "table", "kube-proxy"]).stdout).toBe(ruleset);
    expect(run(["list", "tables"]).stdout).toBe("table ip kube-proxy\n");
  });

  it("fails like nft for missing objects and bad syntax", () => {
    expect(run(["list", "chain", "ip", "kube-proxy", "nosuch"])).toEqual({
      stdout: "",
      stderr:
        "Error: No such file or directory\nlist chain ip kube-proxy nosuch\n                         ^^^^^^\n",
      exitCode: 1,
    });
    expect(run(["list", "map", "ip", "kube-proxy", "cluster-ips"]).stderr).toBe(
      "Error: No such file or directory\nlist map ip kube-proxy cluster-ips\n                       ^^^^^^^^^^^\n",
    );
    expect(run(["list", "table", "inet", "kube-proxy"]).stderr).toBe(
      "Error: No such file or directory\nlist table inet kube-proxy\n                ^^^^^^^^^^\n",
    );
    expect(run(["list"]).stderr).toBe("Error: syntax error, unexpected newline\nlist\n    ^\n");
    expect(run(["list", "chain", "ip", "kube-proxy"]).stderr).toBe(
      "Error: syntax error, unexpected newline, expecting string\nlist chain ip kube-proxy\n                        ^\n",
    );
    expect(run([]).stderr).toBe("nft: no command specified\n");
  });

  it("has no kube-proxy table on a node running another proxy mode", () => {
    const other = { mode: "iptables" } as unknown as NodeDataPlane;
    const cmd = nftCommand(() => other);
    const env = {
      cluster: new Cluster(1),
      context: { type: "node", node: "n", cwd: "/" },
      stdin: "",
      files: new Map(),
    } as unknown as CommandEnv;
    expect(cmd(["list", "ruleset"], env)).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect(cmd(["list", "table", "ip", "kube-proxy"], env).exitCode).toBe(1);
  });

  it("is refused inside a pod without CAP_NET_ADMIN", () => {
    const r = run(["list", "ruleset"], {
      type: "pod",
      namespace: "default",
      pod: "client",
      container: "client",
      shell: "sh",
    });
    expect(r).toEqual({ stdout: "", stderr: NFT_PERMISSION_ERROR, exitCode: 1 });
  });
});
