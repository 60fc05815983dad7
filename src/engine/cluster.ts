import type { ClusterConfig } from "./api/configTypes";
import { DEFAULT_KUBERNETES_VERSION } from "./api/configTypes";
import type { ClusterLimits } from "./api/limits";
import { DEFAULT_LIMITS } from "./api/limits";
import { ObjectStore } from "./api/store";
import { Adoption } from "./controllers/adoption";
import type { AddressIndex } from "./net/addresses";
import { LiveAddressIndex } from "./net/addressIndex";
import { DEFAULT_EPOCH_MS, VirtualClock } from "./util/clock";
import { Prng } from "./util/prng";
import { ContainerLogs } from "./workloads/logs";

/** The defaults of a fresh kubeadm cluster. */
export function defaultClusterConfig(): ClusterConfig {
  return {
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    serviceSubnet: "10.96.0.0/12",
    podSubnet: "10.244.0.0/16",
    dnsDomain: "cluster.local",
    clusterDNS: ["10.96.0.10"],
    nodePortRange: { base: 30000, size: 2768 },
    proxyMode: "iptables",
    ipvsScheduler: "rr",
    masqueradeBit: 14,
    loadBalancerPools: [],
  };
}

/** A reconciler: something that reacts to store events and catches up when asked. */
export interface Reconciler {
  /** Brings its objects up to date; returns true if it changed anything. */
  sync(): boolean;
}

/**
 * The shared state of one simulated cluster: its object store, seeded PRNG,
 * virtual clock and resolved configuration. Subsystems (API server,
 * controllers, DNS, data planes) hold a reference to it.
 */
export class Cluster {
  readonly store = new ObjectStore();
  /** What every container wrote to stdout and stderr (`kubectl logs`). */
  readonly logs = new ContainerLogs();
  readonly prng: Prng;
  readonly clock: VirtualClock;
  /** What an imported cluster's own controllers did, kept until the user changes what it depends on. */
  readonly adoption = new Adoption();
  config: ClusterConfig;
  /** What the cluster holds at most (the API server refuses past it). */
  readonly limits: ClusterLimits;
  private readonly reconcilers: Reconciler[] = [];
  private addresses: LiveAddressIndex | undefined;

  constructor(
    seed: number,
    config: ClusterConfig = defaultClusterConfig(),
    epochMs = DEFAULT_EPOCH_MS,
    limits: ClusterLimits = DEFAULT_LIMITS,
  ) {
    this.prng = new Prng(seed);
    this.clock = new VirtualClock(epochMs);
    this.config = config;
    this.limits = limits;
  }

  /**
   * The cluster's address index, kept current from the store's watch events
   * (made on first use). Always the same object for a cluster.
   */
  addressIndex(): AddressIndex {
    this.addresses ??= new LiveAddressIndex(this);
    return this.addresses.current();
  }

  addReconciler(r: Reconciler): void {
    this.reconcilers.push(r);
  }

  /**
   * Runs every reconciler until none changes anything, as controllers do
   * when their work queues drain. Bounded so a bug cannot hang the engine.
   */
  reconcile(): void {
    for (let round = 0; round < 100; round++) {
      let changed = false;
      for (const r of this.reconcilers) changed = r.sync() || changed;
      if (!changed) return;
    }
    throw new Error("controllers did not settle after 100 rounds");
  }

  /** The version as a comparable [major, minor], e.g. [1, 35]. */
  get version(): [number, number] {
    const m = /^v?(\d+)\.(\d+)/.exec(this.config.kubernetesVersion);
    return m ? [Number(m[1]), Number(m[2])] : [1, 35];
  }

  /** True when the emulated Kubernetes is at least `major.minor`. */
  atLeast(major: number, minor: number): boolean {
    const [a, b] = this.version;
    return a > major || (a === major && b >= minor);
  }
}
