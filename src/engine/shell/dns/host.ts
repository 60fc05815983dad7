/**
 * `host` from bind9: one line per record (`has address`, `is an alias for`,
 * `has SRV record`, `domain name pointer`); `Host x not found: 3(NXDOMAIN)`.
 */

import { isIPv4, isIPv6 } from "../../api/ipv4";
import type { ResourceRecord, RRType } from "../../dns/contract";
import type { Command } from "../types";
import { bare, searchLookup } from "./lookup";
import { contextResolvConf } from "./transport";

const RCODE_NUMBER: Record<string, number> = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

function line(r: ResourceRecord): string {
  const name = bare(r.name);
  switch (r.type) {
    case "A":
      return `${name} has address ${r.data}`;
    case "AAAA":
      return `${name} has IPv6 address ${r.data}`;
    case "CNAME":
      return `${name} is an alias for ${r.data}`;
    case "SRV":
      return `${name} has SRV record ${r.data}`;
    case "PTR":
      return `${name} domain name pointer ${r.data}`;
    case "TXT":
      return `${name} descriptive text ${r.data}`;
    default:
      return `${name} has ${r.type} record ${r.data}`;
  }
}

const host: Command = (args, env) => {
  let type: RRType | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-t") type = (args[++i] ?? "A").toUpperCase() as RRType;
    else if (!a.startsWith("-")) words.push(a);
  }
  const [name, serverArg] = words;
  if (name === undefined)
    return {
      stdout: "",
      stderr: "Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n",
      exitCode: 1,
    };
  const conf = contextResolvConf(env);
  const server = serverArg ?? conf.nameservers[0] ?? "127.0.0.1";
  const header = serverArg
    ? `Using domain server:\nName: ${server}\nAddress: ${server}#53\nAliases: \n\n`
    : "";
  const reverse = isIPv4(name) || isIPv6(name);
  const first = searchLookup(env, conf, server, name, type ?? (reverse ? "PTR" : "A"));
  if (!first)
    return { stdout: `;; connection timed out; no servers could be reached\n`, stderr: "", exitCode: 1 };
  const { qname, response } = first;
  if (response.rcode !== "NOERROR") {
    return {
      stdout: `${header}Host ${name} not found: ${RCODE_NUMBER[response.rcode]}(${response.rcode})\n`,
      stderr: "",
      exitCode: 1,
    };
  }
  const records = [...response.answer];
  // With no -t, host asks A, then AAAA and MX for the name that answered.
  if (type === undefined && !reverse) {
    for (const t of ["AAAA"] as const) {
      const more = searchLookup(env, { ...conf, searches: [] }, server, qname, t);
      for (const r of more?.response.answer ?? []) if (r.type !== "CNAME") records.push(r);
    }
  }
  return { stdout: header + records.map((r) => `${line(r)}\n`).join(""), stderr: "", exitCode: 0 };
};

export { host };
