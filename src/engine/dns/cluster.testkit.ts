/**
 * Builders for DNS tests: put Services, EndpointSlices and Pods straight
 * into a cluster's store, as the API server and controllers would have.
 */
import type { Api } from "../api/contract";
import { newObjectMeta } from "../api/meta.testkit";
import type { EndpointSlice, Pod, Service } from "../api/types";
import { Cluster, defaultClusterConfig } from "../cluster";
import type { Net } from "../net/contract";
import type { CommandEnv, ShellContext } from "../shell/types";
import type { Dns } from "./contract";
import { dashedIP } from "./names";

export function testCluster(
  seed = 1,
  overrides: Partial<ReturnType<typeof defaultClusterConfig>> = {},
): Cluster {
  return new Cluster(seed, { ...defaultClusterConfig(), ...overrides });
}

export interface PortSpec {
  name?: string;
  port: number;
  protocol?: "TCP" | "UDP" | "SCTP";
  targetPort?: number;
}

export function addService(
  cluster: Cluster,
  name: string,
  spec: {
    namespace?: string;
    clusterIP?: string;
    type?: "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";
    ports?: PortSpec[];
    externalName?: string;
  },
): Service {
  const namespace = spec.namespace ?? "default";
  const svc: Service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: newObjectMeta(cluster, { name, namespace }),
    spec: {
      type: spec.type ?? "ClusterIP",
      ...(spec.clusterIP !== undefined ? { clusterIP: spec.clusterIP, clusterIPs: [spec.clusterIP] } : {}),
      ...(spec.externalName ? { externalName: spec.externalName } : {}),
      ports: (spec.ports ?? []).map((p) => ({ ...p, protocol: p.protocol ?? "TCP" })),
    },
  };
  return cluster.store.put("Service", svc);
}

export interface EndpointSpec {
  ip: string;
  ready?: boolean;
  hostname?: string;
  pod?: string;
}

export function addSlice(
  cluster: Cluster,
  service: string,
  endpoints: EndpointSpec[],
  ports: PortSpec[],
  namespace = "default",
  suffix = "abcde",
): EndpointSlice {
  const slice: EndpointSlice = {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: newObjectMeta(cluster, {
      name: `${service}-${suffix}`,
      namespace,
      labels: { "kubernetes.io/service-name": service },
    }),
    addressType: "IPv4",
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: e.ready === undefined ? {} : { ready: e.ready },
      ...(e.hostname ? { hostname: e.hostname } : {}),
      targetRef: { kind: "Pod", namespace, name: e.pod ?? `pod-${dashedIP(e.ip)}` },
    })),
    ports: ports.map((p) => ({
      name: p.name ?? "",
      port: p.targetPort ?? p.port,
      protocol: p.protocol ?? "TCP",
    })),
  };
  return cluster.store.put("EndpointSlice", slice);
}

export function addPod(
  cluster: Cluster,
  name: string,
  ip: string,
  spec: Partial<NonNullable<Pod["spec"]>> = {},
  namespace = "default",
): Pod {
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: newObjectMeta(cluster, { name, namespace }),
    spec: { containers: [{ name: "main", image: "nicolaka/netshoot" }], nodeName: "node-1", ...spec },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }] },
  };
  return cluster.store.put("Pod", pod);
}

/** A CommandEnv for DNS commands (no API server or packet pipeline). */
export function testEnv(cluster: Cluster, dns: Dns, context: ShellContext): CommandEnv {
  return {
    cluster,
    dns,
    context,
    assets: () => undefined,
    api: {} as unknown as Api,
    net: {} as unknown as Net,
    stdin: "",
    files: new Map(),
  };
}

export function podContext(pod: string, namespace = "default"): ShellContext {
  return { type: "pod", namespace, pod, container: "main", shell: "bash" };
}

/**
 * A small cluster with every kind of DNS name: ClusterIP Services in two
 * namespaces, a headless Service with three ready endpoints and one not
 * ready, a StatefulSet-style headless Service with hostnames, an
 * ExternalName Service and kube-dns.
 */
export function dnsScenario(seed = 7): Cluster {
  const c = testCluster(seed);
  c.clock.set(Date.UTC(2026, 0, 5, 9, 0, 0));
  addService(c, "kube-dns", {
    namespace: "kube-system",
    clusterIP: "10.96.0.10",
    ports: [
      { name: "dns", port: 53, protocol: "UDP" },
      { name: "dns-tcp", port: 53 },
      { name: "metrics", port: 9153 },
    ],
  });
  addService(c, "web", { clusterIP: "10.96.0.12", ports: [{ name: "http", port: 80, targetPort: 8080 }] });
  addSlice(
    c,
    "web",
    [{ ip: "10.244.1.5" }, { ip: "10.244.2.7" }],
    [{ name: "http", port: 80, targetPort: 8080 }],
  );
  addService(c, "web", {
    namespace: "shop",
    clusterIP: "10.96.0.20",
    ports: [{ name: "http", port: 80 }, { port: 9090 }],
  });
  addService(c, "headless", { clusterIP: "None", ports: [{ name: "http", port: 80, targetPort: 8080 }] });
  addSlice(
    c,
    "headless",
    [
      { ip: "10.244.1.5" },
      { ip: "10.244.2.7", ready: true },
      { ip: "10.244.2.8" },
      { ip: "10.244.3.9", ready: false },
    ],
    [{ name: "http", port: 80, targetPort: 8080 }],
  );
  addService(c, "nginx", { clusterIP: "None", ports: [{ name: "web", port: 80 }] });
  addSlice(
    c,
    "nginx",
    [
      { ip: "10.244.1.10", hostname: "web-0" },
      { ip: "10.244.2.11", hostname: "web-1" },
    ],
    [{ name: "web", port: 80 }],
  );
  addService(c, "empty", { clusterIP: "None", ports: [{ port: 80 }] });
  addSlice(c, "empty", [{ ip: "10.244.3.12", ready: false }], [{ port: 80 }]);
  addService(c, "ext-service", { type: "ExternalName", externalName: "google.com" });
  addPod(c, "client", "10.244.1.20");
  addPod(c, "web-0", "10.244.1.10", { hostname: "web-0", subdomain: "nginx" });
  addPod(c, "client", "10.244.2.21", {}, "shop");
  return c;
}
