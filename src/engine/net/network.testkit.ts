/**
 * Test fixtures for the packet pipeline: a two-node cluster written
 * straight into the store, and a small stand-in data plane that NATs the
 * way kube-proxy's iptables mode does. Tests only; the real data planes
 * live in `proxy/`.
 */
import type { EndpointSlice, Node, Pod, Service } from "../api/types";
import { Cluster } from "../cluster";
import type { HookContext, HookResult, MatchedRule, NodeDataPlane } from "../proxy/types";
import type { Hook, Packet } from "./types";

const MASQ = 0x4000;

function meta(name: string, namespace?: string, labels?: Record<string, string>) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(labels ? { labels } : {}),
    uid: `${name}-0000-4000-8000-${"0".repeat(12)}`.replace(/[^a-z0-9-]/g, "0"),
    creationTimestamp: "2026-01-05T09:00:00Z",
    resourceVersion: "",
  };
}

export function addNode(c: Cluster, name: string, ip: string, podCIDR: string): void {
  const node: Node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(name),
    spec: { podCIDR },
    status: {
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
    },
  };
  c.store.put("Node", node);
}

export function addPod(
  c: Cluster,
  name: string,
  node: string,
  ip: string,
  image: string,
  args?: string[],
  labels?: Record<string, string>,
  namespace = "default",
): void {
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: meta(name, namespace, labels),
    spec: { nodeName: node, containers: [{ name: "c", image, ...(args ? { args } : {}) }] },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: "" },
  };
  c.store.put("Pod", pod);
}

export function addService(
  c: Cluster,
  name: string,
  spec: Service["spec"],
  status?: Service["status"],
  namespace = "default",
): void {
  c.store.put("Service", {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta(name, namespace),
    spec,
    ...(status ? { status } : {}),
  });
}

export function addSlice(
  c: Cluster,
  service: string,
  port: number,
  eps: { ip: string; node: string; ready?: boolean; pod?: string }[],
  namespace = "default",
  proto: "TCP" | "UDP" = "TCP",
): void {
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(`${service}-${proto.toLowerCase()}abcd`, namespace, {
      "kubernetes.io/service-name": service,
    }),
    addressType: "IPv4",
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      nodeName: e.node,
      conditions: { ready: e.ready ?? true },
      ...(e.pod ? { targetRef: { kind: "Pod", name: e.pod, namespace } } : {}),
    })),
    ports: [{ port, protocol: proto }],
  };
  c.store.put("EndpointSlice", slice);
}

/**
 * The lesson cluster: node-1 (192.168.1.11, 10.244.1.0/24) and node-2
 * (192.168.1.12, 10.244.2.0/24); a netshoot client and nginx `web-a` on
 * node-1, nginx `web-b` and CoreDNS on node-2; Services for each journey.
 */
export function lessonCluster(seed = 7): Cluster {
  const c = new Cluster(seed);
  addNode(c, "node-1", "192.168.1.11", "10.244.1.0/24");
  addNode(c, "node-2", "192.168.1.12", "10.244.2.0/24");
  addPod(c, "client", "node-1", "10.244.1.5", "nicolaka/netshoot");
  addPod(c, "web-a", "node-1", "10.244.1.6", "nginx", undefined, { app: "web" });
  addPod(c, "web-b", "node-2", "10.244.2.7", "nginx", undefined, { app: "web" });
  addPod(c, "echo", "node-2", "10.244.2.8", "registry.k8s.io/e2e-test-images/agnhost:2.53", [
    "netexec",
    "--http-port=8080",
  ]);
  addPod(
    c,
    "coredns-1",
    "node-2",
    "10.244.2.2",
    "registry.k8s.io/coredns/coredns:v1.12.0",
    undefined,
    { "k8s-app": "kube-dns" },
    "kube-system",
  );
  addService(
    c,
    "kube-dns",
    {
      type: "ClusterIP",
      clusterIP: "10.96.0.10",
      clusterIPs: ["10.96.0.10"],
      selector: { "k8s-app": "kube-dns" },
      ports: [{ name: "dns", port: 53, protocol: "UDP", targetPort: 53 }],
    },
    undefined,
    "kube-system",
  );
  addSlice(c, "kube-dns", 53, [{ ip: "10.244.2.2", node: "node-2", pod: "coredns-1" }], "kube-system", "UDP");
  addService(c, "web", {
    type: "ClusterIP",
    clusterIP: "10.96.0.12",
    clusterIPs: ["10.96.0.12"],
    selector: { app: "web" },
    ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
  });
  addSlice(c, "web", 80, [
    { ip: "10.244.1.6", node: "node-1", pod: "web-a" },
    { ip: "10.244.2.7", node: "node-2", pod: "web-b" },
  ]);
  addService(c, "echo", {
    type: "NodePort",
    clusterIP: "10.96.0.20",
    clusterIPs: ["10.96.0.20"],
    externalTrafficPolicy: "Cluster",
    ports: [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30007 }],
  });
  addSlice(c, "echo", 8080, [{ ip: "10.244.2.8", node: "node-2", pod: "echo" }]);
  addService(c, "echo-local", {
    type: "NodePort",
    clusterIP: "10.96.0.21",
    clusterIPs: ["10.96.0.21"],
    externalTrafficPolicy: "Local",
    ports: [{ port: 80, protocol: "TCP", targetPort: 8080, nodePort: 30008 }],
  });
  addSlice(c, "echo-local", 8080, [{ ip: "10.244.2.8", node: "node-2", pod: "echo" }]);
  addService(c, "empty", {
    type: "ClusterIP",
    clusterIP: "10.96.45.3",
    clusterIPs: ["10.96.45.3"],
    selector: { app: "none" },
    ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
  });
  addService(c, "headless", {
    type: "ClusterIP",
    clusterIP: "None",
    clusterIPs: ["None"],
    selector: { app: "web" },
    ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
  });
  addSlice(c, "headless", 80, [{ ip: "10.244.2.7", node: "node-2", pod: "web-b" }]);
  addService(c, "ext", { type: "ExternalName", externalName: "example.com" });
  addService(
    c,
    "lb",
    {
      type: "LoadBalancer",
      clusterIP: "10.96.0.30",
      clusterIPs: ["10.96.0.30"],
      externalTrafficPolicy: "Cluster",
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }],
    },
    { loadBalancer: { ingress: [{ ip: "192.168.1.240", ipMode: "VIP" }] } },
  );
  addSlice(c, "lb", 80, [{ ip: "10.244.2.7", node: "node-2", pod: "web-b" }]);
  return c;
}

interface Ep {
  ip: string;
  port: number;
  node: string;
}

/**
 * A stand-in for kube-proxy's iptables data plane: DNAT for ClusterIPs,
 * NodePorts and LB IPs, KUBE-MARK-MASQ where kube-proxy marks, REJECT for
 * Services without endpoints, DROP for eTP Local without a local endpoint,
 * ClientIP affinity, MASQUERADE in POSTROUTING. Each Service scanned counts
 * as one rule evaluated.
 */
export function fakeDataPlane(c: Cluster, node: string): NodeDataPlane {
  const affinity = new Map<string, { ep: Ep; at: number }>();
  const endpoints = (svc: Service): Ep[] => {
    const out: Ep[] = [];
    for (const s of c.store.list("EndpointSlice", svc.metadata.namespace)) {
      if (s.metadata.labels?.["kubernetes.io/service-name"] !== svc.metadata.name) continue;
      for (const e of s.endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        out.push({ ip: e.addresses[0] ?? "", port: s.ports?.[0]?.port ?? 0, node: e.nodeName ?? "" });
      }
    }
    return out.sort((a, b) => (`${a.ip}:${a.port}` < `${b.ip}:${b.port}` ? -1 : 1));
  };
  const rule = (chain: string, text: string, action: string, table = "nat"): MatchedRule => ({
    table,
    chain,
    rule: `-A ${chain} ${text} -j ${action}`,
    action,
  });
  const nat = (p: Packet, ctx: HookContext, hook: Hook): HookResult => {
    const res: HookResult = {
      packet: { ...p },
      verdict: "ACCEPT",
      matched: [rule(hook, '-m comment --comment "kubernetes service portals"', "KUBE-SERVICES")],
      rulesEvaluated: 1,
      lookups: 0,
    };
    for (const svc of c.store.list("Service")) {
      res.rulesEvaluated++;
      const spn = `${svc.metadata.namespace}/${svc.metadata.name}`;
      for (const sp of svc.spec?.ports ?? []) {
        if ((sp.protocol ?? "TCP") !== p.proto) continue;
        const toCluster = svc.spec?.clusterIP === p.dst && sp.port === p.dport;
        const toNodePort = ctx.dstIsLocal && sp.nodePort === p.dport;
        const toLb =
          (svc.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === p.dst) && sp.port === p.dport;
        if (!toCluster && !toNodePort && !toLb) continue;
        let eps = endpoints(svc);
        if (eps.length === 0)
          return {
            ...res,
            verdict: "REJECT",
            rejectWith: "icmp-port-unreachable",
            matched: [
              ...res.matched,
              rule(
                "KUBE-SERVICES",
                `-d ${p.dst}/32 -p tcp -m comment --comment "${spn} has no endpoints" -m tcp --dport ${p.dport}`,
                "REJECT",
                "filter",
              ),
            ],
          };
        let masq = toCluster ? !p.src.startsWith("10.244.") : true;
        if (!toCluster && svc.spec?.externalTrafficPolicy === "Local") {
          eps = eps.filter((e) => e.node === node);
          masq = false;
          if (eps.length === 0)
            return {
              ...res,
              verdict: "DROP",
              matched: [
                ...res.matched,
                rule(
                  "KUBE-EXTERNAL-SERVICES",
                  `-p tcp -m comment --comment "${spn} has no local endpoints" -m tcp --dport ${p.dport}`,
                  "DROP",
                  "filter",
                ),
              ],
            };
        }
        const hit = affinity.get(`${spn}|${p.src}`);
        const ep =
          svc.spec?.sessionAffinity === "ClientIP" && hit && ctx.nowMs - hit.at < 10800_000
            ? hit.ep
            : (eps[Math.floor(ctx.random() * eps.length)] ?? eps[0]!);
        affinity.set(`${spn}|${p.src}`, { ep, at: ctx.nowMs });
        if (ep.ip === p.src) masq = true;
        res.matched.push(
          rule(
            "KUBE-SERVICES",
            `-d ${p.dst}/32 -p tcp -m comment --comment "${spn} cluster IP" -m tcp --dport ${p.dport}`,
            "KUBE-SVC-FAKE",
          ),
        );
        if (masq) res.matched.push(rule("KUBE-MARK-MASQ", "", "MARK --or-mark 0x4000"));
        res.matched.push(
          rule(
            "KUBE-SEP-FAKE",
            `-p tcp -m comment --comment "${spn}" -m tcp`,
            `DNAT --to-destination ${ep.ip}:${ep.port}`,
          ),
        );
        res.packet = { ...p, dst: ep.ip, dport: ep.port, mark: masq ? p.mark | MASQ : p.mark };
        res.dnat = { ip: ep.ip, port: ep.port };
        return res;
      }
    }
    return res;
  };
  return {
    mode: "iptables",
    node,
    hook(hook, p, ctx) {
      if (ctx.ctState === "NEW" && (hook === "PREROUTING" || hook === "OUTPUT")) return nat(p, ctx, hook);
      if (hook === "POSTROUTING" && ctx.ctState === "NEW" && p.mark & MASQ) {
        return {
          packet: { ...p, mark: p.mark & ~MASQ },
          verdict: "ACCEPT",
          snat: "MASQUERADE",
          matched: [
            rule(
              "KUBE-POSTROUTING",
              '-m comment --comment "kubernetes service traffic requiring SNAT"',
              "MASQUERADE --random-fully",
            ),
          ],
          rulesEvaluated: 3,
          lookups: 0,
        };
      }
      return { packet: { ...p }, verdict: "ACCEPT", matched: [], rulesEvaluated: 0, lookups: 0 };
    },
    size: () => ({ primary: 0, detail: {} }),
    lastSyncWrites: () => 0,
  };
}
