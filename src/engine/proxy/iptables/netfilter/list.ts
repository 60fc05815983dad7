/**
 * `iptables [-t T] -L [CHAIN] [-n] [-v] [-x] [--line-numbers]` and `-S`:
 * the column layout of `print_header` / `print_rule_details` /
 * `print_ipv4_addresses` in `iptables/xshared.c`, with every `%-Ns` width
 * (and the trailing blanks they leave) reproduced.
 */
import { numberToIp } from "../../../api/ipv4";
import { readRules } from "./lazy";
import { protoName } from "./parse";
import { printMatch, printTarget } from "./printText";
import { chainReferences, listedChains } from "./ruleset";
import { saveRule, targetName } from "./saveText";
import type { AddrMatch, Rule, Table } from "./types";

export interface ListOptions {
  chain?: string;
  numeric?: boolean;
  verbose?: boolean;
  /** `-x`: exact counters instead of K/M/G. */
  exact?: boolean;
  lineNumbers?: boolean;
}

/** What the command prints; a missing chain is an error, as in iptables. */
export interface ListOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const NO_CHAIN = "iptables: No chain/target/match by that name.\n";

const padEnd = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const padStart = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** `xtables_print_num` in a table column: `%5llu ` with K/M/G/T, or `%8llu ` with -x. */
export function printNum(n: number, exact: boolean): string {
  if (exact) return `${padStart(String(n), 8)} `;
  if (n <= 99999) return `${padStart(String(n), 5)} `;
  let v = n;
  for (const unit of ["K", "M", "G"]) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return `${padStart(String(v), 4)}${unit} `;
  }
  return `${padStart(String(Math.floor((v + 500) / 1000)), 4)}T `;
}

/** The same number without padding, as the chain header prints it. */
function headerNum(n: number, exact: boolean): string {
  return printNum(n, exact).trimStart();
}

function addrText(a: AddrMatch | undefined, numeric: boolean): string {
  if (!a || a.mask === 0) return numeric ? "0.0.0.0/0" : "anywhere";
  // NOTE: without -n iptables resolves names via DNS; addresses are printed numerically here.
  return a.prefix === 32 ? numberToIp(a.addr) : `${numberToIp(a.addr)}/${a.prefix}`;
}

function header(table: Table, name: string, refs: number, o: ListOptions): string {
  const chain = table.chains.get(name)!;
  let s = `Chain ${name}`;
  if (chain.policy) {
    s += ` (policy ${chain.policy}`;
    if (o.verbose)
      s += ` ${headerNum(chain.counters.pkts, !!o.exact)}packets, ${headerNum(chain.counters.bytes, !!o.exact)}bytes`;
    s += ")\n";
  } else {
    s += ` (${refs} references)\n`;
  }
  if (o.lineNumbers) s += "num  ";
  if (o.verbose) s += o.exact ? `${padStart("pkts", 8)} ${padStart("bytes", 10)} ` : " pkts bytes ";
  s += `${padEnd("target", 9)}  prot opt`;
  if (o.verbose) s += ` ${padEnd("in", 6)} ${padEnd("out", 6)} `;
  s += ` ${padEnd("source", 19)}  ${padEnd("destination", 19)} \n`;
  return s;
}

function row(rule: Rule, num: number, o: ListOptions): string {
  const numeric = !!o.numeric;
  let s = o.lineNumbers ? `${padEnd(String(num), 4)} ` : "";
  if (o.verbose) s += printNum(rule.counters.pkts, !!o.exact) + printNum(rule.counters.bytes, !!o.exact);
  s += `${padEnd(targetName(rule.target), 9)} ${rule.protoInvert ? "!" : " "}${padEnd(protoName(rule.proto), 4)} -- `;
  if (o.verbose) {
    const any = numeric ? "*" : "any";
    const i = rule.inIface ? `${rule.inIface.invert ? "!" : ""}${rule.inIface.name}` : any;
    const out = rule.outIface ? `${rule.outIface.invert ? "!" : ""}${rule.outIface.name}` : any;
    s += ` ${padEnd(i, 6)} ${padEnd(out, 6)} `;
  }
  s += `${rule.src?.invert ? "!" : " "}${padEnd(addrText(rule.src, numeric), 19)} `;
  s += `${rule.dst?.invert ? "!" : " "}${padEnd(addrText(rule.dst, numeric), 19)} `;
  if (rule.target?.name === "jump" && rule.target.goto) s += "[goto] ";
  for (const m of rule.matches) s += printMatch(m, numeric);
  return `${s}${printTarget(rule.target)}\n`;
}

/** `iptables -L`: every chain (or one), blank line between chains. */
export function listTable(table: Table, o: ListOptions): ListOutput {
  if (o.chain !== undefined && !table.chains.has(o.chain))
    return { stdout: "", stderr: NO_CHAIN, exitCode: 1 };
  const refs = chainReferences(table);
  const parts: string[] = [];
  for (const name of listedChains(table)) {
    if (o.chain !== undefined && name !== o.chain) continue;
    let s = header(table, name, refs[name] ?? 0, o);
    readRules(table.chains.get(name)!).forEach((r, i) => {
      s += row(r, i + 1, o);
    });
    parts.push(s);
  }
  return { stdout: parts.join("\n"), stderr: "", exitCode: 0 };
}

/** `iptables -S [CHAIN]`: `-P`/`-N` lines then the rules in save syntax (`-v` adds `-c pkts bytes`). */
export function listRules(table: Table, o: ListOptions): ListOutput {
  if (o.chain !== undefined && !table.chains.has(o.chain))
    return { stdout: "", stderr: NO_CHAIN, exitCode: 1 };
  const names = listedChains(table).filter((n) => o.chain === undefined || n === o.chain);
  const lines: string[] = [];
  for (const n of names) {
    const c = table.chains.get(n)!;
    if (c.policy)
      lines.push(`-P ${n} ${c.policy}${o.verbose ? ` -c ${c.counters.pkts} ${c.counters.bytes}` : ""}`);
    else lines.push(`-N ${n}`);
  }
  for (const n of names) {
    for (const r of readRules(table.chains.get(n)!)) {
      lines.push(o.verbose ? `${saveRule(n, r)} -c ${r.counters.pkts} ${r.counters.bytes}` : saveRule(n, r));
    }
  }
  return { stdout: lines.length ? `${lines.join("\n")}\n` : "", stderr: "", exitCode: 0 };
}
