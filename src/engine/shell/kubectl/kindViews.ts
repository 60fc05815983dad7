/**
 * What kubectl shows of each kind it serves: its singular name, its `kubectl get` table and its
 * `kubectl describe` text. Typed over every served kind, so a kind added to `KindMap` does not
 * compile until it has a printer and a describer here (src/engine/README.md walks the path).
 */
import { kindInfo } from "../../api/kinds";
import type { Kind, KindMap } from "../../api/types";
import type { Cluster } from "../../cluster";
import { describeConfigMap } from "./describe/configMap";
import { describeDeployment } from "./describe/deployment";
import { describeEndpointSlice } from "./describe/endpointSlice";
import { describeEndpoints } from "./describe/endpoints";
import { describeGeneric } from "./describe/generic";
import { describeNamespace } from "./describe/namespace";
import { describeNode } from "./describe/node";
import { describePod } from "./describe/pod";
import { describeReplicaSet } from "./describe/replicaset";
import { describeService } from "./describe/service";
import type { TablePrinter } from "./get/printers";
import { PRINTERS } from "./get/printers";

/**
 * Kinds that are not API objects kubectl can list: kubeadm's, the kubelet's and kube-proxy's
 * configuration are files their programs read (kubectl finds no match for them), and MetalLB's
 * pools are only read by the simulated load-balancer controller.
 */
export type UnservedKind =
  | "ClusterConfiguration"
  | "KubeletConfiguration"
  | "KubeProxyConfiguration"
  | "IPAddressPool";

/** The kinds `kubectl get` and `kubectl describe` know. */
export type ServedKind = Exclude<Kind, UnservedKind>;

export interface KubectlView<K extends ServedKind> {
  /** kubectl's singular resource name (`endpoints` is its own singular). */
  singular: string;
  printer: TablePrinter;
  describe(cluster: Cluster, obj: KindMap[K]): string;
}

/** Every served kind's view, in the order kubectl's discovery lists them. */
export const KUBECTL_VIEWS: { readonly [K in ServedKind]: KubectlView<K> } = {
  Pod: { singular: "pod", printer: PRINTERS.Pod, describe: (c, p) => describePod(p, c.clock.now()) },
  Service: { singular: "service", printer: PRINTERS.Service, describe: describeService },
  Endpoints: {
    singular: "endpoints",
    printer: PRINTERS.Endpoints,
    describe: (_c, e) => describeEndpoints(e),
  },
  EndpointSlice: {
    singular: "endpointslice",
    printer: PRINTERS.EndpointSlice,
    describe: (_c, s) => describeEndpointSlice(s),
  },
  Deployment: { singular: "deployment", printer: PRINTERS.Deployment, describe: describeDeployment },
  ReplicaSet: { singular: "replicaset", printer: PRINTERS.ReplicaSet, describe: describeReplicaSet },
  Node: { singular: "node", printer: PRINTERS.Node, describe: describeNode },
  Namespace: {
    singular: "namespace",
    printer: PRINTERS.Namespace,
    describe: (_c, n) => describeNamespace(n),
  },
  ConfigMap: {
    singular: "configmap",
    printer: PRINTERS.ConfigMap,
    describe: (_c, c) => describeConfigMap(c),
  },
  Lease: {
    singular: "lease",
    printer: PRINTERS.Lease,
    describe: (_c, l) => describeGeneric(asServed("Lease", l)),
  },
};

/** kubectl's generic describer reads the object as the API returns it: apiVersion and kind filled in. */
function asServed<K extends ServedKind>(kind: K, obj: KindMap[K]) {
  return { ...obj, apiVersion: kindInfo(kind).apiVersions[0], kind } as Parameters<typeof describeGeneric>[0];
}

/** A served kind's view, typed for that kind. */
export function viewOf<K extends ServedKind>(kind: K): KubectlView<K> {
  return KUBECTL_VIEWS[kind];
}
