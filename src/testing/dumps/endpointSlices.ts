/**
 * EndpointSlices as a real API server stores them: the EndpointSlice controller's (generated
 * name, owner reference, trigger-time annotation, each endpoint's conditions, node and zone) and
 * the API server's own slice for default/kubernetes.
 */
import { managed } from "./fields";
import { uid } from "./ids";

type Obj = Record<string, unknown>;

export interface SliceEndpoint {
  ip: string;
  ready: boolean;
  node?: string;
  zone?: string;
  /** The pod behind it (namespace/name), for targetRef. */
  pod?: { namespace: string; name: string };
  hostname?: string;
}

export interface SliceSpec {
  namespace: string;
  service: string;
  /** The generated name (SERVICE-xxxxx), or the Service's name for kube-apiserver's own slice. */
  name: string;
  endpoints: SliceEndpoint[];
  ports: { name?: string; port: number; protocol?: string; appProtocol?: string }[];
  created: string;
  /** The last pod change the controller saw. */
  changed: string;
  /** kube-apiserver writes default/kubernetes's slice; the EndpointSlice controller the rest. */
  manager?: "kube-apiserver";
  labels?: Record<string, string>;
}

/** An EndpointSlice as `kubectl get endpointslice -o yaml` shows it. */
export function endpointSlice(s: SliceSpec): Obj {
  const apiserver = s.manager === "kube-apiserver";
  const endpoints = s.endpoints.map((e) => ({
    addresses: [e.ip],
    conditions: apiserver ? { ready: true } : { ready: e.ready, serving: e.ready, terminating: false },
    ...(e.hostname ? { hostname: e.hostname } : {}),
    ...(e.node ? { nodeName: e.node } : {}),
    ...(e.pod
      ? {
          targetRef: {
            kind: "Pod",
            name: e.pod.name,
            namespace: e.pod.namespace,
            uid: uid(`pod/${e.pod.namespace}/${e.pod.name}`),
          },
        }
      : {}),
    ...(e.zone ? { zone: e.zone } : {}),
  }));
  const ports = s.ports.map((p) => ({
    ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
    name: p.name ?? "",
    port: p.port,
    protocol: p.protocol ?? "TCP",
  }));
  const labels = s.labels ?? {
    "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io",
    "kubernetes.io/service-name": s.service,
  };
  const annotations = apiserver
    ? undefined
    : { "endpoints.kubernetes.io/last-change-trigger-time": s.changed };
  const ownerReferences = apiserver
    ? undefined
    : [
        {
          apiVersion: "v1",
          blockOwnerDeletion: true,
          controller: true,
          kind: "Service",
          name: s.service,
          uid: uid(`service/${s.namespace}/${s.service}`),
        },
      ];
  const metadata: Obj = {
    ...(annotations ? { annotations } : {}),
    creationTimestamp: s.created,
    ...(apiserver ? {} : { generateName: `${s.service}-`, generation: 1 }),
    labels,
    managedFields: [
      managed(apiserver ? "kube-apiserver" : "kube-controller-manager", "discovery.k8s.io/v1", s.changed, {
        addressType: "IPv4",
        endpoints: [],
        metadata: {
          ...(annotations ? { annotations } : {}),
          ...(apiserver ? {} : { generateName: "" }),
          labels,
          ...(ownerReferences ? { ownerReferences } : {}),
        },
        ports: [],
      }),
    ],
    name: s.name,
    namespace: s.namespace,
    ...(ownerReferences ? { ownerReferences } : {}),
    resourceVersion: "0",
    uid: uid(`endpointslice/${s.namespace}/${s.name}`),
  };
  return {
    addressType: "IPv4",
    apiVersion: "discovery.k8s.io/v1",
    endpoints,
    kind: "EndpointSlice",
    metadata,
    ports,
  };
}
