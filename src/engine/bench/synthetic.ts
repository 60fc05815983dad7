/**
 * A synthetic cluster for the lookup-cost experiment: plain Service,
 * EndpointSlice and Node objects, as kube-proxy would receive them from
 * its watches — no API server, no controllers, so 10,000 Services × 10
 * endpoints build in milliseconds.
 */
import type { ProxyMode } from "../api/configTypes";
import { ipToNumber, numberToIp } from "../api/ipv4";
import type { EndpointSlice, Node, ObjectMeta, Service } from "../api/types";
import { defaultClusterConfig } from "../cluster";
import type { ProxyInput } from "../proxy/types";

/** The synthetic cluster's nodes (kind's names), each with an InternalIP. */
export const SYNTHETIC_NODES = [
  { name: "bench-control-plane", ip: "172.18.0.2" },
  { name: "bench-worker", ip: "172.18.0.3" },
  { name: "bench-worker2", ip: "172.18.0.4" },
] as const;

/** The node whose data plane the experiment measures (the client pod runs there). */
export const MEASURED_NODE = SYNTHETIC_NODES[1].name;

/**
 * Each node's pod range: a /18 of 10.244.0.0/16.
 * NOTE: kubeadm's default node-cidr-mask-size is /24 (254 pods a node); a
 * /18 gives the three nodes room for 49,152 pod IPs between them.
 */
const NODE_POD_BITS = 14;
/** Offsets below this in each node's range are kept off endpoints: .1 cni0, .2 the client pod, .3 a scale-up. */
const FIRST_ENDPOINT_OFFSET = 16;
const PODS_PER_NODE = (1 << NODE_POD_BITS) - FIRST_ENDPOINT_OFFSET;
/** 10.244.0.0 as an integer. */
const POD_BASE = (10 << 24) | (244 << 16);
/** 10.96.0.0; Services start at 10.96.1.0, clear of `kubernetes` (.1) and `kube-dns` (.10). */
const SERVICE_BASE = ((10 << 24) | (96 << 16)) + 256;
/** Addresses in 10.96.0.0/12 above the start. */
const SERVICE_ROOM = (1 << 20) - 256;

/** The new pod of a scale-up: offset 3 on the last node, never an existing endpoint. */
const SCALED_UP_POD = {
  ip: numberToIp(POD_BASE + (2 << NODE_POD_BITS) + 3),
  node: SYNTHETIC_NODES[2].name,
};

/** The node whose pod range holds `ip`, if any. */
export function nodeOfPodIP(ip: string): string | undefined {
  const n = ipToNumber(ip);
  if (n === undefined || n >>> 16 !== POD_BASE >>> 16) return undefined;
  return SYNTHETIC_NODES[(n & 0xffff) >> NODE_POD_BITS]?.name;
}

/** The client pod's address: offset 2 in the measured node's pod range. */
export const CLIENT_POD_IP = numberToIp(POD_BASE + (1 << NODE_POD_BITS) + 2);

/** `svc-00001` … (five digits, wider past 99,999). */
export function syntheticServiceName(i: number): string {
  return `svc-${String(i + 1).padStart(5, "0")}`;
}

/** The ClusterIP of the `i`-th synthetic Service (0-based). */
export function syntheticClusterIP(i: number): string {
  if (i >= SERVICE_ROOM) throw new RangeError(`at most ${SERVICE_ROOM} Services fit in 10.96.0.0/12`);
  return numberToIp(SERVICE_BASE + i);
}

/**
 * The pod IP and node of the `k`-th endpoint overall, spread round-robin
 * over the nodes.
 * NOTE: past 49,152 endpoints pods are reused, as if one pod backed several
 * Services; kube-proxy's rules per endpoint are the same either way.
 */
function endpointPod(k: number): { ip: string; node: string } {
  const nodeIndex = k % SYNTHETIC_NODES.length;
  const offset = FIRST_ENDPOINT_OFFSET + (Math.floor(k / SYNTHETIC_NODES.length) % PODS_PER_NODE);
  return {
    ip: numberToIp(POD_BASE + (nodeIndex << NODE_POD_BITS) + offset),
    node: SYNTHETIC_NODES[nodeIndex]!.name,
  };
}

function meta(name: string, namespace?: string, labels?: Record<string, string>): ObjectMeta {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(labels ? { labels } : {}),
    uid: `bench-${namespace ?? "cluster"}-${name}`,
    creationTimestamp: "2026-01-05T09:00:00Z",
    resourceVersion: "1",
  };
}

function syntheticNode(name: string, ip: string, index: number): Node {
  const podCIDR = `${numberToIp(POD_BASE + (index << NODE_POD_BITS))}/${32 - NODE_POD_BITS}`;
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(name, undefined, { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux" }),
    spec: { podCIDR, podCIDRs: [podCIDR] },
    status: {
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

function syntheticService(i: number): Service {
  const ip = syntheticClusterIP(i);
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: meta(syntheticServiceName(i), "default"),
    spec: {
      type: "ClusterIP",
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ name: "http", port: 80, protocol: "TCP", targetPort: 8080 }],
      selector: { app: syntheticServiceName(i) },
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
    },
  };
}

/** The EndpointSlice of Service `i` with `count` ready endpoints, the first being endpoint `first` overall. */
function syntheticSlice(i: number, first: number, count: number): EndpointSlice {
  const name = syntheticServiceName(i);
  const endpoints = [];
  for (let j = 0; j < count; j++) {
    const pod = endpointPod(first + j);
    endpoints.push({
      addresses: [pod.ip],
      nodeName: pod.node,
      conditions: { ready: true, serving: true, terminating: false },
    });
  }
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: meta(`${name}-bench`, "default", {
      "kubernetes.io/service-name": name,
      "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    }),
    addressType: "IPv4",
    ports: [{ name: "http", port: 8080, protocol: "TCP" }],
    endpoints,
  };
}

/** `services` ClusterIP Services (TCP 80 → 8080), each with `endpointsPerService` ready endpoints. */
export function syntheticInput(services: number, endpointsPerService: number, mode: ProxyMode): ProxyInput {
  const svcs: Service[] = [];
  const slices: EndpointSlice[] = [];
  for (let i = 0; i < services; i++) {
    svcs.push(syntheticService(i));
    slices.push(syntheticSlice(i, i * endpointsPerService, endpointsPerService));
  }
  return {
    services: svcs,
    endpointSlices: slices,
    nodes: SYNTHETIC_NODES.map((n, i) => syntheticNode(n.name, n.ip, i)),
    config: { ...defaultClusterConfig(), proxyMode: mode },
  };
}

/**
 * The same cluster after one change: Service `i` gains an endpoint (as a
 * scale-up by one replica would). Every other object is shared, unchanged.
 */
export function withOneMoreEndpoint(input: ProxyInput, i: number): ProxyInput {
  const slices = input.endpointSlices.slice();
  const old = slices[i];
  if (!old) throw new RangeError(`no Service ${i}`);
  slices[i] = {
    ...old,
    metadata: { ...old.metadata, resourceVersion: "2" },
    endpoints: [
      ...(old.endpoints ?? []),
      {
        addresses: [SCALED_UP_POD.ip],
        nodeName: SCALED_UP_POD.node,
        conditions: { ready: true, serving: true, terminating: false },
      },
    ],
  };
  return { ...input, endpointSlices: slices };
}
