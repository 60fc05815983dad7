/** One Service's share: what syncProxyRules adds for each of its service ports, in that order. */
import type { EndpointSlice, Service } from "../../api/types";
import type { Protocol } from "../../net/types";
import { servicePorts as portsOf } from "../servicePort";
import { ipPortEntry } from "./ipsets";
import { PortDests } from "./portDests";
import { addressWord, portWord } from "./setTable";
import type { ShareEnv } from "./shareEnv";
import { isKeyed, type ServiceShare, type ShareWriter } from "./shareWriter";

const DEFAULT_AFFINITY_TIMEOUT = 10800;

/** A service port's lower-case protocol as the kernel names it (the usual three without a new string). */
function kernelProtocol(protocol: string): Protocol {
  switch (protocol) {
    case "tcp":
      return "TCP";
    case "udp":
      return "UDP";
    case "sctp":
      return "SCTP";
    default:
      return protocol.toUpperCase() as Protocol;
  }
}

/** One Service's virtual servers, ipset entries and kube-ipvs0 addresses. */
export function serviceShare(
  svc: Service,
  slices: readonly EndpointSlice[] | undefined,
  env: ShareEnv,
): ServiceShare {
  const c = env.writer.start(env);
  const { node, nodeIPs } = env;
  const persistentTimeout = affinityTimeout(svc);
  let healthCheckNodePort = 0;
  const ports = portsOf(svc);
  for (let p = 0; p < ports.length; p++) {
    const sp = ports[p]!;
    const proto = kernelProtocol(sp.protocol);
    const info = { spn: sp.nameString, persistentTimeout };
    const dests = new PortDests(sp, slices, node);
    const eTPLocal = sp.externalPolicyLocal;
    const all = dests.all;
    for (let i = 0; i < all.length; i++) {
      if (all.nodeName(i) !== node) continue;
      const addr = all.ip(i);
      const ip = addressWord(addr);
      const pp = portWord(sp.protocol, all.port(i));
      // `ip,proto:port,ip`, written out only when its key cannot hold it.
      c.add(
        "KUBE-LOOP-BACK",
        ip,
        pp,
        ip,
        isKeyed(ip, pp, ip) ? "" : `${addr},${sp.protocol}:${all.port(i)},${addr}`,
      );
    }
    c.vs(proto, sp.clusterIP, sp.port, "ClusterIP", dests.under(sp.internalPolicyLocal), info);
    c.addIpPort("KUBE-CLUSTER-IP", sp.clusterIP, proto, sp.port);
    for (const ext of sp.externalIPs) {
      c.addIpPort(eTPLocal ? "KUBE-EXTERNAL-IP-LOCAL" : "KUBE-EXTERNAL-IP", ext, proto, sp.port);
      c.vs(proto, ext, sp.port, "ExternalIP", dests.under(eTPLocal), info);
    }
    for (const ip of sp.loadBalancerVIPs) {
      c.addIpPort("KUBE-LOAD-BALANCER", ip, proto, sp.port);
      if (eTPLocal) c.addIpPort("KUBE-LOAD-BALANCER-LOCAL", ip, proto, sp.port);
      if (sp.loadBalancerSourceRanges.length > 0) {
        c.addIpPort("KUBE-LOAD-BALANCER-FW", ip, proto, sp.port);
        // hash:ip,port,net: a net-typed set, indexed by its text (no table).
        for (const cidr of sp.loadBalancerSourceRanges)
          c.add(
            "KUBE-LOAD-BALANCER-SOURCE-CIDR",
            Number.NaN,
            0,
            0,
            `${ipPortEntry(ip, proto, sp.port)},${cidr}`,
          );
      }
      c.vs(proto, ip, sp.port, "LoadBalancer", dests.under(eTPLocal), info);
    }
    if (sp.nodePort) {
      addNodePortEntries(c, proto, sp.nodePort, nodeIPs, eTPLocal);
      for (const nip of nodeIPs) c.vs(proto, nip, sp.nodePort, "NodePort", dests.under(eTPLocal), info);
    }
    healthCheckNodePort ||= sp.healthCheckNodePort;
  }
  if (healthCheckNodePort) c.addPort("KUBE-HEALTH-CHECK-NODE-PORT", healthCheckNodePort);
  return c.share();
}

function addNodePortEntries(
  c: ShareWriter,
  proto: Protocol,
  nodePort: number,
  nodeIPs: readonly string[],
  local: boolean,
): void {
  if (proto === "SCTP") {
    for (const ip of nodeIPs) {
      c.addIpPort("KUBE-NODE-PORT-SCTP-HASH", ip, proto, nodePort);
      if (local) c.addIpPort("KUBE-NODE-PORT-LOCAL-SCTP-HASH", ip, proto, nodePort);
    }
    return;
  }
  c.addPort(`KUBE-NODE-PORT-${proto}`, nodePort);
  if (local) c.addPort(`KUBE-NODE-PORT-LOCAL-${proto}`, nodePort);
}

function affinityTimeout(svc: Service): number | undefined {
  if (svc.spec?.sessionAffinity !== "ClientIP") return undefined;
  return svc.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT;
}
