/** Synthetic topology views for tests: N nodes, M pods spread round-robin, one Service over them. */
import { PLAIN_STAGES, type PlainStage, type Trace, type TraceHop } from "../../../engine/net/types";
import type { PodView, TopologyView } from "../../../engine/view/topology";

export function syntheticView(
  nodes: number,
  pods: number,
  mode: TopologyView["proxyMode"] = "iptables",
): TopologyView {
  const nodeNames = Array.from({ length: nodes }, (_, i) => (i === 0 ? "control-plane" : `worker-${i}`));
  const podList: PodView[] = Array.from({ length: pods }, (_, i) => {
    const n = i % nodes;
    return {
      namespace: "default",
      name: `web-7d4b9c8f5d-${String(i).padStart(5, "0")}`,
      node: nodeNames[n]!,
      ip: `10.244.${n}.${Math.floor(i / nodes) + 2}`,
      labels: { app: "web" },
      ready: i % 7 !== 3,
      status: "Running",
      image: "nginx",
    };
  });
  podList.push({
    namespace: "kube-system",
    name: "coredns-5d78c9869d-abcde",
    node: nodeNames[0]!,
    ip: "10.244.0.250",
    labels: { "k8s-app": "kube-dns" },
    ready: true,
    status: "Running",
    image: "registry.k8s.io/coredns/coredns:v1.11.3",
  });
  return {
    revision: 1,
    proxyMode: mode,
    ipvsScheduler: "rr",
    kubernetesVersion: "v1.33.0",
    serviceSubnet: "10.96.0.0/12",
    podSubnet: "10.244.0.0/16",
    nodes: nodeNames.map((name, i) => ({
      name,
      roles: i === 0 ? ["control-plane"] : [],
      internalIP: `192.168.1.${10 + i}`,
      podCIDR: `10.244.${i}.0/24`,
      ready: true,
      schedulable: true,
      dataPlane: { primary: 40 + pods, detail: {} },
    })),
    pods: podList,
    services: [
      {
        namespace: "default",
        name: "web",
        type: "NodePort",
        clusterIP: "10.96.0.12",
        headless: false,
        loadBalancerIPs: [],
        externalIPs: [],
        ports: [{ name: "", port: 80, protocol: "TCP", targetPort: "80", nodePort: 30007 }],
        selector: { app: "web" },
        endpoints: podList
          .filter((p) => p.labels.app === "web")
          .map((p) => ({
            pod: `${p.namespace}/${p.name}`,
            ip: p.ip!,
            ready: p.ready,
            serving: p.ready,
            terminating: false,
            node: p.node!,
          })),
        sessionAffinity: "None",
      },
      {
        namespace: "kube-system",
        name: "kube-dns",
        type: "ClusterIP",
        clusterIP: "10.96.0.10",
        headless: false,
        loadBalancerIPs: [],
        externalIPs: [],
        ports: [{ name: "dns", port: 53, protocol: "UDP", targetPort: "53" }],
        selector: { "k8s-app": "kube-dns" },
        endpoints: [
          {
            pod: "kube-system/coredns-5d78c9869d-abcde",
            ip: "10.244.0.250",
            ready: true,
            serving: true,
            terminating: false,
          },
        ],
        sessionAffinity: "None",
      },
    ],
  };
}

const packet = {
  proto: "TCP" as const,
  src: "10.244.1.2",
  sport: 40000,
  dst: "10.96.0.12",
  dport: 80,
  mark: 0,
  bytes: 74,
};

function hop(
  direction: TraceHop["direction"],
  place: TraceHop["place"],
  stage: string,
  extra: Partial<TraceHop> = {},
): TraceHop {
  const kind = (PLAIN_STAGES as readonly string[]).includes(stage) ? (stage as PlainStage) : "hook";
  return { direction, place, kind, stage, packet, cost: { rulesEvaluated: 0, lookups: 0 }, ...extra };
}

/** A pod → Service → pod on another node journey, request and reply, the way `net/` records one. */
export function syntheticTrace(view: TopologyView, from: number, to: number): Trace {
  const src = view.pods[from]!;
  const dst = view.pods[to]!;
  const podPlace = (p: PodView) => ({ node: p.node, pod: p.name, namespace: p.namespace, interface: "eth0" });
  const hops: TraceHop[] = [
    hop("request", podPlace(src), "send"),
    hop("request", { node: src.node, interface: "veth1" }, "nat PREROUTING → KUBE-SERVICES", {
      rule: `-A KUBE-SEP-X -p tcp -m tcp -j DNAT --to-destination ${dst.ip}:80`,
      detail: ["-A KUBE-SERVICES -d 10.96.0.12/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-X"],
      rewrite: {
        type: "DNAT",
        field: "dst",
        before: { ip: "10.96.0.12", port: 80 },
        after: { ip: dst.ip!, port: 80 },
      },
      cost: { rulesEvaluated: 12, lookups: 0 },
    }),
    hop("request", { node: src.node, interface: "eth0" }, "route"),
    hop("request", { node: src.node, interface: "eth0" }, "wire"),
    hop("request", { node: dst.node, interface: "eth0" }, "filter FORWARD"),
    hop("request", podPlace(dst), "deliver"),
    hop("reply", podPlace(dst), "send"),
    hop("reply", { node: dst.node, interface: "eth0" }, "wire"),
    hop("reply", { node: src.node, interface: "eth0" }, "conntrack", {
      rewrite: {
        type: "un-DNAT",
        field: "src",
        before: { ip: dst.ip!, port: 80 },
        after: { ip: "10.96.0.12", port: 80 },
      },
    }),
    hop("reply", podPlace(src), "deliver"),
  ];
  return {
    version: 2,
    mode: view.proxyMode,
    source: { ...podPlace(src), ip: src.ip! },
    target: "web",
    hops,
    verdict: "delivered",
    backend: { namespace: dst.namespace, pod: dst.name, ip: dst.ip!, port: 80, node: dst.node! },
    cost: { rulesEvaluated: 12, lookups: 0 },
  };
}
