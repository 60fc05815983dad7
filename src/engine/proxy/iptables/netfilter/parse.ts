/**
 * Rule-spec parsing, as `iptables`/`iptables-restore` does it: generic
 * options (`-s -d -i -o -p`), `-m` extension blocks whose options follow them,
 * implicit protocol matches (`-p tcp --dport 80`), then `-j`/`-g` and the
 * target's own options.
 */
import { cidrOf, ipToNumber } from "../../../api/ipv4";
import { type Cursor, RuleParseError, take } from "./errors";
import { parseMatchOption } from "./parseMatch";
import { parseTargetOption, targetFor } from "./parseTarget";
import type { Match, Rule, Target } from "./types";

export { RuleParseError } from "./errors";

const PROTOCOLS: Record<string, number> = { all: 0, tcp: 6, udp: 17, sctp: 132, icmp: 1 };

/** Protocol number to the name iptables prints. */
export function protoName(proto: number): string {
  for (const [name, num] of Object.entries(PROTOCOLS)) if (num === proto) return name;
  return String(proto);
}

/** Strips the quotes iptables-restore's tokenizer removes. */
export function unquote(token: string): string {
  if (token.length >= 2 && token.startsWith('"') && token.endsWith('"')) {
    const inner = token.slice(1, -1);
    return inner.includes("\\") ? inner.replace(/\\(["\\'])/g, "$1") : inner;
  }
  return token;
}

/** Splits one restore line into arguments, honouring double quotes like iptables-restore. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "\\" && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (c === '"') {
      inQuote = !inQuote;
      has = true;
    } else if (!inQuote && (c === " " || c === "\t")) {
      if (has) out.push(cur);
      cur = "";
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

function addr(text: string, invert: boolean) {
  const net = parseAddressMask(text);
  if (!net) throw new RuleParseError(`host/network \`${text}' not found`);
  return { addr: net.network as number, mask: net.mask, prefix: net.prefix, invert };
}

/** iptables' `-s`/`-d` argument: an address, optionally `/len` or `/dotted.mask` (a bare address is /32). */
function parseAddressMask(text: string) {
  const slash = text.indexOf("/");
  const ip = ipToNumber(slash < 0 ? text : text.slice(0, slash));
  if (ip === undefined) return undefined;
  if (slash < 0) return cidrOf(ip, 32);
  const m = text.slice(slash + 1);
  if (/^\d{1,2}$/.test(m)) return Number(m) > 32 ? undefined : cidrOf(ip, Number(m));
  const dotted = ipToNumber(m);
  return dotted === undefined
    ? undefined
    : cidrOf(ip, dotted === 0 ? 0 : 32 - Math.log2((~dotted >>> 0) + 1));
}

/** Parses one rule's arguments (without `-A CHAIN`). Quoted tokens may keep their quotes. */
export function parseRule(args: readonly string[]): Rule {
  const rule: Rule = {
    proto: 0,
    protoInvert: false,
    matches: [],
    counters: { pkts: 0, bytes: 0 },
  };
  let invert = false;
  let target: Target | undefined;
  const cur: Cursor = { args, i: 0 };
  for (; cur.i < args.length; cur.i++) {
    const a = args[cur.i]!;
    switch (a) {
      case "!":
        invert = true;
        continue;
      case "-s":
      case "--source":
      case "--src":
        rule.src = addr(take(cur, a), invert);
        break;
      case "-d":
      case "--destination":
      case "--dst":
        rule.dst = addr(take(cur, a), invert);
        break;
      case "-i":
      case "--in-interface":
        rule.inIface = { name: take(cur, a), invert };
        break;
      case "-o":
      case "--out-interface":
        rule.outIface = { name: take(cur, a), invert };
        break;
      case "-p":
      case "--protocol": {
        const p = take(cur, a).toLowerCase();
        const num = PROTOCOLS[p] ?? (/^\d+$/.test(p) ? Number(p) : undefined);
        if (num === undefined) throw new RuleParseError(`unknown protocol "${p}" specified`);
        rule.proto = num;
        rule.protoInvert = invert;
        break;
      }
      case "-m":
      case "--match":
        rule.matches.push(emptyMatch(take(cur, a)));
        break;
      case "-j":
      case "--jump":
      case "-g":
      case "--goto":
        target = targetFor(take(cur, a), a === "-g" || a === "--goto");
        break;
      default: {
        if (target && parseTargetOption(target, a, cur)) break;
        if (!applyToMatches(rule, a, cur, invert)) throw new RuleParseError(`unknown option "${a}"`);
      }
    }
    invert = false;
  }
  if (target) rule.target = target;
  return rule;
}

function applyToMatches(rule: Rule, opt: string, value: Cursor, invert: boolean): boolean {
  for (let m = rule.matches.length - 1; m >= 0; m--) {
    if (parseMatchOption(rule.matches[m]!, opt, value, invert)) return true;
  }
  // `-p tcp --dport 80` without `-m tcp` loads the protocol's match implicitly.
  const implicit = protoName(rule.proto);
  if ((implicit === "tcp" || implicit === "udp" || implicit === "sctp") && /^--(d|s)port$/.test(opt)) {
    const m: Match = { name: implicit };
    rule.matches.push(m);
    return parseMatchOption(m, opt, value, invert);
  }
  return false;
}

function emptyMatch(name: string): Match {
  switch (name) {
    case "comment":
      return { name, comment: "" };
    case "tcp":
    case "udp":
    case "sctp":
      return { name };
    case "addrtype":
      return { name };
    case "statistic":
      return { name, mode: "random", threshold: 0, invert: false };
    case "recent":
      return {
        name,
        listName: "DEFAULT",
        command: "set",
        seconds: 0,
        reap: false,
        hitcount: 0,
        side: "source",
        mask: 0xffffffff,
        invert: false,
      };
    case "mark":
      return { name, value: 0, mask: 0xffffffff, invert: false };
    case "conntrack":
      return { name, states: [], invert: false };
    case "nfacct":
      return { name, nfacctName: "" };
    case "set":
      return { name, setName: "", flags: [], invert: false };
    case "physdev":
      return { name };
    default:
      throw new RuleParseError(`Couldn't load match \`${name}':No such file or directory`);
  }
}
