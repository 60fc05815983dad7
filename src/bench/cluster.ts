/**
 * A big simulated cluster built the way the Simulation builds one: the
 * real ApiServer, controllers, CoreDNS and kube-proxy runtime, fed many
 * Services and the pods behind them.
 */
import { ApiServer } from "../engine/api/apiserver";
import { bootstrapCluster } from "../engine/api/bootstrap";
import type { ManifestDocument } from "../engine/api/contract";
import type { ClusterLimits } from "../engine/api/limits";
import { DEFAULT_LIMITS } from "../engine/api/limits";
import { Cluster, defaultClusterConfig } from "../engine/cluster";
import { installControllers } from "../engine/controllers";
import { buildDnsIndex } from "../engine/dns/dnsIndex";
import { ClusterDns } from "../engine/dns/resolver";
import { Network } from "../engine/net/network";
import { createProxyModes } from "../engine/proxy/modes";
import { ProxyRuntime } from "../engine/proxy/runtime";
import { DEFAULT_EPOCH_MS } from "../engine/util/clock";

/** The benchmark's clusters are far past a Simulation's limits: 100,000 pods, 10,000 Services, 1,001 nodes. */
const BENCH_LIMITS: ClusterLimits = {
  ...DEFAULT_LIMITS,
  pods: 200_000,
  replicas: 200_000,
  nodes: 2_000,
  objectsPerKind: 200_000,
};

/** The parts the benchmarks drive. */
export interface BigCluster {
  cluster: Cluster;
  api: ApiServer;
  dns: ClusterDns;
  proxy: ProxyRuntime;
  net: Network;
}

/** Workers enough for `pods` pods at 100 a node (under the kubelet's maxPods 110), plus one. */
export function nodesFor(pods: number): number {
  return Math.ceil(pods / 100) + 1;
}

/**
 * A cluster with room for 100,000 pods: `nodes` workers, each a /24 podCIDR
 * (254 addresses, over the 110 pods a node takes) carved from a /9 pod
 * subnet clear of the Service range.
 */
export function bootBigCluster(nodes: number, seed = 1): BigCluster {
  const cluster = new Cluster(
    seed,
    { ...defaultClusterConfig(), podSubnet: "10.128.0.0/9" },
    DEFAULT_EPOCH_MS,
    BENCH_LIMITS,
  );
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

/** The i-th Service's name (1-based): `svc-00001`. */
export function serviceName(i: number): string {
  return `svc-${String(i).padStart(5, "0")}`;
}

const AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.53";

function serviceObject(name: string): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }] },
  };
}

function podObject(service: string, j: number): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: `${service}-${j}`, labels: { app: service } },
    spec: {
      containers: [
        {
          name: "web",
          image: AGNHOST,
          args: ["netexec", "--http-port=8080"],
          ports: [{ containerPort: 8080 }],
        },
      ],
    },
  };
}

/**
 * The backends: `podsPerService` plain Pods for each of `services`
 * Services, labelled `app: <service>`, as parsed documents (what
 * `kubectl apply -f` sends after reading the file).
 */
export function backendDocuments(services: number, podsPerService: number): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  const file = "backends.yaml";
  for (let i = 1; i <= services; i++) {
    for (let j = 0; j < podsPerService; j++) {
      docs.push({ object: podObject(serviceName(i), j), source: { file, line: docs.length * 14 + 1 } });
    }
  }
  return docs;
}

/** `services` ClusterIP Services selecting `app: <service>`, as parsed documents. */
export function serviceDocuments(services: number): ManifestDocument[] {
  const docs: ManifestDocument[] = [];
  const file = "services.yaml";
  for (let i = 1; i <= services; i++) {
    docs.push({ object: serviceObject(serviceName(i)), source: { file, line: docs.length * 11 + 1 } });
  }
  return docs;
}

/** The same documents as one YAML file (to time the parser on its own). */
export function bigManifest(services: number, podsPerService: number): string {
  const docs: string[] = [];
  for (let i = 1; i <= services; i++) {
    const name = serviceName(i);
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
    for (let j = 0; j < podsPerService; j++) {
      docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: ${name}-${j}
  labels:
    app: ${name}
spec:
  containers:
  - name: web
    image: ${AGNHOST}
    args: ["netexec", "--http-port=8080"]
    ports:
    - containerPort: 8080
`);
    }
  }
  return docs.join("---\n");
}

export interface ApplyOutcome {
  documents: number;
  applied: number;
  errors: number;
}

/**
 * Documents applied between two reconciles. `kubectl apply -f` sends a
 * file's objects one request at a time while the controllers run beside
 * it; they catch up every BATCH objects here. (One reconcile per document
 * would sync each Service once per pod; one after 110,000 documents keeps
 * every intermediate pod version alive until the end.)
 */
const BATCH = 1_000;

/** Applies documents in batches of BATCH, reconciling after each; stops between batches at the deadline. */
export function applyBatches(
  big: BigCluster,
  docs: readonly ManifestDocument[],
  deadline: () => boolean = () => false,
): ApplyOutcome {
  const out = { documents: docs.length, applied: 0, errors: 0 };
  for (let i = 0; i < docs.length && !deadline(); i += BATCH) {
    const batch = docs.slice(i, i + BATCH);
    out.errors += big.api.applyMany(batch).errors.length;
    out.applied += batch.length;
  }
  return out;
}

/** Phases of one big build, in milliseconds of the caller's clock. */
export interface BigBuild {
  big: BigCluster;
  bootMs: number;
  /** Creating the backends: 100,000 pods applied, scheduled and started. */
  backendsMs: number;
  /** Applying the Services over them: allocation, EndpointSlices, Endpoints. */
  servicesMs: number;
  dnsMs: number;
  backends: ApplyOutcome;
  outcome: ApplyOutcome;
  slices: number;
  endpoints: number;
  records: number;
}

/**
 * The measurement: a cluster whose `services × podsPerService`
 * backend pods run (applied through the API server as a streamed
 * `kubectl apply -f`, scheduled and started by the controllers, timed on
 * their own), then `services` Services applied over them — ClusterIPs,
 * EndpointSlices and Endpoints for every backend — and their DNS records
 * built. `now` is the caller's clock.
 */
export function buildBigCluster(services: number, podsPerService: number, now: () => number): BigBuild {
  const podDocs = backendDocuments(services, podsPerService);
  const svcDocs = serviceDocuments(services);
  const t0 = now();
  const big = bootBigCluster(nodesFor(services * podsPerService));
  const t1 = now();
  const backends = applyBatches(big, podDocs);
  const t2 = now();
  const outcome = applyBatches(big, svcDocs);
  const t3 = now();
  const records = buildDnsIndex(big.cluster).recordCount;
  const t4 = now();
  const slices = big.cluster.store.list("EndpointSlice");
  return {
    big,
    bootMs: t1 - t0,
    backendsMs: t2 - t1,
    servicesMs: t3 - t2,
    dnsMs: t4 - t3,
    backends,
    outcome,
    slices: slices.length,
    endpoints: slices.reduce((n, s) => n + (s.endpoints?.length ?? 0), 0),
    records,
  };
}
