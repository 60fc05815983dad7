/**
 * The lookup-cost experiment: for each cluster size and kube-proxy mode,
 * build a synthetic cluster's data plane and measure, by running the real
 * evaluation, what a connection's packets cost.
 */
import type { LookupExperimentOptions, LookupProgress, LookupRow } from "./contract";
import { measureRow } from "./measure";
import { syntheticInput } from "./synthetic";

/** First packets traced per (mode, size) unless the caller says otherwise. */
export const DEFAULT_SAMPLES = 200;
export const DEFAULT_SEED = 1;

/**
 * Runs the experiment one row at a time: yields progress after each
 * (mode, size) row and returns every row. `now` is the caller's clock in ms
 * (the engine has none of its own), used only for `nsPerPacket`.
 */
export function* lookupExperiment(
  opts: LookupExperimentOptions,
  now: () => number,
): Generator<LookupProgress, LookupRow[]> {
  const samples = opts.samples ?? DEFAULT_SAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  const total = opts.services.length * opts.modes.length;
  const rows: LookupRow[] = [];
  yield { done: 0, total };
  for (const services of opts.services) {
    // One synthetic cluster per size, read by every mode's row (a data plane never changes its input).
    const cluster = syntheticInput(services, opts.endpointsPerService, opts.modes[0] ?? "iptables");
    for (const mode of opts.modes) {
      // Each row builds (and drops) its own data plane: only one is alive at a time.
      const row = measureRow(
        { mode, services, endpointsPerService: opts.endpointsPerService, samples, seed },
        now,
        cluster,
      );
      rows.push(row);
      yield { done: rows.length, total, row };
    }
  }
  return rows;
}

/** Drives the experiment to the end, reporting each step. */
export function runLookupExperiment(
  opts: LookupExperimentOptions,
  now: () => number,
  onProgress: (p: LookupProgress) => void = () => {},
): LookupRow[] {
  const it = lookupExperiment(opts, now);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
    onProgress(step.value);
  }
}
