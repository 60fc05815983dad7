import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import { Cluster } from "../../cluster";
import type { CommandEnv } from "../../shell/types";
import { iptablesSave } from "../iptables/netfilter";
import { burst } from "./burst.testkit";
import { smallCluster } from "./cluster.testkit";
import { makeIpset, makeIpvsadm } from "./commands";
import { createIpvsMode } from "./mode";
import { renderKubeIpvs0 } from "./render/kubeIpvs0";

const NODE = "kind-control-plane";
const golden = goldenDir(new URL("./testdata/", import.meta.url));

function setup() {
  const mode = createIpvsMode();
  const dp = mode.build(smallCluster(), NODE);
  const cluster = new Cluster(1);
  const env = (ctx: CommandEnv["context"]): CommandEnv =>
    ({ cluster, context: ctx, stdin: "", files: new Map() }) as unknown as CommandEnv;
  const nodeEnv = env({ type: "node", node: NODE, cwd: "/root" });
  const podEnv = env({ type: "pod", namespace: "default", pod: "client", container: "c", shell: "sh" });
  return {
    mode,
    dp,
    cluster,
    nodeEnv,
    podEnv,
    ipvsadm: makeIpvsadm(mode.dataPlane),
    ipset: makeIpset(mode.dataPlane),
  };
}

describe("IPVS golden outputs", () => {
  it("ipvsadm -Ln", () => {
    const { ipvsadm, nodeEnv } = setup();
    const r = ipvsadm(["-Ln"], nodeEnv);
    expect(r.exitCode).toBe(0);
    golden("ipvsadm-Ln.golden", r.stdout);
  });

  it("ipvsadm -Ln -t VIP:PORT prints only that service, without the version line", () => {
    const { ipvsadm, nodeEnv } = setup();
    golden("ipvsadm-Ln-t.golden", ipvsadm(["-Ln", "-t", "10.96.100.20:80"], nodeEnv).stdout);
    expect(ipvsadm(["-Ln", "-t", "10.96.9.9:80"], nodeEnv)).toMatchObject({
      exitCode: 1,
      stderr: "No such service\n",
    });
  });

  it("ipvsadm -Ln --stats and -Lnc after traffic", () => {
    const { dp, ipvsadm, nodeEnv, cluster } = setup();
    const now = cluster.clock.now();
    burst(dp, "TCP/10.96.0.10:53", ["10.244.1.9", "10.244.1.9", "10.244.2.4"], { nowMs: now });
    burst(dp, "TCP/10.96.100.20:80", [{ ip: "10.244.1.9", port: 51000 }], { nowMs: now, closeEach: true });
    cluster.clock.advance(30_000);
    golden("ipvsadm-Ln-stats.golden", ipvsadm(["-Ln", "--stats"], nodeEnv).stdout);
    golden("ipvsadm-Lnc.golden", ipvsadm(["-Lnc"], nodeEnv).stdout);
    golden("ipvsadm-Ln-after.golden", ipvsadm(["-L", "-n"], nodeEnv).stdout);
  });

  it("ipset list", () => {
    const { ipset, nodeEnv } = setup();
    golden("ipset-list.golden", ipset(["list"], nodeEnv).stdout);
    expect(ipset(["list", "KUBE-NOPE"], nodeEnv)).toMatchObject({
      exitCode: 1,
      stderr: "ipset v7.17: The set with the given name does not exist\n",
    });
  });

  it("ip addr show kube-ipvs0", () => {
    const { dp } = setup();
    golden("ip-addr-kube-ipvs0.golden", renderKubeIpvs0(dp.state, 5));
  });

  it("iptables-save (kube-proxy's rules in IPVS mode)", () => {
    const { dp, cluster } = setup();
    const now = cluster.clock.now();
    golden(
      "iptables-save.golden",
      iptablesSave(dp.iptables(), { table: "nat", nowMs: now }) +
        iptablesSave(dp.iptables(), { table: "filter", nowMs: now }),
    );
  });

  it("prints the real permission errors inside a pod", () => {
    const { ipvsadm, ipset, podEnv } = setup();
    expect(ipvsadm(["-Ln"], podEnv)).toEqual({
      stdout: "",
      stderr:
        "Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n",
      exitCode: 2,
    });
    expect(ipset(["list"], podEnv).stderr).toBe(
      "ipset v7.17: Kernel error received: Operation not permitted\n",
    );
  });
});
