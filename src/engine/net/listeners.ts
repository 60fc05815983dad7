/**
 * Who answers a packet that arrived: a pod's containers (by their workload
 * model) or a node's own daemons.
 */
import type { Node } from "../api/types";
import { listenerOf } from "../workloads/registry";
import type { PodAddress } from "./addresses";
import type { Protocol } from "./types";

/**
 * Ports a node's own processes listen on: sshd, the kubelet, kube-proxy's
 * health check, and on control-plane nodes the API server and etcd.
 * NOTE: a real node listens on more (containerd's streaming server, node
 * exporters); these are the ones lessons touch.
 */
export function nodeListens(node: Node | undefined, port: number, proto: Protocol): string | undefined {
  if (proto !== "TCP") return undefined;
  const controlPlane = node?.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined;
  const ports: Record<number, string> = { 22: "sshd", 10250: "kubelet", 10256: "kube-proxy (healthz)" };
  if (controlPlane) Object.assign(ports, { 6443: "kube-apiserver", 2379: "etcd" });
  return ports[port];
}

/**
 * The workload answering on a pod's port, by name; undefined when nothing listens.
 * `declaredPorts`: an imported cluster's unmodelled images listen on their declared ports.
 */
export function podListens(
  pod: PodAddress,
  port: number,
  proto: Protocol,
  declaredPorts = false,
): string | undefined {
  return listenerOf(pod.pod, port, proto, declaredPorts)?.name;
}
