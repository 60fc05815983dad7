/**
 * What kubectl shows of each kind it serves: its singular name and its `kubectl get` table (its
 * `kubectl describe` text is in describe/describers.ts). Both are typed over every served kind, so
 * a kind added to `KindMap` does not compile until it has a printer and a describer
 * (src/engine/README.md walks the path).
 */
import type { Kind } from "../../api/types";
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

export interface KubectlView {
  /** kubectl's singular resource name (`endpoints` is its own singular). */
  singular: string;
  printer: TablePrinter;
}

/** Every served kind's view, in the order kubectl's discovery lists them. */
export const KUBECTL_VIEWS: { readonly [K in ServedKind]: KubectlView } = {
  Pod: { singular: "pod", printer: PRINTERS.Pod },
  Service: { singular: "service", printer: PRINTERS.Service },
  Endpoints: { singular: "endpoints", printer: PRINTERS.Endpoints },
  EndpointSlice: { singular: "endpointslice", printer: PRINTERS.EndpointSlice },
  Deployment: { singular: "deployment", printer: PRINTERS.Deployment },
  ReplicaSet: { singular: "replicaset", printer: PRINTERS.ReplicaSet },
  Node: { singular: "node", printer: PRINTERS.Node },
  Namespace: { singular: "namespace", printer: PRINTERS.Namespace },
  ConfigMap: { singular: "configmap", printer: PRINTERS.ConfigMap },
  Lease: { singular: "lease", printer: PRINTERS.Lease },
};
