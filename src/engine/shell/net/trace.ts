/**
 * `trace [--from POD|NODE|external] [--sport PORT] TARGET[:PORT] [-v] [-o json]` —
 * Packetwalk's own tool: the hop list of one connection, one line per hop
 * with the rule that matched and its cost, then the totals. `-v` adds each
 * hop's walk under it as a compact tree (every rule tested, the draws, what
 * IPVS did, the conntrack entry); `-o json` prints the Trace.
 */
import type { PacketSource } from "../../net/contract";
import { hopStory } from "../../net/hopStory";
import { english } from "../../net/messages";
import type { Trace, TraceHop } from "../../net/types";
import { formatTable } from "../../util/tabwriter";
import type { Command, CommandEnv } from "../types";
import { sourceOf } from "./netEnv";

const USAGE =
  "usage: trace [--from POD|NAMESPACE/POD|NODE|external] [--sport PORT] TARGET[:PORT] [-v] [-o json]\n";

function parseFrom(value: string, env: CommandEnv): PacketSource | string {
  if (value === "external") return { type: "external" };
  if (env.cluster.store.get("Node", undefined, value)) return { type: "node", node: value };
  const [ns, name] = value.includes("/") ? value.split("/", 2) : ["default", value];
  if (ns && name && env.cluster.store.get("Pod", ns, name)) return { type: "pod", namespace: ns, name };
  return `trace: no pod or node named "${value}"\n`;
}

export const trace: Command = (args, env) => {
  let from: PacketSource = sourceOf(env);
  let json = false;
  let verbose = false;
  let target: string | undefined;
  let sport: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--from" || a.startsWith("--from=")) {
      const v = a.includes("=") ? a.slice(7) : args[++i];
      if (!v) return { stdout: "", stderr: USAGE, exitCode: 2 };
      const f = parseFrom(v, env);
      if (typeof f === "string") return { stdout: "", stderr: f, exitCode: 1 };
      from = f;
    } else if (a === "--sport" || a.startsWith("--sport=")) {
      const v = a.includes("=") ? a.slice(8) : args[++i];
      if (!v || !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 65535)
        return { stdout: "", stderr: `trace: invalid source port "${v ?? ""}": 1 to 65535\n`, exitCode: 2 };
      sport = Number(v);
    } else if (a === "-o" || a.startsWith("-o")) {
      const v = a === "-o" ? args[++i] : a.slice(2).replace(/^=/, "");
      if (v !== "json")
        return { stdout: "", stderr: `trace: unknown output format "${v ?? ""}"\n`, exitCode: 2 };
      json = true;
    } else if (a === "-v" || a === "--verbose") verbose = true;
    else if (a.startsWith("-")) return { stdout: "", stderr: USAGE, exitCode: 2 };
    else target = a;
  }
  if (!target) return { stdout: "", stderr: USAGE, exitCode: 2 };
  const t = env.net.send({ from, target, ...(sport ? { sport } : {}) });
  const stdout = json ? `${JSON.stringify(t, null, 2)}\n` : renderTrace(t, verbose);
  return {
    stdout,
    stderr: "",
    exitCode: t.verdict === "delivered" ? 0 : 1,
    effects: [{ type: "trace", trace: t }],
  };
};

function where(h: TraceHop): string {
  if (h.place.pod) return `${h.place.namespace}/${h.place.pod}`;
  if (h.place.node) return `${h.place.node}${h.place.interface ? ` ${h.place.interface}` : ""}`;
  return "outside";
}

function rewrite(h: TraceHop): string {
  const r = h.rewrite;
  return r ? `${r.type} ${r.before.ip}:${r.before.port} → ${r.after.ip}:${r.after.port}` : "";
}

/** The human view of a Trace: a table of hops (each with its walk under it, `verbose`), then verdict and totals. */
export function renderTrace(t: Trace, verbose = false): string {
  const src = t.source.pod
    ? `pod ${t.source.namespace}/${t.source.pod}`
    : t.source.node
      ? `node ${t.source.node}`
      : "external client";
  const rows: string[][] = [["#", "DIR", "WHERE", "STAGE", "RULE", "REWRITE", "COST"]];
  t.hops.forEach((h, i) => {
    const rule = (h.rule ?? h.note ?? "").split("\n")[0] ?? "";
    const cost =
      h.cost.rulesEvaluated || h.cost.lookups
        ? `${h.cost.rulesEvaluated} rules, ${h.cost.lookups} lookups`
        : "-";
    rows.push([String(i + 1), h.direction, where(h), h.stage, rule, rewrite(h), cost]);
  });
  const table = formatTable(rows, { minwidth: 0, padding: 2 }).trimEnd().split("\n");
  const body = verbose
    ? table.flatMap((row, i) => {
        const hop = i > 0 ? t.hops[i - 1] : undefined;
        return hop ? [row, ...hopStory(hop, english).map((l) => `    ${l}`)] : [row];
      })
    : table;
  const lines = [
    `trace from ${src} (${t.source.ip}) to ${t.target}, kube-proxy mode ${t.mode}`,
    "",
    ...body,
    "",
  ];
  const b = t.backend;
  lines.push(
    `verdict: ${t.verdict}${b ? ` (backend ${b.namespace}/${b.pod} ${b.ip}:${b.port}${b.node ? ` on ${b.node}` : ""})` : ""}`,
  );
  if (t.message) lines.push(`message: ${t.message}`);
  if (t.noEndpoints) lines.push(`why: ${english(t.noEndpoints)}`);
  lines.push(`cost of the first packet: ${t.cost.rulesEvaluated} rules evaluated, ${t.cost.lookups} lookups`);
  return `${lines.join("\n")}\n`;
}
