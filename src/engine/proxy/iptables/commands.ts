/**
 * `iptables` (listing: -L, -S, -Z) and `iptables-save` as shell commands. The
 * lead wires them with a lookup of the node's data plane; in a pod, without
 * root, they fail the way the real binaries do.
 */
import type { Command, CommandEnv, CommandResult } from "../../shell/types";
import { initialRuleset } from "./kernelState";
import { listRules, listTable } from "./netfilter/list";
import { zeroCounters } from "./netfilter/ruleset";
import { IPTABLES_VERSION, iptablesSave as renderSave } from "./netfilter/save";
import { type Ruleset, TABLE_NAMES, type TableName } from "./netfilter/types";

const PROG = `iptables v${IPTABLES_VERSION} (legacy)`;
const SAVE_PROG = `iptables-save v${IPTABLES_VERSION} (legacy)`;
const UPGRADE = "Perhaps iptables or your kernel needs to be upgraded.\n";
const TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.\n";

const result = (stdout: string, stderr = "", exitCode = 0): CommandResult => ({ stdout, stderr, exitCode });

/** The ruleset a node shows (undefined in a pod: no privileges). */
/** A node's tables as the commands read them; `readAll` runs a whole-table renderer (default: plainly). */
export interface RulesetView {
  ruleset: Ruleset;
  readAll?<T>(f: () => T): T;
}

function rulesetFor(
  env: CommandEnv,
  get: (node: string) => RulesetView | undefined,
): RulesetView | undefined {
  if (env.context.type !== "node") return undefined;
  return get(env.context.node) ?? { ruleset: initialRuleset() };
}

const readAll = <T>(view: RulesetView, f: () => T): T => (view.readAll ? view.readAll(f) : f());

const isTable = (t: string): t is TableName => (TABLE_NAMES as readonly string[]).includes(t);

interface IptablesArgs {
  table: string;
  command?: "L" | "S" | "Z" | "V";
  chain?: string;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  error?: string;
}

/** getopt-style parsing of the listing options (`-nvL CHAIN`, `-t nat`, `--line-numbers`). */
export function parseIptablesArgs(args: readonly string[]): IptablesArgs {
  const o: IptablesArgs = {
    table: "filter",
    numeric: false,
    verbose: false,
    exact: false,
    lineNumbers: false,
  };
  const takesChain = (i: number): number => {
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith("-")) {
      o.chain = next;
      return i + 1;
    }
    return i;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long: Record<string, string> = {
      "--list": "L",
      "--list-rules": "S",
      "--zero": "Z",
      "--numeric": "n",
      "--verbose": "v",
      "--exact": "x",
      "--table": "t",
      "--version": "V",
    };
    if (a === "--line-numbers") {
      o.lineNumbers = true;
      continue;
    }
    const flags = long[a] ?? (a.startsWith("-") && !a.startsWith("--") ? a.slice(1) : undefined);
    if (flags === undefined) {
      o.error = `Bad argument \`${a}'`;
      return o;
    }
    for (const f of flags) {
      if (f === "n") o.numeric = true;
      else if (f === "v") o.verbose = true;
      else if (f === "x") o.exact = true;
      else if (f === "t") {
        const t = args[++i];
        if (t === undefined) return { ...o, error: 'option "-t" requires an argument' };
        o.table = t;
      } else if (f === "L" || f === "S" || f === "Z" || f === "V") {
        if (o.command && o.command !== f) return { ...o, error: `Cannot use -${f} with -${o.command}` };
        o.command = f;
        if (f !== "V") i = takesChain(i);
      } else {
        return { ...o, error: `unknown option "${a}"` };
      }
    }
  }
  return o;
}

/**
 * The two commands, reading a node's tables through `getRuleset`: the
 * iptables data plane's own, IPVS mode's few rules, or none in nftables mode.
 */
export function makeIptablesCommands(getRuleset: (node: string) => RulesetView | undefined): {
  iptables: Command;
  iptablesSave: Command;
} {
  const iptables: Command = (args, env) => {
    const o = parseIptablesArgs(args);
    if (o.error) return result("", `${PROG}: ${o.error}\n${TRY_HELP}`, 2);
    if (o.command === "V") return result(`${PROG}\n`);
    if (!o.command) return result("", `${PROG}: no command specified\n${TRY_HELP}`, 2);
    const view = rulesetFor(env, getRuleset);
    if (!view) {
      return result(
        "",
        `${PROG}: can't initialize iptables table \`${o.table}': Permission denied (you must be root)\n${UPGRADE}`,
        3,
      );
    }
    const table = isTable(o.table) ? view.ruleset.tables[o.table] : undefined;
    if (!table) {
      return result(
        "",
        `${PROG}: can't initialize iptables table \`${o.table}': Table does not exist (do you need to insmod?)\n${UPGRADE}`,
        3,
      );
    }
    const opts = {
      numeric: o.numeric,
      verbose: o.verbose,
      exact: o.exact,
      lineNumbers: o.lineNumbers,
      ...(o.chain !== undefined ? { chain: o.chain } : {}),
    };
    if (o.command === "Z") {
      if (o.chain !== undefined && !table.chains.has(o.chain))
        return result("", "iptables: No chain/target/match by that name.\n", 1);
      zeroCounters(table, o.chain);
      return result("");
    }
    const out = readAll(view, () => (o.command === "S" ? listRules(table, opts) : listTable(table, opts)));
    return result(out.stdout, out.stderr, out.exitCode);
  };

  const iptablesSave: Command = (args, env) => {
    let table: string | undefined;
    let counters = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "-c" || a === "--counters") counters = true;
      else if (a === "-t" || a === "--table") table = args[++i];
      else if (a.startsWith("--table=")) table = a.slice(8);
      else return result("", `${SAVE_PROG}: unknown option "${a}"\n`, 1);
    }
    const view = rulesetFor(env, getRuleset);
    if (!view)
      return result("", `${SAVE_PROG}: Cannot initialize: Permission denied (you must be root)\n\n`, 1);
    if (table !== undefined && !(isTable(table) && view.ruleset.tables[table])) {
      return result(
        "",
        `${SAVE_PROG}: Cannot initialize: Table does not exist (do you need to insmod?)\n\n`,
        1,
      );
    }
    const nowMs = env.cluster.clock.now();
    const opts = { nowMs, counters, ...(table !== undefined ? { table: table as TableName } : {}) };
    return result(readAll(view, () => renderSave(view.ruleset, opts)));
  };

  return { iptables, iptablesSave };
}
