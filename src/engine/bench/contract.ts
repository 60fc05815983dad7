/**
 * The lookup-cost experiment's inputs and rows: what the CLI prints and the
 * web app's chart draws. Every number is measured by running the real
 * evaluation over a synthetic cluster, never computed from a formula.
 */
import type { ProxyMode } from "../api/configTypes";

export interface LookupExperimentOptions {
  /** Cluster sizes to build, in Services (e.g. 1, 10, 100, 1000, 10000). */
  services: number[];
  endpointsPerService: number;
  modes: ProxyMode[];
  /** First packets traced per size (a uniform sample of Services). */
  samples?: number;
  seed?: number;
}

export interface LookupRow {
  mode: ProxyMode;
  services: number;
  endpointsPerService: number;
  /** nat rules (iptables), virtual servers (IPVS), map elements (nftables). */
  dataPlaneSize: number;
  /** Rules evaluated by a connection's first packet: mean over the sample, and worst case. */
  meanRulesEvaluated: number;
  worstRulesEvaluated: number;
  /** Hash/map/set lookups by the first packet (mean). */
  meanLookups: number;
  /** What a later packet of the same connection costs: conntrack carries it. */
  establishedRulesEvaluated: number;
  establishedLookups: number;
  /** Rules (or elements) written by kube-proxy for one Service change. */
  syncRulesWritten: number;
  /** The simulation's own time per first packet, in ns (measured with the caller's clock). */
  nsPerPacket: number;
  /** `nsPerPacket` per rule the first packet tested (iptables' linear walk; 0 when none was tested). */
  nsPerRule: number;
  /** Modelled kernel latency of a first packet, ms (rules × per-rule cost + base; see bench/model.ts). */
  modelledLatencyMs: number;
}

export interface LookupProgress {
  done: number;
  total: number;
  row?: LookupRow;
}
