/**
 * What kube-proxy's syncProxyRules wants on one node in IPVS mode, computed
 * from Services, EndpointSlices and Nodes (pkg/proxy/ipvs/proxier.go).
 */
import { serviceKey } from "../changeTracker";
import { slicesByService } from "../endpoints";
import type { ProxyInput } from "../types";
import { assemble, type DesiredState } from "./assemble";
import { serviceShare } from "./serviceShare";
import { shareEnv } from "./shareEnv";

/** Computes the desired IPVS state for `node` from the whole input. */
export function desiredState(input: ProxyInput, node: string): DesiredState {
  const env = shareEnv(input, node);
  const slicesBySvc = slicesByService(input.endpointSlices);
  const shares = input.services.map((svc) => serviceShare(svc, slicesBySvc.get(serviceKey(svc)), env));
  return assemble(shares, [...env.nodeIPs]);
}
