/**
 * `nslookup` from bind9 (as in netshoot): uses the resolv.conf search list,
 * asks A then AAAA, and prints the server first.
 */

import { isIPv4, isIPv6 } from "../../api/ipv4";
import type { RRType } from "../../dns/contract";
import type { Command } from "../types";
import { bare, searchLookup } from "./lookup";
import { contextResolvConf } from "./transport";

const nslookup: Command = (args, env) => {
  let type: RRType = "A";
  const words: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (m) type = m[1]!.toUpperCase() as RRType;
    else if (!a.startsWith("-")) words.push(a);
  }
  const [name, serverArg] = words;
  if (name === undefined) return { stdout: "", stderr: "", exitCode: 0 };
  const conf = contextResolvConf(env);
  const server = serverArg ?? conf.nameservers[0] ?? "127.0.0.1";
  const first = searchLookup(env, conf, server, name, type);
  if (!first)
    return { stdout: ";; connection timed out; no servers could be reached\n\n", stderr: "", exitCode: 1 };
  let out = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const { qname, response } = first;
  if (response.rcode !== "NOERROR") {
    return { stdout: `${out}** server can't find ${name}: ${response.rcode}\n\n`, stderr: "", exitCode: 1 };
  }
  if (!response.authoritative) out += "Non-authoritative answer:\n";
  const reverse = isIPv4(name) || isIPv6(name);
  const responses = [response];
  if (type === "A" && !reverse) {
    const v6 = searchLookup(env, { ...conf, searches: [] }, server, qname, "AAAA");
    if (v6) responses.push(v6.response);
  }
  for (const r of responses) {
    for (const rec of r.answer) {
      if (rec.type === "CNAME") {
        if (r === response) out += `${bare(rec.name)}\tcanonical name = ${rec.data}\n`;
      } else if (rec.type === "A" || rec.type === "AAAA")
        out += `Name:\t${bare(rec.name)}\nAddress: ${rec.data}\n`;
      else if (rec.type === "PTR") out += `${bare(rec.name)}\tname = ${rec.data}\n`;
      else if (rec.type === "SRV") out += `${bare(rec.name)}\tservice = ${rec.data}\n`;
      else if (rec.type === "TXT") out += `${bare(rec.name)}\ttext = ${rec.data}\n`;
    }
  }
  if (response.answer.length === 0) out += `*** Can't find ${name}: No answer\n`;
  return { stdout: `${out}\n`, stderr: "", exitCode: 0 };
};

export { nslookup };
