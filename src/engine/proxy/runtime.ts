import type { ProxyMode } from "../api/configTypes";
import type { Cluster } from "../cluster";
import type { NodeDataPlane, ProxyInput, ProxyModeImpl } from "./types";

/**
 * kube-proxy on every node: builds each node's data plane from the store
 * when first needed after a change, and rebuilds all of them when the
 * mode is switched (as restarting kube-proxy with a new mode does).
 */
export class ProxyRuntime {
  private readonly planes = new Map<
    string,
    { plane: NodeDataPlane; revision: number; mode: ProxyMode; config: ProxyInput["config"] }
  >();
  /** Bumped by changes kube-proxy watches: Services, EndpointSlices, Nodes. */
  private revision = 0;
  /** The last input handed out, reused by every node until the next change. */
  private lastInput?: { revision: number; config: ProxyInput["config"]; input: ProxyInput };

  constructor(
    private readonly cluster: Cluster,
    private readonly modes: Record<ProxyMode, ProxyModeImpl>,
  ) {
    cluster.store.subscribe((e) => {
      if (e.kind === "Service" || e.kind === "EndpointSlice" || e.kind === "Node") this.revision++;
    });
  }

  get mode(): ProxyMode {
    return this.cluster.config.proxyMode;
  }

  /** The node's data plane, synced with the store's current state. */
  dataPlaneFor(node: string): NodeDataPlane {
    const revision = this.revision;
    const cached = this.planes.get(node);
    // A new configuration (another IPVS scheduler, say) is a kube-proxy restart: build again.
    if (cached && cached.mode === this.mode && cached.config === this.cluster.config) {
      if (cached.revision === revision) return cached.plane;
      if (cached.plane.sync) {
        cached.plane.sync(this.input());
        cached.revision = revision;
        return cached.plane;
      }
    }
    const plane = this.modes[this.mode].build(this.input(), node);
    this.planes.set(node, { plane, revision, mode: this.mode, config: this.cluster.config });
    return plane;
  }

  /** The node's data plane as last built, without syncing (for `iptables -L` counters). */
  current(node: string): NodeDataPlane | undefined {
    return this.planes.get(node)?.plane;
  }

  /**
   * What kube-proxy sees now. One snapshot serves every node until
   * Services, EndpointSlices, Nodes or the configuration change, so building
   * or syncing several nodes lists the store once.
   */
  input(): ProxyInput {
    const config = this.cluster.config;
    const last = this.lastInput;
    if (last && last.revision === this.revision && last.config === config) return last.input;
    const store = this.cluster.store;
    const input: ProxyInput = {
      services: store.list("Service"),
      endpointSlices: store.list("EndpointSlice"),
      nodes: store.list("Node"),
      config,
    };
    this.lastInput = { revision: this.revision, config, input };
    return input;
  }
}
