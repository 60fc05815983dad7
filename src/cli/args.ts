/** `packetwalk [--import DUMP] [-f FILE]... [-c COMMAND]... [--seed N] [--start-time RFC3339]` */
export interface CliArgs {
  /** A cluster dump (`kubectl get ... -o yaml` or `-o json`) to import before anything else. */
  importFile?: string;
  files: string[];
  commands: string[];
  seed: number;
  startTime?: number;
  help: boolean;
  version: boolean;
  /** `packetwalk bench lookup ...`: the rest of the words. */
  bench?: string[];
}

export const USAGE = `Usage: packetwalk [--import DUMP] [-f FILE]... [-c COMMAND]... [--seed N] [--start-time TIME]
       packetwalk bench lookup [--services 1,10,100] [--endpoints N] [--modes iptables,ipvs,nftables]
                               [--samples N] [--seed N] [-o table|json]

Imports DUMP in place of the simulated cluster, applies each manifest FILE in
order (multi-document YAML; - reads stdin), then runs each COMMAND in order in
the cluster's terminal, printing what it prints. What the import read from the
dump and what it assumed go to stderr first.

      --import DUMP     your cluster, as printed by
                        kubectl get nodes,pods,services,endpointslices,configmaps -A -o yaml
                        (or -o json); - reads stdin
  -f, --filename FILE   a manifest file to apply (repeatable); a cluster dump as
                        the first FILE is imported, as --import imports it
  -c, --command CMD     a command line to run, e.g. 'kubectl get svc' (repeatable)
      --seed N          seed for every random choice (default 1)
      --start-time T    the virtual clock's start, e.g. 2021-02-07T09:00:00Z
  -h, --help            this help
      --version         the version of packetwalk
`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { files: [], commands: [], seed: 1, help: false, version: false };
  if (argv[0] === "bench") {
    args.bench = argv.slice(1);
    return args;
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const eq = a.indexOf("=");
      if (a.startsWith("--") && eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`flag needs an argument: ${a}`);
      return v;
    };
    const flag = a.startsWith("--") && a.includes("=") ? a.slice(0, a.indexOf("=")) : a;
    switch (flag) {
      case "--import":
        if (args.importFile !== undefined) throw new UsageError("--import may be given once");
        args.importFile = value();
        break;
      case "-f":
      case "--filename":
        args.files.push(value());
        break;
      case "-c":
      case "--command":
        args.commands.push(value());
        break;
      case "--seed": {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`invalid --seed: ${v} (a non-negative integer)`);
        args.seed = Number(v);
        break;
      }
      case "--start-time": {
        const v = value();
        const ms = Date.parse(v);
        if (Number.isNaN(ms))
          throw new UsageError(`invalid --start-time: ${v} (RFC 3339, e.g. 2021-02-07T09:00:00Z)`);
        args.startTime = ms;
        break;
      }
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--version":
        args.version = true;
        break;
      default:
        throw new UsageError(`unknown argument: ${a}`);
    }
  }
  return args;
}
