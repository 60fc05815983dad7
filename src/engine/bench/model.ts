/**
 * A modelled kernel latency for a connection's first packet:
 *   latency = base + rulesEvaluated × perRule + lookups × perLookup,
 * calibrated by least squares on published measurements (published.ts).
 * The simulation counts rules and lookups exactly; only their cost in
 * kernel time is modelled.
 */
import type { ProxyMode } from "../api/configTypes";
import { PUBLISHED_POINTS, type PublishedPoint } from "./published";

export interface LatencyModel {
  baseMs: number;
  perRuleMs: number;
  perLookupMs: number;
}

export interface FitError {
  /** Root mean square of (model − published) / published over the points used. */
  rmsRelative: number;
  maxRelative: number;
  points: number;
}

/**
 * What the experiment measured with its defaults (10 endpoints a Service,
 * 200 samples, seed 1; the worst case includes the endpoint chosen; verified by
 * model.test.ts against the real evaluation), from which the fit derives the
 * work at the published sizes.
 * NOTE: we do not build 30,000-Service data planes to calibrate. KUBE-SERVICES
 * is a linear walk, so the iptables work to reach the k-th Service is
 * c + b·k: b and c come from the worst case (the last Service) measured at
 * 1,000 and 10,000 Services, and a p50 packet's work at N Services is
 * c + b·N/2. nftables' work is flat, measured at 1,000 and 10,000.
 */
export const CALIBRATION = {
  endpointsPerService: 10,
  iptablesWorstRules: { 1000: 1021, 10000: 10021 },
  nftables: { rules: 15, lookups: 5 },
} as const;

/** The work a median first packet does at `services` Services, from the calibration. */
export function calibratedWork(mode: ProxyMode, services: number): { rules: number; lookups: number } {
  if (mode === "nftables") return { ...CALIBRATION.nftables };
  if (mode !== "iptables") throw new RangeError(`no calibration for ${mode}`);
  const w = CALIBRATION.iptablesWorstRules;
  const perService = (w[10000] - w[1000]) / 9000;
  const fixed = w[1000] - perService * 1000;
  return { rules: fixed + (perService * services) / 2, lookups: 0 };
}

interface Observation {
  rules: number;
  lookups: number;
  ms: number;
}

/**
 * The fit the chart is held to: no published point further than necessary
 * from the model, i.e. the smallest largest relative error |model − ms| / ms
 * (a 0.013 ms point counts as much as a 0.27 ms one), with every parameter
 * kept ≥ 0 (a latency has no negative base or cost). Found by Lawson's
 * iteration: weighted least squares, each point's weight multiplied by its
 * error after each round, keeping the round with the smallest largest error.
 * Each weighted least squares is solved exactly under the sign constraint
 * by trying every subset of free parameters (the others held at 0).
 */
export function fitLatencyModel(obs: readonly Observation[]): LatencyModel {
  const features = obs.map((o) => [1, o.rules, o.lookups].map((x) => x / o.ms));
  let weights = features.map(() => 1);
  let best: { params: number[]; worst: number } | undefined;
  for (let round = 0; round < 500; round++) {
    const params = weightedFit(features, weights);
    const errors = features.map((f) => Math.abs(f.reduce((acc, x, i) => acc + x * params[i]!, 0) - 1));
    const worst = Math.max(...errors);
    if (!best || worst < best.worst - 1e-15) best = { params, worst };
    const next = weights.map((w, i) => w * errors[i]!);
    const sum = next.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) break;
    weights = next.map((w) => w / sum);
  }
  const [baseMs, perRuleMs, perLookupMs] = best!.params;
  return { baseMs: baseMs!, perRuleMs: perRuleMs!, perLookupMs: perLookupMs! };
}

/** Non-negative least squares of features·params ≈ 1 with per-point weights. */
function weightedFit(features: number[][], weights: number[]): number[] {
  let best: { params: number[]; sse: number } | undefined;
  for (let mask = 1; mask < 8; mask++) {
    const free = [0, 1, 2].filter((i) => mask & (1 << i));
    const params = solveSubset(features, weights, free);
    if (!params || params.some((p) => p < 0)) continue;
    const sse = features.reduce((s, f, k) => {
      const r = f.reduce((acc, x, i) => acc + x * params[i]!, 0) - 1;
      return s + weights[k]! * r * r;
    }, 0);
    if (!best || sse < best.sse - 1e-15) best = { params, sse };
  }
  if (!best) throw new Error("latency model: no non-negative fit");
  return best.params;
}

/** Weighted least squares for features·params ≈ 1 with only `free` parameters non-zero; undefined if singular. */
function solveSubset(features: number[][], weights: number[], free: number[]): number[] | undefined {
  const ata = free.map((i) =>
    free.map((j) => features.reduce((s, f, k) => s + weights[k]! * f[i]! * f[j]!, 0)),
  );
  const atb = free.map((i) => features.reduce((s, f, k) => s + weights[k]! * f[i]!, 0));
  const x = solve(ata, atb);
  if (!x) return undefined;
  const params = [0, 0, 0];
  free.forEach((i, k) => {
    params[i] = x[k]!;
  });
  return params;
}

/** Gaussian elimination with partial pivoting; undefined for a singular system. */
function solve(a: number[][], b: number[]): number[] | undefined {
  const m = a.map((row, i) => [...row, b[i]!]);
  const n = m.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12 * Math.max(1, Math.abs(m[0]![0]!))) return undefined;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export function predict(model: LatencyModel, rules: number, lookups: number): number {
  return model.baseMs + rules * model.perRuleMs + lookups * model.perLookupMs;
}

function observations(points: readonly PublishedPoint[]): { point: PublishedPoint; obs: Observation }[] {
  return points
    .filter((p) => p.usedInFit)
    .map((point) => ({ point, obs: { ...calibratedWork(point.mode, point.services), ms: point.value } }));
}

export interface Calibration {
  model: LatencyModel;
  fitError: FitError;
  /** The points used, with the work the model was given and what it predicts. */
  fitted: { point: PublishedPoint; rules: number; lookups: number; modelledMs: number }[];
}

/** Fits the model to the published points marked `usedInFit`. */
export function calibrate(points: readonly PublishedPoint[] = PUBLISHED_POINTS): Calibration {
  const used = observations(points);
  const model = fitLatencyModel(used.map((u) => u.obs));
  const fitted = used.map(({ point, obs }) => ({
    point,
    rules: obs.rules,
    lookups: obs.lookups,
    modelledMs: predict(model, obs.rules, obs.lookups),
  }));
  const rel = fitted.map((f) => (f.modelledMs - f.point.value) / f.point.value);
  return {
    model,
    fitted,
    fitError: {
      rmsRelative: Math.sqrt(rel.reduce((s, r) => s + r * r, 0) / Math.max(1, rel.length)),
      maxRelative: rel.reduce((m, r) => Math.max(m, Math.abs(r)), 0),
      points: rel.length,
    },
  };
}

/**
 * The model `calibrate()` fits to PUBLISHED_POINTS, written out so that no
 * page, worker or CLI start pays for the fit (model.test.ts fits it again
 * and holds these figures to it).
 */
export const LATENCY_MODEL: Readonly<LatencyModel> = Object.freeze({
  baseMs: 0.0028074694752929998,
  perRuleMs: 0.000014491604686704011,
  perLookupMs: 0.0022097166055666034,
});

/** The calibration over PUBLISHED_POINTS (fitted on each call). */
export function calibration(): Calibration {
  return calibrate();
}

/** Modelled kernel latency of a first packet, in ms. */
export function modelledLatencyMs(rulesEvaluated: number, lookups: number): number {
  return predict(LATENCY_MODEL, rulesEvaluated, lookups);
}
