/**
 * kube-proxy's local-traffic detector (`pkg/proxy/util` LocalTrafficDetector): the pod CIDR
 * whose traffic counts as from inside the cluster. Traffic to a ClusterIP from anywhere else is
 * masqueraded (`! -s <cidr> -j KUBE-MARK-MASQ`); without a CIDR the detector is a no-op and
 * that rule is not written.
 */
import type { ClusterConfig } from "../api/configTypes";
import type { Node } from "../api/types";

/**
 * The detector's CIDR on `node`, or `""` when it has none: `clusterCIDR` (its first IPv4 entry;
 * the pod subnet when kube-proxy's configuration does not set it) in ClusterCIDR mode, the node's
 * own podCIDR in NodeCIDR mode.
 *
 * NOTE: the BridgeInterface and InterfaceNamePrefix modes (matching on the input interface) are
 * not modelled; a configuration that names them is read as ClusterCIDR.
 */
export function localTrafficCIDR(config: ClusterConfig, nodes: readonly Node[], node: string): string {
  if (config.detectLocalMode === "NodeCIDR") {
    return nodes.find((n) => n.metadata.name === node)?.spec?.podCIDR ?? "";
  }
  const cidrs = (config.clusterCIDR ?? config.podSubnet).split(",").map((c) => c.trim());
  return cidrs.find((c) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c)) ?? "";
}
