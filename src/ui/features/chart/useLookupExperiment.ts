import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { LookupExperimentOptions, LookupProgress, LookupRow } from "../../../engine/bench/contract";
import { experimentEngine } from "../../worker/client";

/**
 * How long the whole experiment may run before its worker counts as hung.
 * It runs in its own worker (experimentEngine), so this limit never holds
 * up the main simulation.
 */
const EXPERIMENT_TIMEOUT_MS = 10 * 60_000;

export type ExperimentStatus =
  | { kind: "idle" }
  | { kind: "running"; done: number; total: number }
  | { kind: "done" }
  | { kind: "cancelled"; done: number; total: number }
  | { kind: "failed"; reason: string };

export interface LookupExperiment {
  rows: LookupRow[];
  status: ExperimentStatus;
  run(opts: LookupExperimentOptions): void;
  cancel(): void;
}

/**
 * How often progress reaches React while rows stream in. Each update redraws the bar, the chart and
 * the table: once a frame, that is a third of a core taken from the experiment's worker on a
 * two-core machine, for rows a reader cannot follow at that pace anyway.
 */
const FLUSH_MS = 150;

let nextRun = 0;

/**
 * Runs the lookup-cost experiment in the worker: rows arrive with progress
 * and are drawn as they come, a few times a second (FLUSH_MS).
 */
export function useLookupExperiment(): LookupExperiment {
  const [rows, setRows] = useState<LookupRow[]>([]);
  const [status, setStatus] = useState<ExperimentStatus>({ kind: "idle" });
  const running = useRef(0);
  const pending = useRef<{ rows: LookupRow[]; done: number; total: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    timer.current = undefined;
    const p = pending.current;
    if (!p) return;
    // A transition: React renders the table in slices and yields, never one long task per row.
    startTransition(() => {
      setRows([...p.rows]);
      setStatus({ kind: "running", done: p.done, total: p.total });
    });
  }, []);

  const run = useCallback(
    (opts: LookupExperimentOptions) => {
      if (running.current) return;
      nextRun += 1;
      const id = nextRun;
      running.current = id;
      const acc = { rows: [] as LookupRow[], done: 0, total: opts.services.length * opts.modes.length };
      pending.current = acc;
      // Not in the click's own task: the panel re-renders in yielding slices.
      startTransition(() => {
        setRows([]);
        setStatus({ kind: "running", done: 0, total: acc.total });
      });
      const onProgress = experimentEngine().progress((p: LookupProgress) => {
        if (running.current !== id) return;
        acc.done = p.done;
        acc.total = p.total;
        if (p.row) acc.rows.push(p.row);
        timer.current ??= setTimeout(flush, FLUSH_MS);
      });
      experimentEngine()
        .call((api) => api.lookupExperiment(opts, onProgress), EXPERIMENT_TIMEOUT_MS)
        .then((result) => {
          if (running.current !== id) return;
          // The last rows too: the whole table and chart at once would be one long task.
          startTransition(() => {
            if (result) {
              setRows(result);
              setStatus({ kind: "done" });
            } else {
              setRows([...acc.rows]);
              setStatus({ kind: "cancelled", done: acc.done, total: acc.total });
            }
          });
        })
        .catch((e: unknown) => {
          if (running.current === id)
            setStatus({ kind: "failed", reason: e instanceof Error ? e.message : String(e) });
        })
        .finally(() => {
          if (running.current !== id) return;
          running.current = 0;
          pending.current = null;
          clearTimeout(timer.current);
          timer.current = undefined;
        });
    },
    [flush],
  );

  // The worker reads `cancel` between rows, and a big row takes seconds: the same long limit applies.
  const cancel = useCallback(() => {
    if (running.current) void experimentEngine().call((api) => api.cancel(), EXPERIMENT_TIMEOUT_MS);
  }, []);

  // The experiment's worker starts with the chart: a Run pays for the experiment, not for loading
  // and starting the engine in a new worker.
  useEffect(() => {
    experimentEngine();
  }, []);

  // Leaving the page section mid-run stops the worker's loop too.
  useEffect(
    () => () => {
      if (running.current) void experimentEngine().call((api) => api.cancel(), EXPERIMENT_TIMEOUT_MS);
      running.current = 0;
      clearTimeout(timer.current);
    },
    [],
  );

  return { rows, status, run, cancel };
}
