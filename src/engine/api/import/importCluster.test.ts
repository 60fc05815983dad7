import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";
import { formatNote } from "./report";

const KIND_YAML = readFileSync(new URL("../../../../testdata/import/kind.yaml", import.meta.url), "utf8");
const KIND_NFTABLES_YAML = readFileSync(
  new URL("../../../../testdata/import/kind-nftables.yaml", import.meta.url),
  "utf8",
);
const KIND_IPVS_JSON = readFileSync(
  new URL("../../../../testdata/import/kind-ipvs.json", import.meta.url),
  "utf8",
);

async function imported(name: string, text: string) {
  const sim = new Simulation();
  const report = await sim.importCluster({ name, text });
  return { sim, report, notes: report.notes.map(formatNote) };
}

const KIND = await imported("kind.yaml", KIND_YAML);
const KIND_IPVS = await imported("kind-ipvs.json", KIND_IPVS_JSON);

describe("importing kind's dump (kubectl get nodes,pods,services,endpointslices,configmaps -A -o yaml)", () => {
  const { sim, report, notes } = KIND;

  it("imports every object, status and all", () => {
    expect(report.imported).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual([
      { kind: "Node", count: 3 },
      { kind: "Pod", count: 8 },
      { kind: "Service", count: 3 },
      { kind: "ConfigMap", count: 8 },
      { kind: "EndpointSlice", count: 3 },
    ]);
  });

  it("reads the configuration from kubeadm-config, kube-proxy's config.conf and the Corefile, with lines", () => {
    expect(notes).toContain("derived: Kubernetes v1.32.2 (from kubeadm-config)");
    expect(notes).toContain("kind.yaml:1526: derived: service CIDR 10.96.0.0/16 (from kubeadm-config)");
    expect(notes).toContain("kind.yaml:1526: derived: pod CIDR 10.244.0.0/16 (from kubeadm-config)");
    expect(notes).toContain(
      "kind.yaml:1407: derived: kube-proxy in iptables mode (from kube-proxy's config.conf)",
    );
    expect(notes).toContain(
      "kind.yaml:1143: derived: the kubelets' clusterDNS 10.96.0.10 (kube-system/kube-dns's ClusterIP)",
    );
    expect(notes).toContain("assumed: the clock starts at 2026-12-01T09:05:12Z, the newest time in the dump");
    expect(notes.filter((n) => n.startsWith("assumed:")).length).toBeGreaterThanOrEqual(4);
    const lines = KIND_YAML.split("\n");
    expect(lines[1406]).toBe("      apiVersion: kubeproxy.config.k8s.io/v1alpha1");
    expect(lines[1142]).toBe("    clusterIP: 10.96.0.10");
  });

  it("keeps what the real cluster assigned", () => {
    expect(sim.run("kubectl get svc -A").stdout).toBe(
      [
        "NAMESPACE     NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)                  AGE",
        "default       kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP                  5m12s",
        "default       web          NodePort    10.96.184.22   <none>        80:30080/TCP             0s",
        "kube-system   kube-dns     ClusterIP   10.96.0.10     <none>        53/UDP,53/TCP,9153/TCP   5m12s",
        "",
      ].join("\n"),
    );
    const pods = sim.run("kubectl get pods -n default -o wide").stdout;
    expect(pods).toContain(
      "web-7c5ddbdf54-2xkqp   1/1     Running   0          4m32s   10.244.1.2   kind-worker ",
    );
    expect(pods).toContain(
      "web-7c5ddbdf54-tq6fz   0/1     Running   0          4m32s   10.244.2.3   kind-worker2",
    );
    const nodes = sim.run("kubectl get nodes -o yaml").stdout;
    expect(nodes.match(/podCIDR: .*/g)).toEqual([
      "podCIDR: 10.244.0.0/24",
      "podCIDR: 10.244.1.0/24",
      "podCIDR: 10.244.2.0/24",
    ]);
    expect(sim.run("kubectl get endpointslices -n default").stdout).toContain(
      "web-k7h2m    IPv4          80      10.244.1.2,10.244.2.2,10.244.2.3   4m32s",
    );
  });

  it("programs kube-proxy from its ConfigMap: masqueradeBit null is kube-proxy's 14", () => {
    const nat = sim.run("iptables-save -t nat").stdout;
    expect(nat).toContain("-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000");
    expect(nat).toContain(
      '-A KUBE-SVC-CDGGSHYLG3RE2FKL ! -s 10.244.0.0/16 -d 10.96.184.22/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ',
    );
  });

  it("traces a packet to a ready backend only", () => {
    const backends = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const t = sim.send({
        from: { type: "pod", namespace: "default", name: "web-7c5ddbdf54-2xkqp" },
        target: "web",
        port: 80,
      });
      expect(t.verdict).toBe("delivered");
      backends.add(t.backend?.ip ?? "");
    }
    expect([...backends].sort()).toEqual(["10.244.1.2", "10.244.2.2"]);
  });
});

describe("importing a JSON dump in IPVS mode, without kubeadm-config", () => {
  const { sim, report, notes } = KIND_IPVS;

  it("accepts managedFields and infers what kubeadm-config would have said", () => {
    expect(report.errors).toEqual([]);
    expect(KIND_IPVS_JSON).toContain('"managedFields"');
    expect(notes).toContain("derived: Kubernetes v1.32.2 (from the nodes' kubelet version)");
    expect(notes).toContain(
      "assumed: service CIDR 10.96.0.0/12: inferred from the default/kubernetes Service's ClusterIP (the range's first address); the dump does not say its prefix length",
    );
    expect(notes).toContain("derived: pod CIDR 10.244.0.0/16: inferred from kube-proxy's clusterCIDR");
    expect(notes).toContain(
      "kind-ipvs.json:2383: derived: cluster domain cluster.local (from the coredns ConfigMap's Corefile)",
    );
  });

  it("programs IPVS with the dump's endpoints", () => {
    const out = sim.run("ipvsadm -Ln -t 10.96.184.22:80").stdout;
    expect(out).toContain("TCP  10.96.184.22:80 rr");
    expect(out).toContain("  -> 10.244.1.2:80                Masq    1      0          0         \n");
    expect(out).toContain("  -> 10.244.2.2:80                Masq    1      0          0         \n");
    expect(out).not.toContain("10.244.2.3");
  });
});

describe("kube-proxy's configuration where EKS keeps it", () => {
  it("reads kube-proxy-config's config when the kube-proxy ConfigMap holds only the kubeconfig", async () => {
    // EKS: kube-proxy mounts kube-proxy-config (key `config`); its kube-proxy ConfigMap has the kubeconfig.
    const dump = JSON.parse(KIND_IPVS_JSON) as {
      items: {
        kind: string;
        metadata: { name: string; uid: string } & Record<string, unknown>;
        data?: Record<string, string>;
      }[];
    };
    const cm = dump.items.find((i) => i.kind === "ConfigMap" && i.metadata.name === "kube-proxy")!;
    const config = cm.data!["config.conf"]!;
    cm.data = { kubeconfig: cm.data!["kubeconfig.conf"]! };
    dump.items.push({
      ...cm,
      metadata: { ...cm.metadata, name: "kube-proxy-config", uid: "9a0c3e55-8a4f-4a5e-9d43-2f6f0c4b1e21" },
      data: { config },
    });
    const { sim, report, notes } = await imported("eks.json", JSON.stringify(dump, null, 4));
    expect(report.errors).toEqual([]);
    expect(notes.filter((n) => n.includes("kube-proxy in"))).toEqual([
      expect.stringMatching(
        /^eks\.json:\d+: derived: kube-proxy in ipvs mode \(from kube-proxy-config's config\)$/,
      ),
    ]);
    expect(sim.run("ipvsadm -Ln -t 10.96.184.22:80").stdout).toContain("TCP  10.96.184.22:80 rr");
  });
});

describe("importing a YAML dump in nftables mode", () => {
  it("programs nftables with kube-proxy's settings and the dump's addresses", async () => {
    const { sim, report, notes } = await imported("kind-nftables.yaml", KIND_NFTABLES_YAML);
    expect(report.errors).toEqual([]);
    expect(
      notes.some((n) => n.endsWith("derived: kube-proxy in nftables mode (from kube-proxy's config.conf)")),
    ).toBe(true);
    const rules = sim.run("nft list ruleset").stdout;
    expect(rules).toContain("10.96.184.22 . tcp . 80 : goto service-SUSTUHLJ-default/web/tcp/http");
    expect(rules).toContain("ip daddr 10.96.0.1 ip saddr != 10.244.0.0/16 jump mark-for-masquerade");
    expect(rules).toContain("meta mark set meta mark | 0x00004000");
  });
});

describe("adoption after an import", () => {
  it("keeps the dump's slices until a pod they depend on changes, then the controller takes over", async () => {
    const { sim } = await imported("kind.yaml", KIND_YAML);
    const before = sim.run("kubectl get endpointslices web-k7h2m -o yaml").stdout;
    expect(before).toContain("uid: ");
    expect(before).toContain('endpoints.kubernetes.io/last-change-trigger-time: "2026-12-01T09:00:40Z"');
    sim.run("kubectl delete pod web-7c5ddbdf54-9vbwn --wait=false");
    sim.advanceClock(31_000);
    const slices = sim.run("kubectl get endpointslices -n default -l kubernetes.io/service-name=web").stdout;
    expect(slices).toContain("10.244.1.2,10.244.2.3");
    expect(slices).not.toContain("10.244.2.2");
  });
});

const NODE = (name: string, extra = "") => `apiVersion: v1
kind: Node
metadata:
  creationTimestamp: "2026-12-01T09:00:00Z"
  name: ${name}
  resourceVersion: "1"
  uid: ${name}-uid
spec:
  podCIDR: 10.244.0.0/24
status:
  addresses:
  - address: 172.18.0.2
    type: InternalIP
${extra}`;

describe("what an import refuses, ignores and finds inconsistent", () => {
  it("refuses an object that does not decode, pointing at its field's line, and imports the rest", async () => {
    const text = `${NODE("n1")}---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  clusterIP: 10.96.0.20
  ports:
  - port: eighty
`;
    const { sim, report } = await imported("bad.yaml", text);
    expect(report.imported).toBe(true);
    expect(report.errors).toEqual([
      {
        reason: "BadRequest",
        message:
          'Error from server (BadRequest): error when creating "bad.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
        source: { file: "bad.yaml", line: 23, column: 5 },
      },
    ]);
    expect(sim.run("kubectl get nodes -o name").stdout).toBe("node/n1\n");
  });

  it("lists kinds it does not model, and an EndpointSlice naming a pod that is not in the dump", async () => {
    const text = `${NODE("n1")}---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-proxy
  namespace: kube-system
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: web-abcde
  namespace: default
  labels:
    kubernetes.io/service-name: web
addressType: IPv4
endpoints:
- addresses:
  - 10.244.0.9
  targetRef:
    kind: Pod
    name: gone
    namespace: default
`;
    const { notes } = await imported("odd.yaml", text);
    expect(notes).toContain("ignored: 1 DaemonSet (apps/v1): a kind Packetwalk does not model");
    expect(notes).toContain(
      "odd.yaml:21: inconsistent: EndpointSlice default/web-abcde lists pod default/gone, which is not in the dump",
    );
  });

  it("refuses objects past Packetwalk's limits, and a second object of the same name", async () => {
    const nodes = Array.from({ length: 101 }, (_, i) => NODE(`n${i}`)).join("---\n");
    const { report } = await imported("big.yaml", `${nodes}---\n${NODE("n0")}`);
    expect(report.counts).toEqual([{ kind: "Node", count: 100 }]);
    expect(report.errors.map((e) => `${e.source?.line}: ${e.message}`)).toEqual([
      `1401: Error from server (Forbidden): error when creating "big.yaml": nodes "n100" is forbidden: the cluster already has 100 nodes, as many as it may hold (Packetwalk's limit; see docs/emulation.md)`,
      `1415: Error from server (Forbidden): error when creating "big.yaml": nodes "n0" is forbidden: the cluster already has 100 nodes, as many as it may hold (Packetwalk's limit; see docs/emulation.md)`,
    ]);
    const { report: twice } = await imported("twice.yaml", `${NODE("n0")}---\n${NODE("n0")}`);
    expect(twice.errors.map((e) => `${e.source?.line}: ${e.message}`)).toEqual([
      '19: Error from server (AlreadyExists): error when creating "twice.yaml": nodes "n0" already exists',
    ]);
  });

  it("changes nothing when the text cannot be read", async () => {
    const sim = new Simulation();
    const before = sim.run("kubectl get nodes").stdout;
    const report = await sim.importCluster({ name: "broken.yaml", text: "items:\n- a: [\n" });
    expect(report.imported).toBe(false);
    expect(report.errors[0]?.source?.file).toBe("broken.yaml");
    expect(sim.run("kubectl get nodes").stdout).toBe(before);
  });
});
