/** Options of the match extensions kube-proxy uses, parsed as libxt_* parses them. */
import { ipToNumber } from "../../../api/ipv4";
import { type Cursor, RuleParseError, take } from "./errors";
import { CT_STATES, type CtStateName, type Match, type PortRange } from "./types";

/** `RELATED,ESTABLISHED` → states in iptables' canonical order. */
export function parseCtStates(list: string): CtStateName[] {
  const wanted = new Set(list.split(",").map((s) => s.trim().toUpperCase()));
  for (const s of wanted) {
    if (!(CT_STATES as readonly string[]).includes(s)) throw new RuleParseError(`Bad ctstate "${s}"`);
  }
  return CT_STATES.filter((s) => wanted.has(s));
}

function port(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new RuleParseError(`invalid port/service \`${text}' specified`);
  return n;
}

function portRange(text: string, invert: boolean): PortRange {
  const [a, b] = text.split(":");
  const min = a === "" || a === undefined ? 0 : port(a);
  const max = b === undefined ? min : b === "" ? 65535 : port(b);
  return { min, max, invert };
}

/** `0x4000` or `0x4000/0x4000` (mask defaults to all ones). */
export function parseMarkMask(text: string): { value: number; mask: number } {
  const [v, m] = text.split("/");
  const value = Number(v);
  const mask = m === undefined ? 0xffffffff : Number(m);
  if (!Number.isInteger(value) || !Number.isInteger(mask))
    throw new RuleParseError(`Bad MARK value "${text}"`);
  return { value: value >>> 0, mask: mask >>> 0 };
}

/**
 * Applies one option to a match if the match knows it; returns false if the
 * option belongs to some other extension.
 */
export function parseMatchOption(m: Match, opt: string, cur: Cursor, invert: boolean): boolean {
  switch (m.name) {
    case "comment":
      if (opt !== "--comment") return false;
      m.comment = take(cur, opt);
      return true;
    case "tcp":
    case "udp":
    case "sctp":
      if (opt === "--dport" || opt === "--destination-port") m.dport = portRange(take(cur, opt), invert);
      else if (opt === "--sport" || opt === "--source-port") m.sport = portRange(take(cur, opt), invert);
      else return false;
      return true;
    case "addrtype":
      if (opt === "--dst-type") m.dstType = { type: take(cur, opt), invert };
      else if (opt === "--src-type") m.srcType = { type: take(cur, opt), invert };
      else return false;
      return true;
    case "statistic":
      if (opt === "--mode") {
        const mode = take(cur, opt);
        if (mode !== "random") throw new RuleParseError(`statistic: mode "${mode}" is not simulated`);
      } else if (opt === "--probability") {
        const p = Number(take(cur, opt));
        if (!(p >= 0 && p <= 1)) throw new RuleParseError("--probability must be between 0 and 1");
        // libxt_statistic: the kernel keeps lround(p * 2^31).
        m.threshold = Math.round(p * 0x80000000);
        m.invert = invert;
      } else return false;
      return true;
    case "recent":
      return parseRecentOption(m, opt, cur, invert);
    case "mark":
      if (opt !== "--mark") return false;
      {
        const mm = parseMarkMask(take(cur, opt));
        m.value = mm.value;
        m.mask = mm.mask;
        m.invert = invert;
      }
      return true;
    case "conntrack":
      if (opt !== "--ctstate") return false;
      m.states = parseCtStates(take(cur, opt));
      m.invert = invert;
      return true;
    case "nfacct":
      if (opt !== "--nfacct-name") return false;
      m.nfacctName = take(cur, opt);
      return true;
    case "physdev":
      if (opt !== "--physdev-is-in") return false;
      m.isIn = { invert };
      return true;
    case "set":
      if (opt !== "--match-set") return false;
      m.setName = take(cur, opt);
      m.flags = take(cur, opt)
        .split(",")
        .map((f) => (f === "src" ? "src" : "dst"));
      m.invert = invert;
      return true;
  }
}

function parseRecentOption(
  m: Extract<Match, { name: "recent" }>,
  opt: string,
  cur: Cursor,
  invert: boolean,
): boolean {
  switch (opt) {
    case "--set":
    case "--rcheck":
    case "--update":
    case "--remove":
      m.command = opt.slice(2) as "set" | "rcheck" | "update" | "remove";
      m.invert = invert;
      return true;
    case "--name":
      m.listName = take(cur, opt);
      return true;
    case "--seconds":
      m.seconds = Number(take(cur, opt));
      return true;
    case "--hitcount":
      m.hitcount = Number(take(cur, opt));
      return true;
    case "--reap":
      m.reap = true;
      return true;
    case "--rsource":
      m.side = "source";
      return true;
    case "--rdest":
      m.side = "dest";
      return true;
    case "--mask": {
      const mask = ipToNumber(take(cur, opt));
      if (mask === undefined) throw new RuleParseError("recent: bad --mask");
      m.mask = mask;
      return true;
    }
    default:
      return false;
  }
}
