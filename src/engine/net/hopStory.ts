/**
 * A hop's walk as text: each chain as a tree of the rules tested, what their
 * matches read, what IPVS did and the conntrack entry. One renderer for every
 * language: the terminal passes the English templates (`english`), the UI its
 * own translation of the same message keys. Rules, chains and conntrack lines
 * are the tools' own notation and are never translated.
 */
import type {
  ChainVisit,
  DestState,
  FoldStep,
  IpvsWalk,
  LeastRow,
  MatchTest,
  SchedulerReason,
  WalkPart,
} from "./hopWalk";
import { say, type TraceMessage } from "./messages";
import type { TraceHop } from "./types";

/** Turns a message into text in the reader's language. */
export type Words = (m: TraceMessage) => string;

/** A probability or a draw as iptables prints a probability: `%.11f`. */
export function fraction(x: number): string {
  return x.toFixed(11);
}

/** What a match read, in a sentence. */
export function testMessage(t: MatchTest): TraceMessage {
  switch (t.k) {
    case "statistic":
      return say(t.hit ? "walk.statisticHit" : "walk.statisticMiss", {
        draw: fraction(t.draw),
        probability: fraction(t.probability),
      });
    case "recent": {
      const at = { address: t.address, list: t.list, seconds: t.seconds };
      if (t.command === "set") return say("walk.recentSet", at);
      if (t.ageMs === undefined) return say("walk.recentUnseen", at);
      const fresh = t.seconds === 0 || t.ageMs <= t.seconds * 1000;
      return say(fresh ? "walk.recentSeen" : "walk.recentStale", { ...at, age: Math.floor(t.ageMs / 1000) });
    }
    case "ipset":
      return say(t.hit ? "walk.ipsetHit" : "walk.ipsetMiss", { key: t.key, set: t.set });
    case "vmap":
      return t.element
        ? say("walk.vmapHit", { key: t.key, map: t.map, verdict: t.element.slice(t.key.length + 3) })
        : say("walk.vmapMiss", { key: t.key, map: t.map });
    case "set":
      if (!t.hit) return say("walk.setMiss", { key: t.key, set: t.set });
      return t.expiresInMs === undefined
        ? say("walk.setHit", { key: t.key, set: t.set })
        : say("walk.setLive", { key: t.key, set: t.set, seconds: Math.ceil(t.expiresInMs / 1000) });
    case "numgen":
      return say("walk.numgen", { value: t.value, max: t.mod - 1, element: t.element ?? "-" });
    case "update":
      return say("walk.update", { set: t.set, key: t.key, seconds: t.timeoutSeconds });
  }
}

/** A fold, in a sentence: how many rules, which, and the draws among them. */
export function foldMessage(f: FoldStep): TraceMessage {
  const values = { count: f.count, from: f.n, to: f.n + f.count - 1 };
  return f.draws ? say("walk.foldDraws", { ...values, draws: f.draws }) : say("walk.fold", values);
}

/** The cost a least-connection row is compared by, as the scheduler writes it. */
function costText(scheduler: "lc" | "wlc", r: LeastRow): string {
  return scheduler === "lc" ? String(r.overhead) : `${r.overhead}/${r.weight}`;
}

/** Why the scheduler chose `dest`: its reason, then its table, one line each. */
export function reasonMessages(reason: SchedulerReason, dest: string): TraceMessage[] {
  switch (reason.rule) {
    case "rr":
      return [
        reason.previous === null
          ? say("ipvs.rrFirst", { dest })
          : say("ipvs.rrNext", { previous: reason.previous, dest }),
        orderMessage(reason.dests),
      ];
    case "wrr":
      return [
        say("ipvs.wrr", { cw: reason.cw, mw: reason.mw, gcd: reason.gcd, dest }),
        orderMessage(reason.dests),
      ];
    case "least": {
      const s = reason.scheduler;
      if (s === "sed" || s === "nq")
        return [delayHead(s, reason.rows, dest, reason.idle), ...reason.rows.map(delayRow)];
      const head = tieMessage(s, reason.rows, dest) || say(`ipvs.${s}` as const, { dest });
      return [head, ...reason.rows.map((r) => rowMessage(s, r))];
    }
    case "hash": {
      const owner = reason.owner ?? "-";
      const lines = [
        say(`ipvs.${reason.scheduler}` as const, {
          input: reason.input,
          bucket: reason.bucket,
          size: reason.size,
          owner,
        }),
      ];
      if (reason.fallback) lines.push(say("ipvs.fallback", { owner, dest: reason.fallback }));
      return lines;
    }
    case "locality": {
      const values = {
        scheduler: reason.scheduler,
        daddr: reason.daddr,
        cached: reason.cached.join(", "),
        dest,
      };
      const key =
        reason.cache === "used"
          ? "ipvs.localityUsed"
          : reason.cache === "overloaded"
            ? "ipvs.localityOverloaded"
            : reason.cache === "unavailable"
              ? "ipvs.localityUnavailable"
              : "ipvs.localityNone";
      return [say(key, values), ...(reason.rows ?? []).map((r) => rowMessage("wlc", r))];
    }
  }
}

/**
 * When other servers cost what the chosen one costs, why it is this one: lc and wlc walk the list
 * in order and move only on a strictly smaller cost (ip_vs_lc.c `doh < loh`, ip_vs_wlc.c
 * `loh * d.weight > doh * least.weight`), so the first of the tied servers stays chosen.
 */
function tieMessage(
  scheduler: "lc" | "wlc",
  rows: readonly LeastRow[],
  dest: string,
): TraceMessage | undefined {
  const chosen = rows.find((r) => r.dest === dest);
  if (!chosen) return undefined;
  const eligible = rows.filter((r) => r.weight > 0);
  const tied = eligible.filter((r) =>
    scheduler === "lc"
      ? r.overhead === chosen.overhead
      : r.overhead * chosen.weight === chosen.overhead * r.weight,
  );
  if (tied.length < 2) return undefined;
  const values = { count: tied.length, cost: costText(scheduler, chosen), dest };
  return tied.length === eligible.length
    ? say(`ipvs.${scheduler}TieAll` as const, values)
    : say(`ipvs.${scheduler}Tie` as const, values);
}

/** An expected delay (active + 1) / weight as a number: exact, or to three places with ≈. */
export function delayText(overhead: number, weight: number): string {
  const value = overhead / weight;
  const rounded = Math.round(value * 1000) / 1000;
  return rounded * weight === overhead ? String(rounded) : `≈${rounded.toFixed(3)}`;
}

/**
 * sed's and nq's reason in their own terms, (C + 1) / W. nq returns the first server with no active
 * connection as its walk meets it (ip_vs_nq.c); otherwise both keep the first server of the list
 * with weight > 0 and move only when `loh * d.weight > doh * least.weight` (strict), so of servers
 * at the same delay the first in the list stays chosen.
 */
function delayHead(
  scheduler: "sed" | "nq",
  rows: readonly LeastRow[],
  dest: string,
  idle: string | undefined,
): TraceMessage {
  const eligible = rows.filter((r) => r.weight > 0);
  if (scheduler === "nq" && idle) {
    const idleCount = eligible.filter((r) => r.active === 0).length;
    return idleCount > 1 ? say("ipvs.nqIdleFirst", { count: idleCount, dest }) : say("ipvs.nqIdle", { dest });
  }
  const chosen = rows.find((r) => r.dest === dest);
  if (!chosen) return say(`ipvs.${scheduler}` as const, { delay: "-", dest });
  const delay = delayText(chosen.overhead, chosen.weight);
  const tied = eligible.filter((r) => r.overhead * chosen.weight === chosen.overhead * r.weight);
  if (tied.length < 2) return say(`ipvs.${scheduler}` as const, { delay, dest });
  const values = { count: tied.length, delay, dest };
  return tied.length === eligible.length
    ? say(`ipvs.${scheduler}TieAll` as const, values)
    : say(`ipvs.${scheduler}Tie` as const, values);
}

/** A real server's expected delay, or why it takes nothing (weight 0). */
function delayRow(r: LeastRow): TraceMessage {
  if (r.weight === 0) return say("ipvs.quiescedRow", { dest: r.dest, active: r.active });
  return say("ipvs.delayRow", {
    dest: r.dest,
    active: r.active,
    weight: r.weight,
    delay: delayText(r.overhead, r.weight),
  });
}

/** The destination list in the kernel's order, each with its weight. */
function orderMessage(dests: readonly DestState[]): TraceMessage {
  return say("ipvs.order", { dests: dests.map((d) => `${d.dest} (${d.weight})`).join(", ") });
}

function rowMessage(scheduler: "lc" | "wlc", r: LeastRow): TraceMessage {
  return say("ipvs.row", {
    dest: r.dest,
    active: r.active,
    inactive: r.inactive,
    weight: r.weight,
    cost: costText(scheduler, r),
  });
}

/** What IPVS did, one message a line. */
export function ipvsMessages(w: IpvsWalk): TraceMessage[] {
  const out: TraceMessage[] = [];
  if (w.outcome === "reply") return [say("ipvs.reply", { connection: w.connection ?? "" })];
  const key = w.service?.key ?? "";
  if (w.outcome === "not-virtual") return [say("ipvs.noService", { key })];
  out.push(say("ipvs.service", { key, line: w.service?.line ?? "" }));
  if (w.outcome === "existing") {
    out.push(say("ipvs.existing", { connection: w.connection ?? "" }));
    return out;
  }
  if (w.template)
    out.push(say(w.template.reused ? "ipvs.templateReused" : "ipvs.templateNew", { dest: w.template.dest }));
  if (w.schedule && w.dest) out.push(...reasonMessages(w.schedule.reason, w.dest));
  out.push(w.dest ? say("ipvs.masq", { dest: w.dest }) : say("ipvs.noDest"));
  return out;
}

/** The heading of a walked table: `nat PREROUTING`, `table ip kube-proxy chain nat-prerouting`, `IPVS LOCAL_IN`. */
export function partHeading(part: WalkPart): string {
  if (part.k === "ipvs") return `IPVS ${part.at}`;
  return part.family === "iptables"
    ? `${part.visit.table} ${part.visit.chain}`
    : `table ${part.visit.table} chain ${part.visit.chain}`;
}

function visitLines(v: ChainVisit, prefix: string, words: Words, out: string[]): void {
  v.steps.forEach((s, i) => {
    const last = i === v.steps.length - 1;
    const branch = `${prefix}${last ? "└─ " : "├─ "}`;
    const under = `${prefix}${last ? "   " : "│  "}`;
    if (s.k === "fold") {
      out.push(`${branch}… ${words(foldMessage(s))}`);
      return;
    }
    const decides = s.decided ? `  ← ${words(say("walk.decides"))}` : "";
    out.push(`${branch}${s.n} ${s.hit ? "✓" : "✗"} ${s.text}${decides}`);
    for (const t of s.tests ?? []) out.push(`${under}    ${words(testMessage(t))}`);
    if (s.call) {
      out.push(`${under}└─ ${words(say("walk.chain", { chain: s.call.chain, count: s.call.length }))}`);
      visitLines(s.call, `${under}   `, words, out);
    }
  });
}

/** A hop's story, one line each (empty for a hop that recorded none). */
export function hopStory(hop: TraceHop, words: Words): string[] {
  const out: string[] = [];
  for (const part of hop.walk ?? []) {
    out.push(partHeading(part));
    if (part.k === "netfilter") visitLines(part.visit, "", words, out);
    else {
      const lines = ipvsMessages(part);
      lines.forEach((m, i) => {
        out.push(`${i === lines.length - 1 ? "└─ " : "├─ "}${words(m)}`);
      });
    }
  }
  const ct = hop.conntrack;
  if (ct) out.push(words(say(`ct.${ct.event}` as const)), `   ${ct.line}`);
  return out;
}

/** What a hop's walk was about, for a callout that names it in a line or two. */
export interface HopSummary {
  /** The chain visit that tested the most rules (its share of the chain is `tested / length`). */
  longest?: { chain: string; tested: number; length: number };
  /** The sets and maps the hop looked up, by name (`KUBE-CLUSTER-IP`, `@service-ips`, `numgen`). */
  lookedUp: string[];
  /** What IPVS did: the virtual service, the scheduler's reason, the real server. */
  ipvs: TraceMessage[];
  /**
   * The tests that chose the way on the path taken: a statistic roll or a
   * numgen draw that picked the endpoint, a `recent` list or an affinity set
   * that remembered the client — "why this backend", rule by rule.
   */
  why: WhyStep[];
}

/** A test on the path taken that chose the way, with the chain and rule it belongs to. */
export interface WhyStep {
  chain: string;
  n: number;
  /** Where the rule sent the packet: `KUBE-SEP-…`, `goto endpoint-…`. */
  action: string;
  /** The test that chose; none when the rule tests nothing and takes what the rolls before it left. */
  test?: MatchTest;
  /** The statistic rolls before this rule in its chain that missed (when `test` is absent). */
  missed?: number;
}

/** Does this test choose among endpoints (not merely match the packet's address or port)? */
function chooses(t: MatchTest): boolean {
  return (
    t.k === "statistic" ||
    t.k === "numgen" ||
    (t.k === "recent" && t.command !== "set") ||
    (t.k === "set" && t.hit)
  );
}

/** A why step in a sentence: `KUBE-SVC-… rule 2 → KUBE-SEP-…: drew 0.066… < 0.333…: match`. */
export function whyMessage(w: WhyStep, words: Words): string {
  if (!w.test)
    return words(say("walk.whyRest", { chain: w.chain, n: w.n, action: w.action, count: w.missed ?? 0 }));
  // The rule's action already says where numgen's number led.
  const test =
    w.test.k === "numgen"
      ? say("walk.numgenDrew", { value: w.test.value, max: w.test.mod - 1 })
      : testMessage(w.test);
  return words(say("walk.why", { chain: w.chain, n: w.n, action: w.action, test: words(test) }));
}

export function hopSummary(hop: TraceHop): HopSummary {
  const summary: HopSummary = { lookedUp: [], ipvs: [], why: [] };
  const names = new Set<string>();
  const visit = (v: ChainVisit) => {
    if (!summary.longest || v.tested > summary.longest.tested)
      summary.longest = { chain: v.chain, tested: v.tested, length: v.length };
    // Rolls that missed so far in this chain: the rule after them with no roll of its own takes the rest.
    let missed = 0;
    for (const s of v.steps) {
      if (s.k !== "rule") {
        missed += s.draws ?? 0;
        continue;
      }
      const chose = (s.tests ?? []).filter(chooses);
      if (s.hit)
        for (const t of chose) summary.why.push({ chain: v.chain, n: s.n, action: s.action ?? "", test: t });
      if (s.hit && chose.length === 0 && missed > 0 && s.call)
        summary.why.push({ chain: v.chain, n: s.n, action: s.action ?? "", missed });
      missed += (s.tests ?? []).filter((t) => t.k === "statistic" && !t.hit).length;
      for (const t of s.tests ?? []) {
        if (t.k === "ipset") names.add(t.set);
        else if (t.k === "vmap") names.add(`@${t.map}`);
        else if (t.k === "set") names.add(`@${t.set}`);
        else if (t.k === "numgen") names.add("numgen");
      }
      if (s.call) visit(s.call);
    }
  };
  for (const part of hop.walk ?? []) {
    if (part.k === "netfilter") visit(part.visit);
    else {
      names.add("IPVS");
      const lines = ipvsMessages(part).filter((m) => m.key !== "ipvs.row" && m.key !== "ipvs.order");
      summary.ipvs.push(...lines);
    }
  }
  summary.lookedUp = [...names];
  return summary;
}
