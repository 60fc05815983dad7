/**
 * `packetwalk/engine`: the simulated cluster as a library. `Simulation` is the whole surface;
 * the types are what it takes and returns.
 */

export type { IpvsScheduler, ProxyMode } from "./api/configTypes";
export { IPVS_SCHEDULERS, PROXY_MODES } from "./api/configTypes";
export type { ApiError, ApiErrorReason, ApplyResult } from "./api/contract";
export type { ImportProgress, ImportProgressListener } from "./api/import/progress";
export type { Redacted, RedactResult } from "./api/import/redact";
export type { ImportNote, ImportReport } from "./api/import/report";
export type { LookupExperimentOptions, LookupProgress, LookupRow } from "./bench/contract";
export type {
  LabelMiss,
  NearMatch,
  NoEndpointsAnswer,
  PodState,
  PortMiss,
} from "./controllers/endpointslice/whyNoEndpoints";
export type { BurstResult, SelectionRule } from "./net/burst";
export type { PacketSource, SendRequest } from "./net/contract";
export type { Hook, HopPlace, Packet, Protocol, Rewrite, Trace, TraceHop, TraceVerdict } from "./net/types";
export type { ShellOutput } from "./shell/shell";
export type { ApplyReport, ManifestFile, SimulationOptions } from "./simulation";
export { Simulation } from "./simulation";
export type { NodeView, PodView, ServicePortView, ServiceView, TopologyView } from "./view/topology";
