/**
 * A big simulated cluster built the way the Simulation builds one: the
 * real ApiServer, controllers, CoreDNS and kube-proxy runtime, fed one
 * large manifest of Deployments and Services.
 */
import { ApiServer } from "../engine/api/apiserver";
import { bootstrapCluster } from "../engine/api/bootstrap";
import { parseManifests } from "../engine/api/manifest";
import { Cluster, defaultClusterConfig } from "../engine/cluster";
import { installControllers } from "../engine/controllers";
import { ClusterDns } from "../engine/dns/resolver";
import { Network } from "../engine/net/network";
import { createProxyModes } from "../engine/proxy/modes";
import { ProxyRuntime } from "../engine/proxy/runtime";

/** The parts the benchmarks drive. */
export interface BigCluster {
  cluster: Cluster;
  api: ApiServer;
  dns: ClusterDns;
  proxy: ProxyRuntime;
  net: Network;
}

/**
 * A cluster with room for 100,000 pods: `nodes` workers (110 pods each, a /24
 * each) in a /9 pod subnet clear of the Service range.
 */
export function bootBigCluster(nodes: number, seed = 1): BigCluster {
  const cluster = new Cluster(seed, { ...defaultClusterConfig(), podSubnet: "10.128.0.0/9" });
  const api = new ApiServer(cluster);
  installControllers(cluster);
  const nodeDocs = Array.from({ length: nodes }, (_, i) => ({
    metadata: { name: `worker-${String(i).padStart(4, "0")}` },
    status: {
      addresses: [
        { type: "InternalIP", address: `172.${16 + (i >> 16)}.${(i >> 8) & 255}.${(i & 255) + 2}` },
      ],
    },
  }));
  bootstrapCluster(cluster, api, { nodes: nodeDocs });
  const dns = new ClusterDns(cluster);
  const proxy = new ProxyRuntime(cluster, createProxyModes());
  const net = new Network(cluster, dns, (node) => proxy.dataPlaneFor(node));
  return { cluster, api, dns, proxy, net };
}

/** `services` Deployments of `replicas` agnhost pods, each behind a ClusterIP Service. */
export function bigManifest(services: number, replicas: number): string {
  const docs: string[] = [];
  for (let i = 1; i <= services; i++) {
    const name = `svc-${String(i).padStart(5, "0")}`;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: web
        image: registry.k8s.io/e2e-test-images/agnhost:2.53
        args: ["netexec", "--http-port=8080"]
        ports:
        - containerPort: 8080
`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 8080
`);
  }
  return docs.join("---\n");
}

export interface ApplyOutcome {
  documents: number;
  applied: number;
  errors: number;
}

/**
 * Parses and applies a manifest document by document, as `kubectl apply -f`
 * does, stopping once `deadline()` says time is up.
 */
export function applyManifest(
  big: BigCluster,
  text: string,
  deadline: () => boolean = () => false,
): ApplyOutcome {
  const parsed = parseManifests(text, "big.yaml");
  const out = { documents: parsed.documents.length, applied: 0, errors: parsed.errors.length };
  for (const doc of parsed.documents) {
    if (deadline()) break;
    try {
      big.api.apply(doc);
    } catch {
      out.errors++;
    }
    out.applied++;
  }
  return out;
}
