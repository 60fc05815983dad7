/**
 * How far an import is, for a progress bar: the dump's characters read, then its objects stored,
 * then the controllers and kube-proxy settling on them. Reported as it goes (from the engine's
 * worker while the import runs), at most once per percent of a stage.
 */

/** One step of an import's progress. */
export interface ImportProgress {
  /** `read`: characters of the dump read; `store`: objects stored; `settle`: the controllers' and kube-proxy's first pass. */
  stage: "read" | "store" | "settle";
  done: number;
  total: number;
}

/** Receives an import's progress. */
export type ImportProgressListener = (progress: ImportProgress) => void;

/** The stages in the order an import goes through them. */
export const IMPORT_STAGES: readonly ImportProgress["stage"][] = ["read", "store", "settle"];

/**
 * The import's progress as one fraction from 0 to 1: each stage is an equal part, counted by
 * what it has done of its own total.
 */
export function importFraction(p: ImportProgress): number {
  const stage = IMPORT_STAGES.indexOf(p.stage);
  const within = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  return (stage + within) / IMPORT_STAGES.length;
}

/**
 * A reporter for `listener` that passes a stage's first and last step and otherwise only a step
 * at least a percent of the stage past the last one passed (a dump's 9,000 objects are not 9,000
 * messages between threads).
 */
export function progressReporter(
  listener: ImportProgressListener | undefined,
): (stage: ImportProgress["stage"], done: number, total: number) => void {
  if (!listener) return () => {};
  let last: ImportProgress | undefined;
  return (stage, done, total) => {
    const step = Math.max(1, total / 100);
    if (last && last.stage === stage && done < total && done - last.done < step) return;
    last = { stage, done, total };
    listener(last);
  };
}
