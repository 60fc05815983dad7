/**
 * The names of kube-proxy's nftables objects (`pkg/proxy/nftables/proxier.go`).
 * NOTE: these are the v1.33+ names. Earlier releases hooked filter chains
 * called `filter-prerouting`/`filter-output` (v1.29–v1.32: at dstnat-10,
 * plus `filter-output-post-dnat` for cluster-ips-check); v1.36 adds a
 * hairpin-connections set. We follow the upstream TestOverallNFTablesRules
 * fixture of the 1.33–1.35 era.
 */
export const TABLE = "kube-proxy";
export const TABLE_COMMENT = "rules for kube-proxy";

export const CLUSTER_IPS = "cluster-ips";
export const NODEPORT_IPS = "nodeport-ips";
export const SERVICE_IPS = "service-ips";
export const SERVICE_NODEPORTS = "service-nodeports";
export const NO_ENDPOINT_SERVICES = "no-endpoint-services";
export const NO_ENDPOINT_NODEPORTS = "no-endpoint-nodeports";
export const FIREWALL_IPS = "firewall-ips";

export const SERVICES = "services";
export const MASQUERADING = "masquerading";
export const MARK_FOR_MASQUERADE = "mark-for-masquerade";
export const SERVICE_ENDPOINTS_CHECK = "service-endpoints-check";
export const NODEPORT_ENDPOINTS_CHECK = "nodeport-endpoints-check";
export const CLUSTER_IPS_CHECK = "cluster-ips-check";
export const FIREWALL_CHECK = "firewall-check";
export const REJECT_CHAIN = "reject-chain";

/** Per-ServicePort chain names, all sharing `HASH-ns/svc/proto/port`. */
export function serviceChain(base: string): string {
  return `service-${base}`;
}
export function localChain(base: string): string {
  return `local-${base}`;
}
export function externalChain(base: string): string {
  return `external-${base}`;
}
export function firewallChain(base: string): string {
  return `firewall-${base}`;
}
/** A ServicePort's four chain names, made once per port and shared by its elements' verdicts and its chains. */
export interface PortChainNames {
  service: string;
  local: string;
  external: string;
  firewall: string;
}

export function portChainNames(base: string): PortChainNames {
  return {
    service: serviceChain(base),
    local: localChain(base),
    external: externalChain(base),
    firewall: firewallChain(base),
  };
}

/** Per-endpoint chain and affinity set, sharing `HASH-ns/svc/proto/port__ip/port`. */
export function endpointChain(base: string): string {
  return `endpoint-${base}`;
}
export function affinitySet(base: string): string {
  return `affinity-${base}`;
}
