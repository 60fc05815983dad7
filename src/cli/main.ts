import { readFileSync } from "node:fs";
import { version } from "../../package.json";
import type { ApiError } from "../engine/api/contract";
import { mightBeClusterDump } from "../engine/api/import/read/dump";
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

interface Input {
  /** As errors name it: the path given, or STDIN for `-`. */
  name: string;
  text: string;
}

/** Reads a file the user named (`-` is stdin); undefined (after saying why) when it cannot. */
function readInput(file: string): Input | undefined {
  try {
    if (file === "-") return { name: "STDIN", text: readFileSync(0, "utf8") };
    return { name: file, text: readFileSync(file, "utf8") };
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
  const dump = args.importFile === undefined ? undefined : readInput(args.importFile);
  if (args.importFile !== undefined && dump === undefined) return 1;
  const manifests: Input[] = [];
  for (const file of args.files) {
    const input = readInput(file);
    if (input === undefined) return 1;
    manifests.push(input);
  }
  // A dump given with -f is imported as --import imports it: applying it would allocate every
  // address afresh beside the simulated cluster's own. Only first, as it replaces the cluster.
  const toImport =
    dump ?? (manifests[0] && mightBeClusterDump(manifests[0].text) ? manifests.shift() : undefined);
  const late = manifests.find((m) => mightBeClusterDump(m.text));
  if (late) {
    process.stderr.write(
      `packetwalk: ${late.name} is a cluster dump: importing it replaces the cluster, so it comes first (--import ${late.name}, or the first -f)\n`,
    );
    return 2;
  }
  let status = 0;
  if (toImport) {
    const report = await sim.importCluster(toImport);
    process.stderr.write(formatImportReport(toImport.name, report));
    if (!report.imported) return 1;
    if (report.errors.length > 0) status = 1;
  }
  for (const { name, text } of manifests) {
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
