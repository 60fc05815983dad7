/**
 * Pods as a real API server stores them once the kubelet has reported: the defaults the API
 * server fills in (dnsPolicy, tolerations, the service account's projected token volume, ...),
 * `managedFields` by the controller that made the pod and by the kubelet's status writes, owner
 * references, and a status with conditions, container statuses and the assigned addresses.
 */
import { managed } from "./fields";
import { at, hex, suffix, uid } from "./ids";

type Obj = Record<string, unknown>;

export interface Owner {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

export interface ContainerSpec {
  name: string;
  image: string;
  /** The image's digest as containerd reports it (`imageID`). */
  imageID?: string;
  ports?: { containerPort: number; name?: string; protocol?: string; hostPort?: number }[];
  args?: string[];
  command?: string[];
  readinessProbe?: Obj;
  resources?: Obj;
  securityContext?: Obj;
  env?: Obj[];
}

export interface PodSpec {
  namespace: string;
  name: string;
  /** The controller that made it (a ReplicaSet, DaemonSet, StatefulSet or a static pod's Node). */
  owner: Owner;
  /** The manager that created it: kube-controller-manager, or kubelet for a static pod's mirror. */
  creator?: string;
  generateName?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  node: string;
  hostIP: string;
  /** The pod's IP (a hostNetwork pod's is its node's). */
  podIP: string;
  hostNetwork?: boolean;
  containers: ContainerSpec[];
  /** False: running but failing its readiness probe. */
  ready?: boolean;
  created: string;
  serviceAccount?: string;
  priorityClassName?: string;
  priority?: number;
  tolerations?: Obj[];
  /** False for a pod that mounts no service account token (a static pod); otherwise it gets the projected kube-api-access volume. */
  tokenVolume?: boolean;
  extraSpec?: Obj;
  qosClass?: string;
  hostname?: string;
  subdomain?: string;
}

const DEFAULT_TOLERATIONS = [
  { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
  { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
];

function tokenVolume(name: string): Obj {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }],
          },
        },
      ],
    },
  };
}

function container(c: ContainerSpec, mounts: Obj[]): Obj {
  return {
    ...(c.args ? { args: c.args } : {}),
    ...(c.command ? { command: c.command } : {}),
    ...(c.env ? { env: c.env } : {}),
    image: c.image,
    imagePullPolicy: "IfNotPresent",
    name: c.name,
    ...(c.ports
      ? {
          ports: c.ports.map((p) => ({
            containerPort: p.containerPort,
            ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
            ...(p.name ? { name: p.name } : {}),
            protocol: p.protocol ?? "TCP",
          })),
        }
      : {}),
    ...(c.readinessProbe ? { readinessProbe: c.readinessProbe } : {}),
    resources: c.resources ?? {},
    ...(c.securityContext ? { securityContext: c.securityContext } : {}),
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
  };
}

function condition(type: string, status: boolean, time: string, why?: { reason: string; message: string }) {
  return {
    lastProbeTime: null,
    lastTransitionTime: time,
    ...(why && !status ? { message: why.message } : {}),
    ...(why && !status ? { reason: why.reason } : {}),
    status: status ? "True" : "False",
    type,
  };
}

/** An image as containerd reports it: Docker Hub's short names in full (`docker.io/library/nginx:1.27`). */
function pulled(image: string): string {
  return image.includes("/") ? image : `docker.io/library/${image}`;
}

/** A pod as `kubectl get pod -o yaml` shows it from a real cluster. */
export function pod(p: PodSpec): Obj {
  const started = at(p.created, 2);
  const readyAt = at(p.created, 4);
  const ready = p.ready ?? true;
  const vol = p.tokenVolume === false ? undefined : `kube-api-access-${suffix(`${p.name}/vol`)}`;
  const mounts = vol
    ? [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: vol, readOnly: true }]
    : [];
  const isStatic = p.owner.kind === "Node";
  const sa = p.serviceAccount ?? "default";
  const spec: Obj = {
    containers: p.containers.map((c) => container(c, mounts)),
    dnsPolicy: p.hostNetwork && !isStatic ? "ClusterFirstWithHostNet" : "ClusterFirst",
    enableServiceLinks: true,
    ...(p.hostNetwork ? { hostNetwork: true } : {}),
    ...(p.hostname ? { hostname: p.hostname } : {}),
    nodeName: p.node,
    preemptionPolicy: "PreemptLowerPriority",
    priority: p.priority ?? 0,
    ...(p.priorityClassName ? { priorityClassName: p.priorityClassName } : {}),
    restartPolicy: "Always",
    schedulerName: "default-scheduler",
    securityContext: {},
    ...(isStatic ? {} : { serviceAccount: sa, serviceAccountName: sa }),
    ...(p.subdomain ? { subdomain: p.subdomain } : {}),
    terminationGracePeriodSeconds: 30,
    tolerations: p.tolerations ?? DEFAULT_TOLERATIONS,
    ...(vol ? { volumes: [tokenVolume(vol)] } : {}),
    ...p.extraSpec,
  };
  const unready = {
    reason: "ContainersNotReady",
    message: `containers with unready status: [${p.containers.map((c) => c.name).join(" ")}]`,
  };
  const status: Obj = {
    conditions: [
      condition("PodReadyToStartContainers", true, started),
      condition("Initialized", true, p.created),
      condition("Ready", ready, readyAt, unready),
      condition("ContainersReady", ready, readyAt, unready),
      condition("PodScheduled", true, p.created),
    ],
    containerStatuses: p.containers.map((c) => ({
      containerID: `containerd://${hex(`${p.namespace}/${p.name}/${c.name}`, 64)}`,
      image: pulled(c.image),
      imageID:
        c.imageID ?? `${pulled(c.image).replace(/:[^:/]+$/, "")}@sha256:${hex(`image:${c.image}`, 64)}`,
      lastState: {},
      name: c.name,
      ready,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: started } },
      ...(mounts.length > 0
        ? { volumeMounts: mounts.map((m) => ({ ...m, recursiveReadOnly: "Disabled" })) }
        : {}),
    })),
    hostIP: p.hostIP,
    hostIPs: [{ ip: p.hostIP }],
    phase: "Running",
    podIP: p.podIP,
    podIPs: [{ ip: p.podIP }],
    qosClass: p.qosClass ?? "BestEffort",
    startTime: p.created,
  };
  const ownerReferences = [
    {
      apiVersion: p.owner.apiVersion,
      ...(isStatic ? {} : { blockOwnerDeletion: true }),
      controller: true,
      kind: p.owner.kind,
      name: p.owner.name,
      uid: p.owner.uid,
    },
  ];
  const metadata: Obj = {
    ...(p.annotations ? { annotations: p.annotations } : {}),
    creationTimestamp: p.created,
    ...(p.generateName ? { generateName: p.generateName } : {}),
    labels: p.labels,
    name: p.name,
    namespace: p.namespace,
    ownerReferences,
    resourceVersion: "0",
    uid: uid(`pod/${p.namespace}/${p.name}`),
  };
  const { nodeName: _bound, ...written } = spec;
  const creator = p.creator ?? "kube-controller-manager";
  const {
    ownerReferences: _o,
    name: _n,
    namespace: _ns,
    creationTimestamp: _c,
    resourceVersion: _r,
    uid: _u,
    ...ownMeta
  } = metadata;
  metadata.managedFields = [
    managed(creator, "v1", p.created, {
      metadata: { ...ownMeta, ownerReferences },
      spec: isStatic ? spec : written,
    }),
    managed("kubelet", "v1", readyAt, { status }, { subresource: "status" }),
  ];
  return { apiVersion: "v1", kind: "Pod", metadata, spec, status };
}
