/**
 * A rule as `iptables-save` (legacy) prints it back from the kernel:
 * `-A CHAIN`, `-s`, `-d`, `-i`, `-o`, `-p`, the `-m` blocks in the order they
 * were given with each extension's save() text, then `-j TARGET` and its
 * options (`iptables/iptables-save.c`, `libiptc`, `extensions/libxt_*.c`).
 */
import { numberToIp } from "../../../api/ipv4";
import { protoName } from "./parse";
import type { AddrMatch, IfaceMatch, Match, PortRange, Rule, Target } from "./types";

/** `xtables_save_string`: quoted unless only `[A-Za-z0-9_-]`, with `"\'` escaped. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/(["\\'])/g, "\\$1")}"`;
}

/** `0x4000` as printf's `0x%x`. */
export function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

/** A probability threshold as iptables prints it: `%.11f` of threshold / 2^31. */
export function formatProbability(threshold: number): string {
  return (threshold / 0x80000000).toFixed(11);
}

function saveAddr(letter: string, a: AddrMatch | undefined): string {
  if (!a) return "";
  return `${a.invert ? " !" : ""} -${letter} ${numberToIp(a.addr)}/${a.prefix}`;
}

function saveIface(letter: string, i: IfaceMatch | undefined): string {
  if (!i || (i.name === "+" && !i.invert)) return "";
  return `${i.invert ? " !" : ""} -${letter} ${i.name}`;
}

function savePorts(flag: string, r: PortRange | undefined): string {
  if (!r || (r.min === 0 && r.max === 65535 && !r.invert)) return "";
  const range = r.min === r.max ? `${r.min}` : `${r.min}:${r.max}`;
  return `${r.invert ? " !" : ""} ${flag} ${range}`;
}

/** The text a match's save() prints after ` -m <name>`. */
export function saveMatch(m: Match): string {
  switch (m.name) {
    case "comment":
      return ` --comment${saveString(m.comment)}`;
    case "tcp":
    case "udp":
    case "sctp":
      return savePorts("--sport", m.sport) + savePorts("--dport", m.dport);
    case "addrtype": {
      const src = m.srcType ? `${m.srcType.invert ? " !" : ""} --src-type ${m.srcType.type}` : "";
      const dst = m.dstType ? `${m.dstType.invert ? " !" : ""} --dst-type ${m.dstType.type}` : "";
      return src + dst;
    }
    case "statistic":
      return ` --mode random${m.invert ? " !" : ""} --probability ${formatProbability(m.threshold)}`;
    case "recent":
      return (
        `${m.invert ? " !" : ""} --${m.command}` +
        (m.seconds ? ` --seconds ${m.seconds}` : "") +
        (m.reap ? " --reap" : "") +
        (m.hitcount ? ` --hitcount ${m.hitcount}` : "") +
        ` --name ${m.listName} --mask ${numberToIp(m.mask)}` +
        (m.side === "source" ? " --rsource" : " --rdest")
      );
    case "mark":
      return `${m.invert ? " !" : ""} --mark ${markText(m.value, m.mask)}`;
    case "conntrack":
      return `${m.invert ? " !" : ""} --ctstate ${m.states.join(",")}`;
    case "nfacct":
      return ` --nfacct-name ${saveString(m.nfacctName)}`;
    case "set":
      return ` ${m.invert ? "! " : ""}--match-set ${m.setName} ${m.flags.join(",")}`;
    case "physdev":
      return m.isIn ? `${m.isIn.invert ? " !" : ""} --physdev-is-in` : "";
  }
}

/** libxt_mark's print_mark: `0x%x/0x%x`, or just `0x%x` for an all-ones mask. */
export function markText(value: number, mask: number): string {
  return mask === 0xffffffff ? hex(value) : `${hex(value)}/${hex(mask)}`;
}

function hostPort(t: { ip: string; port?: number }): string {
  return t.port === undefined ? t.ip : `${t.ip}:${t.port}`;
}

/** The target name iptables shows (`-j X`, the `target` column of `-L`); "" for none. */
export function targetName(t: Target | undefined): string {
  if (!t) return "";
  return t.name === "jump" ? t.chain : t.name;
}

/** A target's save() options text. */
export function saveTarget(t: Target): string {
  switch (t.name) {
    case "DNAT":
      return ` --to-destination ${hostPort(t)}`;
    case "SNAT":
      return ` --to-source ${hostPort(t)}`;
    case "MASQUERADE":
      return (
        (t.toPorts ? ` --to-ports ${t.toPorts}` : "") +
        (t.random ? " --random" : "") +
        (t.randomFully ? " --random-fully" : "")
      );
    case "MARK":
      return ` --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case "REJECT":
      return ` --reject-with ${t.rejectWith}`;
    default:
      return "";
  }
}

/** The rule's body as iptables-save prints it, after `-A CHAIN`. */
export function saveRuleBody(rule: Rule): string {
  let s =
    saveAddr("s", rule.src) +
    saveAddr("d", rule.dst) +
    saveIface("i", rule.inIface) +
    saveIface("o", rule.outIface);
  if (rule.proto !== 0) s += `${rule.protoInvert ? " !" : ""} -p ${protoName(rule.proto)}`;
  for (const m of rule.matches) s += ` -m ${m.name}${saveMatch(m)}`;
  const t = rule.target;
  if (t) s += `${t.name === "jump" && t.goto ? " -g" : " -j"} ${targetName(t)}${saveTarget(t)}`;
  return s;
}

/** `-A CHAIN …` as iptables-save prints it (kept on the rule: rules are immutable once loaded). */
export function saveRule(chain: string, rule: Rule): string {
  rule.saveText ??= `-A ${chain}${saveRuleBody(rule)}`;
  return rule.saveText;
}
