/**
 * `npm run fuzz`: the long fuzz run (100,000 cases by default; `-- --cases N --seed S --workers W`).
 * Cases run in a worker thread; one that runs past the hang limit is recorded as a hang, the
 * worker is replaced and the run goes on with the next case. Prints the figures: cases,
 * exceptions, internal errors, refusals that changed the store, hangs, and time per case.
 * Timings are printed, never asserted: the machine may be shared.
 */
import { Worker } from "node:worker_threads";
import type { Failure } from "./check";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CASES = opt("cases", 100_000);
/** Worker threads, each running a contiguous share of the cases (the results do not depend on it). */
const WORKERS = Math.max(1, opt("workers", 2));
const SEED = opt("seed", 20_251_111);
/** A case still running after this long is a hang. */
const HANG_MS = opt("hang-ms", 30_000);

interface Done {
  type: "done";
  index: number;
  ms: number;
  failures: Failure[];
  fuzz?: unknown;
}

const WORKER = new URL("./worker.ts", import.meta.url).href;
const times: number[] = [];
const failing: { index: number; failures: Failure[]; fuzz?: unknown }[] = [];
const hangs: number[] = [];
const counts = { exception: 0, internal: 0, changed: 0 };
const started = performance.now();

/** Runs cases [from, to) in a worker, replacing it after a hang or a crash. */
function runRange(from: number, to: number): Promise<void> {
  return new Promise((resolve) => {
    if (from >= to) {
      resolve();
      return;
    }
    // The worker is TypeScript: it registers tsx's loader before importing the case runner.
    const worker = new Worker(
      `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER)}); });`,
      { eval: true, workerData: { seed: SEED, from, to } },
    );
    let current = from;
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    /** Ends this worker's run: the rest (if any) goes to a new worker. */
    const settle = (next: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(runRange(next, to)));
    };
    worker.on("message", (m: { type: "start"; index: number } | Done) => {
      if (m.type === "start") {
        current = m.index;
        clearTimeout(timer);
        timer = setTimeout(() => {
          hangs.push(current);
          settle(current + 1);
        }, HANG_MS);
        return;
      }
      clearTimeout(timer);
      times.push(m.ms);
      if (m.failures.length > 0) {
        failing.push({ index: m.index, failures: m.failures, fuzz: m.fuzz });
        for (const f of m.failures) counts[f.type]++;
      }
      if (times.length % 5000 === 0) {
        process.stderr.write(
          `fuzz: ${times.length} cases, ${failing.length} failing, ${hangs.length} hangs\n`,
        );
      }
      if (m.index === to - 1) settle(to);
    });
    worker.on("error", (e) => {
      failing.push({ index: current, failures: [{ call: "worker", type: "exception", message: String(e) }] });
      counts.exception++;
      settle(current + 1);
    });
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const per = Math.ceil(CASES / WORKERS);
await Promise.all(
  Array.from({ length: WORKERS }, (_, w) => runRange(w * per, Math.min(CASES, (w + 1) * per))),
);
const sorted = [...times].sort((a, b) => a - b);
const where = new Map<string, number>();
for (const f of failing.flatMap((c) => c.failures)) {
  const key = `${f.type} ${f.at ?? f.message.split("\n")[0]!.slice(0, 120)}`;
  where.set(key, (where.get(key) ?? 0) + 1);
}
const lines = [
  `fuzz: seed ${SEED}, ${CASES} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  `cases run:            ${times.length}`,
  `cases failing:        ${failing.length}`,
  `exceptions:           ${counts.exception}`,
  `internal errors:      ${counts.internal}`,
  `refusals that changed the store: ${counts.changed}`,
  `hangs (> ${HANG_MS / 1000} s):        ${hangs.length}${hangs.length ? ` (cases ${hangs.slice(0, 10).join(", ")})` : ""}`,
  `time per case (ms):   median ${percentile(sorted, 50).toFixed(1)}, p99 ${percentile(sorted, 99).toFixed(1)}, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)}`,
];
if (where.size > 0) {
  lines.push("failures by place:");
  for (const [k, n] of [...where].sort((a, b) => b[1] - a[1]).slice(0, 40)) lines.push(`  ${n}\t${k}`);
  const first = failing[0]!;
  lines.push(`first failing case (#${first.index}): ${JSON.stringify(first.fuzz)}`);
}
process.stdout.write(`${lines.join("\n")}\n`);
process.exitCode = failing.length > 0 || hangs.length > 0 ? 1 : 0;
