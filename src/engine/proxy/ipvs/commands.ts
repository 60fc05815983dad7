/**
 * Shell commands for IPVS mode: `ipvsadm` and `ipset`. Factories take
 * `getDataPlane(node)` so the shell can wire them to the simulation.
 */
import type { Command, CommandResult } from "../../shell/types";
import { fail, ok } from "../../shell/types";
import type { IpvsDataPlane } from "./dataplane";
import { vsKey } from "./model";
import { renderIpset, renderIpsets } from "./render/ipset";
import { renderIpvsadmConnections, renderIpvsadmList } from "./render/ipvsadm";
import { setReferences } from "./rules";

export type GetDataPlane = (node: string) => IpvsDataPlane | undefined;

const IPVSADM_NOT_ROOT =
  "Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n";
const IPSET_VERSION = "v7.17";

interface IpvsadmArgs {
  list: boolean;
  numeric: boolean;
  conns: boolean;
  stats: boolean;
  rate: boolean;
  version: boolean;
  service?: { proto: "TCP" | "UDP" | "SCTP"; addr: string };
  bad?: string;
}

function parseIpvsadm(args: string[]): IpvsadmArgs {
  const a: IpvsadmArgs = {
    list: false,
    numeric: false,
    conns: false,
    stats: false,
    rate: false,
    version: false,
  };
  const svc = (proto: "TCP" | "UDP" | "SCTP", addr: string | undefined): void => {
    if (addr) a.service = { proto, addr };
    else a.bad = "option requires an argument";
  };
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    const long: Record<string, () => void> = {
      "--list": () => (a.list = true),
      "--numeric": () => (a.numeric = true),
      "--connection": () => (a.conns = true),
      "--stats": () => (a.stats = true),
      "--rate": () => (a.rate = true),
      "--version": () => (a.version = true),
      "--tcp-service": () => svc("TCP", args[++i]),
      "--udp-service": () => svc("UDP", args[++i]),
      "--sctp-service": () => svc("SCTP", args[++i]),
    };
    if (t.startsWith("--")) {
      const f = long[t];
      if (f) f();
      else a.bad = `unknown option ${t}`;
      continue;
    }
    if (!t.startsWith("-")) {
      a.bad = `unexpected argument ${t}`;
      continue;
    }
    for (const ch of t.slice(1)) {
      if (ch === "L" || ch === "l") a.list = true;
      else if (ch === "n") a.numeric = true;
      else if (ch === "c") a.conns = true;
      else if (ch === "v") a.version = true;
      else if (ch === "t") svc("TCP", args[++i]);
      else if (ch === "u") svc("UDP", args[++i]);
      else a.bad = `invalid option -- '${ch}'`;
    }
  }
  return a;
}

/** `ipvsadm`: lists the node's IPVS table (-Ln, --stats, --rate, -c, -t VIP:PORT). */
export function makeIpvsadm(getDataPlane: GetDataPlane): Command {
  return (args, env): CommandResult => {
    if (env.context.type !== "node") return fail(IPVSADM_NOT_ROOT, 2);
    const a = parseIpvsadm(args);
    if (a.version) return ok("ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n");
    if (a.bad)
      return fail(`ipvsadm: ${a.bad}\nTry \`ipvsadm -h' or 'ipvsadm --help' for more information.\n`, 2);
    const dp = getDataPlane(env.context.node);
    const now = env.cluster.clock.now();
    dp?.tick(now);
    if (a.conns) return ok(renderIpvsadmConnections(dp?.connections(now) ?? [], now, a.numeric));
    const services = dp ? [...dp.state.virtualServers.values()] : [];
    const opts = { numeric: a.numeric, stats: a.stats, rate: a.rate };
    if (a.service) {
      const m = /^(.+):(\d+)$/.exec(a.service.addr);
      const vs = m ? dp?.state.virtualServers.get(vsKey(a.service.proto, m[1]!, Number(m[2]))) : undefined;
      if (!vs) return fail("No such service\n", 1);
      return ok(renderIpvsadmList(services, { ...opts, only: vs }));
    }
    return ok(renderIpvsadmList(services, opts));
  };
}

/** `ipset list [NAME]`, `ipset -n list`, `ipset list -t`, `ipset version`. */
export function makeIpset(getDataPlane: GetDataPlane): Command {
  return (args, env): CommandResult => {
    if (env.context.type !== "node")
      return fail(`ipset ${IPSET_VERSION}: Kernel error received: Operation not permitted\n`);
    const words = args.filter((w) => !w.startsWith("-") || w === "-L");
    const namesOnly = args.includes("-n") || args.includes("-name");
    const terse = args.includes("-t") || args.includes("-terse");
    const cmd = words[0];
    if (cmd === "version") return ok(`ipset ${IPSET_VERSION}, protocol version: 7\n`);
    if (cmd !== "list" && cmd !== "-L") {
      return fail(
        `ipset ${IPSET_VERSION}: No command specified: unknown argument ${cmd ?? ""}\nTry \`ipset help' for more information.\n`,
      );
    }
    const dp = getDataPlane(env.context.node);
    const sets = dp ? [...dp.state.ipsets.values()] : [];
    const refs = dp ? setReferences(dp.iptables()) : new Map<string, number>();
    const name = words[1];
    const chosen = name ? sets.filter((s) => s.name === name) : sets;
    if (name && chosen.length === 0)
      return fail(`ipset ${IPSET_VERSION}: The set with the given name does not exist\n`);
    if (namesOnly) return ok(chosen.map((s) => `${s.name}\n`).join(""));
    const view = terse ? chosen.map((s) => ({ ...s, members: [] })) : chosen;
    if (terse) {
      // -t prints headers only: no member lines, but the real entry count.
      return ok(
        view
          .map((s, i) =>
            renderIpset(s, refs.get(s.name) ?? 0).replace(
              /Number of entries: 0/,
              `Number of entries: ${chosen[i]!.members.length}`,
            ),
          )
          .join("\n"),
      );
    }
    return ok(renderIpsets(view, (n) => refs.get(n) ?? 0));
  };
}
