/**
 * Issue 17's figure: importing a cluster of 5,000 pods, 2,000 Services and their slices, as
 * `kubectl get -o json` and `-o yaml` print it, through `Simulation.importCluster` (reading the
 * dump, decoding every object as the API server does, storing it, the controllers adopting what
 * the real ones did, and kube-proxy's first sync).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Simulation } from "../engine/simulation";
import { bigDump, IMPORT_SHAPE } from "./dump";

export { IMPORT_SHAPE };

export interface ImportFigure {
  format: "json" | "yaml";
  mib: number;
  runs: number[];
  /** CPU time (user + system) of each run: the wall time on a shared machine includes waiting. */
  cpu: number[];
  objects: number;
  errors: number;
}

/** Imports the generated dump `runs` times into fresh simulations; the wall time of each. */
export async function measureImport(format: "json" | "yaml", runs: number): Promise<ImportFigure> {
  const text = bigDump(IMPORT_SHAPE, format);
  const times: number[] = [];
  const cpu: number[] = [];
  let objects = 0;
  let errors = 0;
  // The importer's chunk loads once, before the measured runs (the page loads it with the first import).
  await new Simulation().importCluster({ name: "warm.json", text: '{"kind":"List","items":[]}' });
  for (let i = 0; i < runs; i++) {
    const sim = new Simulation();
    const t = performance.now();
    const c = process.cpuUsage();
    const report = await sim.importCluster({ name: `dump.${format}`, text });
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    objects = report.counts.reduce((n, c) => n + c.count, 0);
    errors = report.errors.length;
  }
  return { format, mib: text.length / 2 ** 20, runs: times, cpu, objects, errors };
}

/** What the CLI's import measured: wall time of whole runs, or why it could not run. */
export type CliImportFigure =
  | { format: "json" | "yaml"; runs: number[]; lines: number }
  | { skipped: string };

/**
 * `packetwalk --import dump.<format> -c 'kubectl get svc app-0'` run `runs` times as a user runs
 * it (the built CLI in a new node process: start-up, reading the file, the import, a command):
 * the wall time of each.
 */
export function measureCliImport(format: "json" | "yaml", runs: number): CliImportFigure {
  const bin = new URL("../../bin/packetwalk.mjs", import.meta.url).pathname;
  if (!existsSync(new URL("../../lib/cli.js", import.meta.url)))
    return { skipped: "lib/cli.js is missing: run `npm run build:lib`" };
  const dir = mkdtempSync(join(tmpdir(), "packetwalk-bench-"));
  try {
    const file = join(dir, `dump.${format}`);
    writeFileSync(file, bigDump(IMPORT_SHAPE, format));
    const times: number[] = [];
    let lines = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const out = spawnSync(process.execPath, [bin, "--import", file, "-c", "kubectl get svc app-0"], {
        encoding: "utf8",
        maxBuffer: 64 * 2 ** 20,
      });
      times.push(performance.now() - t);
      if (out.status !== 0)
        return { skipped: `packetwalk exited ${out.status}: ${out.stderr.slice(0, 200)}` };
      lines = out.stdout.split("\n").filter(Boolean).length;
    }
    return { format, runs: times, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
