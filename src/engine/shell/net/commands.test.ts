import { describe, expect, it } from "vitest";
import { goldenDir } from "../../../testing/golden.testkit";
import type { Api } from "../../api/contract";
import { ClusterDns } from "../../dns/resolver";
import { Network } from "../../net/network";
import { fakeDataPlane, lessonCluster } from "../../net/network.testkit";
import type { Trace } from "../../net/types";
import type { CommandEnv, ShellContext } from "../types";
import { conntrack } from "./conntrack";
import { curl } from "./curl";
import { ip, makeIpCommand } from "./ip";
import { trace } from "./trace";

const golden = goldenDir(new URL("./testdata/", import.meta.url));

function setup(seed = 7) {
  const cluster = lessonCluster(seed);
  const dns = new ClusterDns(cluster);
  const net = new Network(cluster, dns, (n) => fakeDataPlane(cluster, n));
  const env = (context: ShellContext): CommandEnv => ({
    cluster,
    api: {} as Api,
    dns,
    net,
    context,
    assets: () => undefined,
    stdin: "",
    files: new Map(),
  });
  return { cluster, net, env };
}

const inClient: ShellContext = {
  type: "pod",
  namespace: "default",
  pod: "client",
  container: "c",
  shell: "bash",
};
const onNode1: ShellContext = { type: "node", node: "node-1", cwd: "/root" };

describe("curl", () => {
  it("prints the nginx welcome page and curl -v's lines", async () => {
    const { env } = setup();
    const r = curl(["-v", "web"], env(inClient));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("<h1>Welcome to nginx!</h1>");
    expect(r.effects?.[0]?.type === "trace" && r.effects[0].trace.verdict).toBe("delivered");
    golden("curl-v-web.golden", `${r.stderr}---\n${r.stdout}`);
  });

  it("resolution failure, refusal and timeout use curl's messages and exit codes", () => {
    const { env } = setup();
    expect(curl(["nope"], env(inClient))).toMatchObject({
      exitCode: 6,
      stderr: "curl: (6) Could not resolve host: nope\n",
    });
    expect(curl(["http://10.96.45.3/"], env(inClient))).toMatchObject({
      exitCode: 7,
      stderr: "curl: (7) Failed to connect to 10.96.45.3 port 80 after 0 ms: Couldn't connect to server\n",
    });
    expect(curl(["-s", "10.96.45.3"], env(inClient))).toMatchObject({ exitCode: 7, stderr: "" });
    expect(curl(["-m", "5", "10.244.9.9"], env(inClient))).toMatchObject({
      exitCode: 28,
      stderr: "curl: (28) Connection timed out after 5001 milliseconds\n",
    });
  });

  it("agnhost netexec: /clientip shows the source after SNAT; /hostname the pod name", () => {
    const { env } = setup();
    const fromNode = curl(["-s", "192.168.1.11:30007/clientip"], env(onNode1));
    expect(fromNode.stdout).toMatch(/^192\.168\.1\.11:\d+$/);
    const fromPod = curl(["-s", "10.244.2.8:8080/clientip"], env(inClient));
    expect(fromPod.stdout).toMatch(/^10\.244\.1\.5:\d+$/);
    expect(curl(["-s", "10.244.2.8:8080/hostname"], env(inClient)).stdout).toBe("echo");
    expect(curl(["-s", "10.244.2.8:8080/echo?msg=hi%20there"], env(inClient)).stdout).toBe("hi there");
    expect(curl(["-s", "-o", "/dev/null", "-w", "%{http_code}", "web/nope"], env(inClient)).stdout).toBe(
      "404",
    );
  });

  it("-I prints nginx's headers", async () => {
    const { env } = setup();
    golden("curl-I-web.golden", curl(["-I", "web"], env(inClient)).stdout);
  });
});

describe("trace", () => {
  it("lists every hop with its rule and cost", async () => {
    const { env } = setup();
    const r = trace(["web"], env(inClient));
    expect(r.exitCode).toBe(0);
    golden("trace-web.golden", r.stdout);
  });

  it("--from external to a NodePort, and -o json is the Trace", () => {
    const { env } = setup();
    const r = trace(["--from", "external", "192.168.1.11:30007", "-o", "json"], env(inClient));
    const t = JSON.parse(r.stdout) as Trace;
    expect(t.source.ip).toBe("203.0.113.10");
    expect(t.verdict).toBe("delivered");
    expect(r.effects).toEqual([{ type: "trace", trace: t }]);
  });
});

describe("conntrack", () => {
  it("-L lists entries as conntrack-tools does, trailer on stderr; -C counts", async () => {
    const { env } = setup();
    curl(["-s", "web"], env(inClient));
    trace(["10.96.0.12"], env(inClient));
    const r = conntrack(["-L"], env(onNode1));
    expect(r.stderr).toBe("conntrack v1.4.7 (conntrack-tools): 3 flow entries have been shown.\n");
    golden("conntrack-L.golden", r.stdout);
    expect(conntrack(["-L", "-p", "udp"], env(onNode1)).stdout.split("\n")[0]).toMatch(
      /^udp {6}17 29 src=10\.244\.1\.5 dst=10\.96\.0\.10 /,
    );
    expect(conntrack(["-C"], env(onNode1)).stdout).toBe("3\n");
  });
});

describe("ip", () => {
  it("addr and route on a node and in a pod", async () => {
    const { env } = setup();
    const text = [
      ip(["addr"], env(onNode1)).stdout,
      ip(["route"], env(onNode1)).stdout,
      ip(["a"], env(inClient)).stdout,
      ip(["r"], env(inClient)).stdout,
    ].join("---\n");
    golden("ip.golden", text);
  });

  it("accepts extra interfaces (kube-ipvs0) and shifts the veth numbers", () => {
    const { env } = setup();
    const cmd = makeIpCommand(
      (_e, _n, i) => `${i}: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default \n`,
    );
    const out = cmd(["addr"], env(onNode1)).stdout;
    expect(out).toContain("4: kube-ipvs0:");
    expect(out).toMatch(/^5: veth/m);
    expect(cmd(["addr"], env(inClient)).stdout).toContain("eth0@if5:");
  });
});
