/**
 * `packetwalk bench lookup`: the lookup-cost experiment from the command
 * line, as an aligned table or a JSON array of rows.
 */
import type { ProxyMode } from "../engine/api/configTypes";
import type { LookupExperimentOptions, LookupProgress } from "../engine/bench/contract";
import { DEFAULT_SAMPLES, DEFAULT_SEED, runLookupExperiment } from "../engine/bench/experiment";
import { formatLookupTable } from "../engine/bench/format";

export const BENCH_USAGE = `Usage: packetwalk bench lookup [--services LIST] [--endpoints N] [--modes LIST] [--samples N] [--seed N] [-o table|json]

Builds one node's kube-proxy data plane for synthetic clusters of each size,
traces a sample of first packets through it and counts the work done.

      --services LIST   cluster sizes in Services (default 1,10,100,1000,10000)
      --endpoints N     ready endpoints per Service (default 10)
      --modes LIST      kube-proxy modes (default iptables,ipvs,nftables)
      --samples N       first packets traced per size (default ${DEFAULT_SAMPLES})
      --seed N          seed for the sample and endpoint choices (default ${DEFAULT_SEED})
  -o, --output FORMAT   table (default) or json
  -h, --help            this help
`;

const MODES: readonly ProxyMode[] = ["iptables", "ipvs", "nftables"];
/** Addresses in 10.96.0.0/12 the synthetic cluster can hand out. */
const MAX_SERVICES = (1 << 20) - 256;

export class BenchUsageError extends Error {}

export interface BenchArgs {
  options: LookupExperimentOptions & { samples: number; seed: number };
  output: "table" | "json";
  help: boolean;
}

function positiveInt(flag: string, text: string, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new BenchUsageError(`${flag}: not a positive integer: "${text}"`);
  const n = Number(text);
  if (n > max) throw new BenchUsageError(`${flag}: ${n} is more than ${max}`);
  return n;
}

function list(flag: string, text: string): string[] {
  const items = text.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new BenchUsageError(`${flag}: empty item in "${text}"`);
  return items;
}

/** Parses the words after `bench`. Throws BenchUsageError. */
export function parseBenchArgs(words: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    options: {
      services: [1, 10, 100, 1000, 10000],
      endpointsPerService: 10,
      modes: [...MODES],
      samples: DEFAULT_SAMPLES,
      seed: DEFAULT_SEED,
    },
    output: "table",
    help: false,
  };
  if (words.length === 0) throw new BenchUsageError("missing experiment name (lookup)");
  if (words[0] === "-h" || words[0] === "--help") return { ...args, help: true };
  if (words[0] !== "lookup") throw new BenchUsageError(`unknown experiment "${words[0]}" (want lookup)`);
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const eq = word.startsWith("--") ? word.indexOf("=") : -1;
    const flag = eq > 0 ? word.slice(0, eq) : word;
    const value = (): string => {
      if (eq > 0) return word.slice(eq + 1);
      const v = words[++i];
      if (v === undefined) throw new BenchUsageError(`flag needs an argument: ${flag}`);
      return v;
    };
    const o = args.options;
    switch (flag) {
      case "--services":
        o.services = list(flag, value()).map((s) => positiveInt(flag, s, MAX_SERVICES));
        break;
      case "--endpoints":
        o.endpointsPerService = positiveInt(flag, value(), 1000);
        break;
      case "--modes":
        o.modes = [...new Set(list(flag, value()))].map((m) => {
          if (!(MODES as readonly string[]).includes(m))
            throw new BenchUsageError(`--modes: unknown mode "${m}" (want ${MODES.join(", ")})`);
          return m as ProxyMode;
        });
        break;
      case "--samples":
        o.samples = positiveInt(flag, value(), 1_000_000);
        break;
      case "--seed":
        o.seed = positiveInt(flag, value(), 2 ** 32 - 1);
        break;
      case "-o":
      case "--output": {
        const v = value();
        if (v !== "table" && v !== "json")
          throw new BenchUsageError(`--output: want table or json, not "${v}"`);
        args.output = v;
        break;
      }
      case "-h":
      case "--help":
        args.help = true;
        break;
      default:
        throw new BenchUsageError(`unknown flag: ${word}`);
    }
  }
  return args;
}

/** Where the command writes; tests pass their own. */
export interface BenchIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Progress lines only go to a terminal. */
  stderrIsTTY: boolean;
  now: () => number;
}

const processIO = (): BenchIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
  now: () => performance.now(),
});

function progressLine(p: LookupProgress): string {
  const what = p.row ? ` ${p.row.mode} ${p.row.services} Services` : "";
  return `\r\x1b[K[${p.done}/${p.total}]${what}`;
}

/** `packetwalk bench ...`; returns the exit status. */
export function runBench(words: string[], io: BenchIO = processIO()): number {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(words);
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    io.stderr(`packetwalk bench: ${e.message}\n${BENCH_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(BENCH_USAGE);
    return 0;
  }
  const rows = runLookupExperiment(args.options, io.now, (p) => {
    if (io.stderrIsTTY) io.stderr(progressLine(p));
  });
  if (io.stderrIsTTY) io.stderr("\r\x1b[K");
  io.stdout(args.output === "json" ? `${JSON.stringify(rows, null, 2)}\n` : formatLookupTable(rows));
  return 0;
}
