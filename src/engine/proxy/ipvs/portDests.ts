/** The real servers syncEndpoint gives a service port's virtual servers under each traffic policy. */
import type { EndpointSlice } from "../../api/types";
import { type EndpointInfo, endpointsFor } from "../endpoints";
import type { ServicePort } from "../servicePort";
import { type CategorizedEndpoints, categorizeEndpoints } from "../topology";
import { DestList } from "./destList";

/**
 * The real servers of a virtual server: the Local endpoints under a Local
 * policy, else the Cluster ones, in slice order.
 * NOTE: kube-proxy adds real servers in Go map order (random); here in the
 * order the EndpointSlices list them, which sets the kernel's list order.
 * IPVS mode falls back to the usable endpoints cluster-wide when a Local
 * policy finds no local ones (kubernetes PR #97081); iptables/nftables
 * mode drops instead.
 */
function policyDests(
  c: CategorizedEndpoints<EndpointInfo>,
  all: readonly EndpointInfo[],
  onlyLocal: boolean,
): DestList {
  const eps: readonly EndpointInfo[] = onlyLocal ? c.local : c.cluster;
  if (eps.length === 0 && onlyLocal)
    return DestList.of(categorizeEndpoints(CLUSTER_ONLY, all, () => false).cluster);
  return DestList.of(eps);
}

/**
 * A service port's real servers under each policy, each read once and kept
 * for its virtual servers. When every endpoint is ready (the usual case),
 * categorising selects all of them as Cluster endpoints and those on the
 * node as Local ones (topology.ts), so the walk's list serves without
 * endpoint objects.
 */
export class PortDests {
  /** Every endpoint, in slice order. */
  readonly all: DestList;
  private readonly allReady: boolean;
  private cluster: DestList | undefined;
  private local: DestList | undefined;

  constructor(
    private readonly sp: ServicePort,
    private readonly slices: readonly EndpointSlice[] | undefined,
    private readonly node: string,
  ) {
    ({ all: this.all, allReady: this.allReady } = DestList.collect(sp, slices));
  }

  /** The real servers under a Local (`onlyLocal`) or Cluster policy. */
  under(onlyLocal: boolean): DestList {
    if (onlyLocal) {
      this.local ??= this.allReady ? this.readyOnNode() : this.categorized(true);
      return this.local;
    }
    this.cluster ??= this.allReady ? this.all : this.categorized(false);
    return this.cluster;
  }

  /** The node's endpoints, or (none there) every usable one: all of them, all being ready. */
  private readyOnNode(): DestList {
    const local = this.all.onNode(this.node);
    return local.length === 0 ? this.all : local;
  }

  /** The endpoints as objects and categorised (a port with a not-ready endpoint), once. */
  private endpoints: { all: EndpointInfo[]; cat: CategorizedEndpoints<EndpointInfo> } | undefined;

  private categorized(onlyLocal: boolean): DestList {
    if (!this.endpoints) {
      const all = endpointsFor(this.sp, this.slices);
      const node = this.node;
      this.endpoints = { all, cat: categorizeEndpoints(this.sp, all, (e) => e.nodeName === node) };
    }
    return policyDests(this.endpoints.cat, this.endpoints.all, onlyLocal);
  }
}

/** Policy facts under which every usable endpoint is a Cluster endpoint. */
const CLUSTER_ONLY = {
  nodePort: 0,
  externalIPs: [],
  loadBalancerVIPs: [],
  internalPolicyLocal: false,
  externalPolicyLocal: false,
};
