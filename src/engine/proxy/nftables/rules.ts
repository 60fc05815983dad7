/**
 * Rule constructors: each builds the structured rule and the exact text
 * `nft list` prints for it (nft 1.0.6 output, checked against the kernel:
 * marks as 8 hex digits with `meta`, one-element anonymous sets unwrapped,
 * interval sets sorted).
 */
import { cidrOf, formatCidr, type IPv4, numberToIp } from "../../api/ipv4";
import type { Action, Cidr, Cond, NftRule, Stmt, Verdict } from "./model";

function hex8(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, "0")}`;
}

/**
 * An anonymous interval set as nft lists it: sorted, with ranges that
 * overlap or touch merged (auto-merge), shown as a prefix when aligned
 * and `a-b` otherwise. Adjacent single addresses stay apart.
 */
/** A prefix as nft prints it: a host address without `/32`. */
function nftPrefix(cidr: Cidr): string {
  return cidr.prefix === 32 ? numberToIp(cidr.network) : formatCidr(cidr);
}

function mergedIntervals(cidrs: readonly Cidr[]): string[] {
  const ranges = cidrs
    .map((c) => ({ lo: c.network as number, hi: c.network + c.size - 1, single: c.prefix === 32 }))
    .sort((a, b) => a.lo - b.lo || b.hi - a.hi);
  const out: { lo: number; hi: number; single: boolean }[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && (r.lo <= last.hi || (r.lo === last.hi + 1 && !(r.single && last.single)))) {
      last.hi = Math.max(last.hi, r.hi);
      last.single = false;
    } else out.push({ ...r });
  }
  return out.map(({ lo, hi }) => {
    const size = hi - lo + 1;
    const bits = 32 - Math.log2(size);
    return Number.isInteger(bits) && lo % size === 0
      ? nftPrefix(cidrOf(lo as IPv4, bits))
      : `${numberToIp(lo)}-${numberToIp(hi)}`;
  });
}

function condText(c: Cond): string {
  switch (c.k) {
    case "ctNew":
      return "ct state new";
    case "addr": {
      const items = c.cidrs.length === 1 && c.cidrs[0] ? [nftPrefix(c.cidrs[0])] : mergedIntervals(c.cidrs);
      const value = items.length === 1 ? items[0] : `{ ${items.join(", ")} }`;
      return `ip ${c.field} ${c.neg ? "!= " : ""}${value}`;
    }
    case "host":
      return `ip ${c.field} ${c.text}`;
    case "inSet":
      return `ip ${c.field} @${c.set}`;
    case "fibSaddrLocal":
      return "fib saddr type local";
    case "markZero":
      return `meta mark & ${hex8(c.mask)} == ${hex8(0)}`;
    case "l4proto":
      return `meta l4proto ${c.proto}`;
  }
}

function stmtText(s: Stmt): string {
  switch (s.k) {
    case "markOr":
      return `meta mark set meta mark | ${hex8(s.value)}`;
    case "markXor":
      return `meta mark set meta mark ^ ${hex8(s.value)}`;
    case "update":
      return `update @${s.set} { ip saddr }`;
    case "dnat":
      return `dnat to ${s.ip}:${s.port}`;
    case "masquerade":
      return "masquerade fully-random";
  }
}

/** `numgen random mod N vmap { 0 : goto A, 1 : goto B }`, joined once from its pieces. */
function numgenText(targets: readonly string[]): string {
  const p: (string | number)[] = [];
  let k = 0;
  p[k++] = "numgen random mod ";
  p[k++] = targets.length;
  p[k++] = " vmap { ";
  for (let i = 0; i < targets.length; i++) {
    if (i > 0) p[k++] = ", ";
    p[k++] = i;
    p[k++] = " : goto ";
    p[k++] = targets[i] as string;
  }
  p[k++] = " }";
  return p.join("");
}

/** A verdict or vmap as nft prints it. */
export function actionText(a: Action): string {
  switch (a.k) {
    case "jump":
    case "goto":
      return `${a.k} ${a.chain}`;
    case "vmap":
      return `${a.key === "addr.proto.port" ? "ip daddr . " : ""}meta l4proto . th dport vmap @${a.map}`;
    case "numgen":
      return numgenText(a.targets);
    default:
      return a.k;
  }
}

const NONE: never[] = [];

type NumgenAction = Extract<Action, { k: "numgen" }>;

/**
 * A bare numgen rule (a service chain's load balancing). Its text names
 * every endpoint chain, so it is rendered when first read (a listing, a
 * trace) and kept, not when the table is built: a 10,000-Service table
 * holds 10,000 of them that nothing may ever show.
 */
class NumgenRule implements NftRule {
  readonly conds: Cond[] = NONE;
  readonly stmts: Stmt[] = NONE;
  #text: string | undefined = undefined;

  constructor(readonly action: NumgenAction) {}

  get text(): string {
    this.#text ??= numgenText(this.action.targets);
    return this.#text;
  }

  /** The whole rule is its action. */
  get actionText(): string {
    return this.text;
  }
}

/** Builds a rule from its parts, rendering its text once (a bare numgen rule's when first read). */
export function rule(parts: { conds?: Cond[]; stmts?: Stmt[]; action?: Action; comment?: string }): NftRule {
  if (parts.action?.k === "numgen" && !parts.conds && !parts.stmts && parts.comment === undefined)
    return new NumgenRule(parts.action);
  const conds = parts.conds ?? NONE;
  const stmts = parts.stmts ?? NONE;
  let text = "";
  for (const c of conds) text += text ? ` ${condText(c)}` : condText(c);
  for (const st of stmts) text += text ? ` ${stmtText(st)}` : stmtText(st);
  const action = parts.action ? actionText(parts.action) : undefined;
  if (action !== undefined) text += text ? ` ${action}` : action;
  if (parts.comment !== undefined) text += ` comment "${parts.comment}"`;
  const r: NftRule = { conds, stmts, text };
  if (parts.action) {
    r.action = parts.action;
    r.actionText = action;
  }
  if (parts.comment !== undefined) r.comment = parts.comment;
  return r;
}

/** `ip saddr|daddr ADDR` for one address. */
export function host(field: "saddr" | "daddr", ip: string, n: number): Cond {
  return { k: "host", field, ip: n, text: ip };
}

/** `jump X` / `goto X` as an action. */
export function jump(chain: string): Verdict {
  return { k: "jump", chain };
}

export function goto(chain: string): Verdict {
  return { k: "goto", chain };
}
