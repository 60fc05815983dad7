/**
 * The simulated kube-controller-manager, kube-scheduler and kubelets.
 * `installControllers` wires them to the cluster's store; `cluster.reconcile()`
 * then runs them until their work queues drain.
 */
import type { Cluster } from "../cluster";
import { installDeploymentController } from "./deployment";
import { installEndpointsController } from "./endpoints";
import { installEndpointSliceController } from "./endpointslice/controller";
import { ServiceIndex } from "./endpointslice/serviceIndex";
import { installGarbageCollector } from "./gc";
import { installKubelet } from "./kubelet";
import { installNodeIpam } from "./nodeIpam";
import { installNodeLeases } from "./nodeLease";
import { OwnerIndex } from "./ownerIndex";
import { installReplicaSetController } from "./replicaset";
import { installScheduler } from "./scheduler";
import { nsKey } from "./workQueue";

/** What the rest of the engine may ask of the controllers. */
export interface Controllers {
  /**
   * Sets a pod's readiness-probe result: the kubelet flips its Ready and
   * ContainersReady conditions and containerStatuses[].ready, then the
   * endpoint controllers react. Runs `cluster.reconcile()` before returning.
   */
  setPodReady(namespace: string, name: string, ready: boolean): void;
}

/** Installs every controller on the cluster, in the order they run each round. */
export function installControllers(cluster: Cluster): Controllers {
  const owners = new OwnerIndex(cluster.store);
  const services = new ServiceIndex(cluster.store);
  const kubelet = installKubelet(cluster);
  cluster.addReconciler(installNodeIpam(cluster));
  cluster.addReconciler(installNodeLeases(cluster));
  cluster.addReconciler(installDeploymentController(cluster, owners));
  cluster.addReconciler(installReplicaSetController(cluster, owners));
  cluster.addReconciler(installScheduler(cluster));
  cluster.addReconciler(kubelet);
  cluster.addReconciler(installGarbageCollector(cluster, owners));
  cluster.addReconciler(installEndpointSliceController(cluster, services));
  cluster.addReconciler(installEndpointsController(cluster, services));
  return {
    setPodReady(namespace: string, name: string, ready: boolean): void {
      kubelet.setReady(nsKey(namespace, name), ready);
      cluster.reconcile();
    },
  };
}
