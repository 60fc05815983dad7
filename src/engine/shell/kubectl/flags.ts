/**
 * Command-line flags as kubectl's cobra/pflag reads them: flags anywhere
 * among the arguments, `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * combined boolean shorthands (`-it`), and `--` ending the flags.
 */

export interface FlagSpec {
  name: string;
  short?: string;
  /** bool: takes no value; string: last one wins; strings: repeatable. */
  type: "bool" | "string" | "strings";
}

export interface ParsedArgs {
  /** Values by long name, in the order given. Booleans hold "true"/"false". */
  values: Map<string, string[]>;
  /** Arguments before `--`. */
  positional: string[];
  /** Arguments after `--`, when there was one. */
  afterDash?: string[];
}

/** Flags every kubectl subcommand takes. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "context", type: "string" },
  { name: "kubeconfig", type: "string" },
];

/** Parses `args` against `specs`; returns the error text kubectl prints on failure. */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  command: string,
): ParsedArgs | { error: string } {
  const all = [...specs, ...GLOBAL_FLAGS];
  const byName = new Map(all.map((s) => [s.name, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  const usage = `\nSee '${command} --help' for usage.`;
  const set = (spec: FlagSpec, value: string) => {
    const prev = values.get(spec.name) ?? [];
    values.set(spec.name, spec.type === "strings" ? [...prev, value] : [value]);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") return { values, positional, afterDash: args.slice(i + 1) };
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) return { error: `error: unknown flag: --${name}${usage}` };
      if (spec.type === "bool") {
        set(spec, eq < 0 ? "true" : arg.slice(eq + 1));
      } else if (eq >= 0) {
        set(spec, arg.slice(eq + 1));
      } else if (i + 1 < args.length) {
        set(spec, args[++i] as string);
      } else {
        return { error: `error: flag needs an argument: --${name}${usage}` };
      }
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const spec = byShort.get(c);
        if (!spec) return { error: `error: unknown shorthand flag: '${c}' in ${arg}${usage}` };
        if (spec.type === "bool") {
          if (arg[j + 1] === "=") {
            set(spec, arg.slice(j + 2));
            break;
          }
          set(spec, "true");
          continue;
        }
        let rest = arg.slice(j + 1);
        if (rest.startsWith("=")) rest = rest.slice(1);
        if (rest !== "") set(spec, rest);
        else if (i + 1 < args.length) set(spec, args[++i] as string);
        else return { error: `error: flag needs an argument: '${c}' in -${c}${usage}` };
        break;
      }
      continue;
    }
    positional.push(arg);
  }
  return { values, positional };
}

/** The last value of a flag, if given. */
export function flag(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values.get(name);
  return v?.[v.length - 1];
}

/** Every value of a repeatable flag. */
export function flagAll(parsed: ParsedArgs, name: string): string[] {
  return parsed.values.get(name) ?? [];
}

/** A boolean flag: present without a value, or `=true`. */
export function boolFlag(parsed: ParsedArgs, name: string): boolean {
  const v = flag(parsed, name);
  return v !== undefined && v !== "false";
}

/** `-n`/`--namespace`, else `default`. */
export function namespaceOf(parsed: ParsedArgs): string {
  return flag(parsed, "namespace") ?? "default";
}
