import { readFileSync } from "node:fs";
import { version } from "../../package.json";
import type { ApiError } from "../engine/api/contract";
import { formatNote, type ImportReport } from "../engine/api/import/report";
import { kindInfo } from "../engine/api/kinds";
import type { Kind } from "../engine/api/types";
import { needsShellAssets } from "../engine/shell/assets";
import { Simulation } from "../engine/simulation";
import { neutralizeControls } from "../engine/util/terminal";
import { parseArgs, USAGE, UsageError } from "./args";
import { runBench } from "./bench";

/** The first line of a refused object's message gets `FILE:LINE:`, like a compiler's. */
export function formatApplyError(error: ApiError): string {
  const where = error.source ? `${error.source.file}:${error.source.line}: ` : "";
  return neutralizeControls(`${where}${error.message.replace(/\n$/, "")}\n`);
}

/** What an import tells the user before anything else: counts, then what was read and assumed. */
export function formatImportReport(file: string, report: ImportReport): string {
  const counts = report.counts.map((c) => `${c.count} ${kindInfo(c.kind as Kind).plural}`).join(", ");
  const lines = report.imported ? [`packetwalk: imported ${file}: ${counts || "no objects"}\n`] : [];
  for (const note of report.notes) lines.push(`${formatNote(note)}\n`);
  for (const error of report.errors) lines.push(formatApplyError(error));
  return neutralizeControls(lines.join(""));
}

/** Reads a file the user named (`-` is stdin); undefined (after saying why) when it cannot. */
function readInput(file: string): string | undefined {
  try {
    return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    process.stderr.write(
      `packetwalk: ${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(e)}\n`,
    );
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`packetwalk: ${e.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`packetwalk ${version}\n`);
    return 0;
  }
  if (args.bench) return runBench(args.bench);

  const sim = new Simulation({
    seed: args.seed,
    ...(args.startTime !== undefined ? { startTime: args.startTime } : {}),
  });
  if (args.commands.some(needsShellAssets)) await sim.loadAssets();
  let status = 0;
  if (args.importFile !== undefined) {
    const text = readInput(args.importFile);
    if (text === undefined) return 1;
    const name = args.importFile === "-" ? "STDIN" : args.importFile;
    const report = await sim.importCluster({ name, text });
    process.stderr.write(formatImportReport(name, report));
    if (!report.imported) return 1;
    if (report.errors.length > 0) status = 1;
  }
  for (const file of args.files) {
    const text = readInput(file);
    if (text === undefined) return 1;
    const name = file === "-" ? "STDIN" : file;
    sim.writeFile(name.replace(/^.*\//, ""), text);
    const report = sim.apply([{ name, text }]);
    for (const error of report.errors) {
      process.stderr.write(formatApplyError(error));
      status = 1;
    }
  }
  for (const command of args.commands) {
    const out = sim.run(command);
    // Text from manifests reaches the user's own terminal: no control sequence gets through.
    process.stdout.write(neutralizeControls(out.stdout));
    process.stderr.write(neutralizeControls(out.stderr));
  }
  return status;
}

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
