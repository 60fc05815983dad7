/**
 * The import report of the kubeadm and EKS dumps (kubectl's own output: src/testing/dumps), word
 * for word: what was read and from where (each line checked against the file), what was inferred
 * and from what, what was assumed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Simulation } from "../../simulation";
import { formatNote } from "./report";

async function report(file: string) {
  const text = readFileSync(`testdata/import/${file}`, "utf8");
  const sim = new Simulation();
  const r = await sim.importCluster({ name: file, text });
  const line = (n: number) => text.split("\n")[n - 1] ?? "";
  return { sim, r, notes: r.notes.map(formatNote), line };
}

const STATED = [
  "assumed: CoreDNS forwards names outside the cluster to /etc/resolv.conf; Packetwalk answers them from its own small internet (see docs/emulation.md)",
  "assumed: NodePorts range 30000-32767 (the API server's default) unless kubeadm-config sets --service-node-port-range",
  "assumed: pod-to-pod traffic between nodes is routed straight to the node holding the pod (the CNI's routing and encapsulation are not in a dump)",
  "assumed: LoadBalancer Services keep the ingress IPs the dump gives; the cloud's load balancer in front of them is not modelled",
];

describe("the kubeadm dump's report", () => {
  it("reads kubeadm-config, kube-proxy's config.conf and kube-dns, and says so with their lines", async () => {
    const { r, notes, line, sim } = await report("kubeadm.yaml");
    expect(r.counts).toEqual([
      { kind: "Node", count: 3 },
      { kind: "Pod", count: 19 },
      { kind: "Service", count: 5 },
      { kind: "ConfigMap", count: 14 },
      { kind: "EndpointSlice", count: 5 },
    ]);
    expect(notes).toEqual([
      "derived: Kubernetes v1.32.3 (from kubeadm-config)",
      "kubeadm.yaml:3693: derived: service CIDR 10.112.0.0/16 (from kubeadm-config)",
      "kubeadm.yaml:3693: derived: pod CIDR 10.32.0.0/16 (from kubeadm-config)",
      "kubeadm.yaml:3693: derived: cluster domain corp.internal (from kubeadm-config)",
      STATED[0],
      "kubeadm.yaml:2895: derived: the kubelets' clusterDNS 10.112.0.10 (kube-system/kube-dns's ClusterIP)",
      "kubeadm.yaml:3559: derived: kube-proxy in ipvs mode (from kube-proxy's config.conf)",
      ...STATED.slice(1),
      "assumed: the clock starts at 2026-12-01T10:15:42Z, the newest time in the dump",
      "assumed: containers of images Packetwalk does not model (redis:7.4.1, registry.example.internal/payments:2.4.1) listen on the containerPorts they declare (a real process listens where it listens, declared or not)",
    ]);
    expect(line(3692)).toBe("    ClusterConfiguration: |");
    expect(line(3693)).toBe("      apiServer: {}");
    expect(line(3559)).toBe("      apiVersion: kubeproxy.config.k8s.io/v1alpha1");
    expect(line(2895)).toBe("    clusterIP: 10.112.0.10");
    // The clock is the kubelets' last heartbeat: pods made ten minutes before read 10m.
    expect(line(54)).toBe('    - lastHeartbeatTime: "2026-12-01T10:15:42Z"');
    expect(sim.run("kubectl get pods -n shop -l app=payments").stdout).toContain(
      "0/1     Running   0          10m\n",
    );
  });
});

describe("the EKS dump's report", () => {
  it("infers the service range from EKS's defaults and reads kube-proxy-config's config", async () => {
    const { r, notes, line } = await report("eks.json");
    expect(r.counts).toEqual([
      { kind: "Node", count: 3 },
      { kind: "Pod", count: 11 },
      { kind: "Service", count: 3 },
      { kind: "ConfigMap", count: 10 },
      { kind: "EndpointSlice", count: 3 },
    ]);
    expect(notes).toEqual([
      "derived: Kubernetes v1.31.4 (from the nodes' kubelet version)",
      "assumed: service CIDR 10.100.0.0/16: EKS's default range that holds the default/kubernetes Service's ClusterIP (the nodes' kubelets are EKS's); the dump does not say the range",
      "assumed: pod CIDR 192.168.0.0/16: inferred from the pods' IPs (no node has a podCIDR)",
      "eks.json:6910: derived: cluster domain cluster.local (from the coredns ConfigMap's Corefile)",
      STATED[0],
      "eks.json:6240: derived: the kubelets' clusterDNS 10.100.0.10 (kube-system/kube-dns's ClusterIP)",
      "eks.json:6988: derived: kube-proxy in iptables mode (from kube-proxy-config's config)",
      "eks.json:6988: derived: kube-proxy's clusterCIDR is empty (kube-proxy-config's config): it cannot tell pod traffic from other traffic, so it masquerades no traffic to a ClusterIP",
      ...STATED.slice(1),
      "assumed: the clock starts at 2026-12-01T09:58:03Z, the newest time in the dump",
      "assumed: containers of images Packetwalk does not model (123456789012.dkr.ecr.us-west-2.amazonaws.com/shop/frontend:v3.2.0, 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0-eksbuild.1) listen on the containerPorts they declare (a real process listens where it listens, declared or not)",
    ]);
    expect(line(6910)).toMatch(/^ {16}"Corefile": "\.:53 \{\\n/);
    expect(line(6240)).toBe('                "clusterIP": "10.100.0.10",');
    expect(line(6988)).toMatch(/^ {16}"config": "kind: KubeProxyConfiguration\\napiVersion: /);
  });

  it("a Service made after the import must take its ClusterIP from EKS's /16", async () => {
    const { sim } = await report("eks.yaml");
    const svc = (ip: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${ip.replace(/\./g, "-")}\nspec:\n  clusterIP: ${ip}\n  ports:\n  - port: 80\n`;
    expect(sim.apply([{ name: "in.yaml", text: svc("10.100.200.5") }]).errors).toEqual([]);
    const [refused] = sim.apply([{ name: "out.yaml", text: svc("10.101.0.5") }]).errors;
    expect(refused?.message).toContain(
      "the provided IP (10.101.0.5) is not in the valid range. The range of valid IPs is 10.100.0.0/16",
    );
  });
});
