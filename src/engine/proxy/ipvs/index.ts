/** kube-proxy IPVS mode: the public surface. */
export { type GetDataPlane, makeIpset, makeIpvsadm } from "./commands";
export { type ConnectResult, dummyMac, IpvsDataPlane } from "./dataplane";
export { deprecationEventReason, deprecationLogLines, deprecationNotice } from "./deprecation";
export { createIpvsMode, type IpvsMode } from "./mode";
export type { IpsetSet, IpvsConn, IpvsNodeState, RealServer, VirtualServer } from "./model";
export { parseVsKey, vsKey } from "./model";
export { renderIpset, renderIpsets } from "./render/ipset";
export { IPVS_VERSION_LINE, renderIpvsadmConnections, renderIpvsadmList } from "./render/ipvsadm";
export { renderKubeIpvs0 } from "./render/kubeIpvs0";
export { setReferences, writeIpvsIptables } from "./rules";
export { SCHEDULERS } from "./schedulers";
