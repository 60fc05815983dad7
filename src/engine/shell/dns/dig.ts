/**
 * `dig` (BIND 9.16): one query, printed in full or as asked by +options.
 * In a pod it uses the pod's resolv.conf; on a node, the node's (which asks
 * the upstream resolver, not cluster DNS).
 */
import type { DnsResponse, RRType } from "../../dns/contract";
import { reverseName } from "../../dns/names";
import { ndotsOf } from "../../dns/resolvConf";
import { searchCandidates } from "../../dns/stub";
import { messageSize } from "../../dns/wire";
import type { Command, CommandEnv, CommandResult } from "../types";
import type { DigDisplay, DigReply } from "./digFormat";
import { digGreeting, formatDigReply } from "./digFormat";
import { contextResolvConf, exchange } from "./transport";

const TYPES: readonly RRType[] = ["A", "AAAA", "CNAME", "SRV", "PTR", "TXT", "SOA", "NS", "ANY"];

const USAGE =
  "Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n" +
  "            {global-d-opt} host [@local-server] {local-d-opt}\n" +
  "            [ host [@local-server] {local-d-opt} [...]]\n" +
  '\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

interface DigRequest {
  name?: string;
  type?: RRType;
  server?: string;
  display: DigDisplay;
  search: boolean;
  ndots?: number;
  cookie: boolean;
  edns: boolean;
}

type Flag = keyof DigDisplay | "search" | "cookie" | "edns" | "all" | "tcp" | "recurse";
const PLUS_OPTIONS: readonly Flag[] = [
  "all",
  "answer",
  "authority",
  "additional",
  "cmd",
  "comments",
  "cookie",
  "edns",
  "question",
  "recurse",
  "search",
  "short",
  "stats",
  "tcp",
];

function applyPlus(req: DigRequest, option: string): string | undefined {
  const [raw = "", value] = option.split("=", 2);
  const on = !raw.toLowerCase().startsWith("no");
  const word = on ? raw.toLowerCase() : raw.slice(2).toLowerCase();
  if (word === "ndots" && value !== undefined && /^\d+$/.test(value)) {
    req.ndots = Number(value);
    return undefined;
  }
  if (["time", "timeout", "tries", "retry", "bufsize"].includes(word) && value !== undefined)
    return undefined;
  const flag = word === "" ? undefined : PLUS_OPTIONS.find((o) => o.startsWith(word));
  if (!flag) return `Invalid option: +${option}\n`;
  const d = req.display;
  if (flag === "all") {
    d.question = d.answer = d.authority = d.additional = d.comments = d.stats = d.cmd = on;
  } else if (flag === "short") {
    d.short = on;
    if (on) {
      d.cmd = d.comments = d.stats = d.question = d.authority = d.additional = false;
      d.answer = true;
    }
  } else if (flag === "search") req.search = on;
  else if (flag === "cookie") req.cookie = on;
  else if (flag === "edns") req.edns = on;
  else if (flag !== "tcp" && flag !== "recurse") d[flag] = on;
  return undefined;
}

function parseArgs(args: string[]): DigRequest | string {
  const req: DigRequest = {
    display: {
      cmd: true,
      comments: true,
      question: true,
      answer: true,
      authority: true,
      additional: true,
      stats: true,
      short: false,
    },
    search: false,
    cookie: true,
    edns: true,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("@")) req.server = a.slice(1);
    else if (a.startsWith("+")) {
      const err = applyPlus(req, a.slice(1));
      if (err) return err;
    } else if (a === "-t") {
      const t = (args[++i] ?? "").toUpperCase() as RRType;
      if (!TYPES.includes(t)) return `dig: invalid type: ${args[i] ?? ""}\n`;
      req.type = t;
    } else if (a === "-x") {
      req.name = reverseName(args[++i] ?? "");
      req.type ??= "PTR";
    } else if (a === "-q") req.name = args[++i];
    else if (a === "-c" || a === "-p") i++;
    else if (a === "-4" || a === "-6" || a === "-r" || a === "-u") continue;
    else if (a.startsWith("-")) return `Invalid option: ${a}\n${USAGE}`;
    // Any word that spells a type is the type, wherever it stands (`dig SRV web...`).
    else if (TYPES.includes(a.toUpperCase() as RRType)) req.type = a.toUpperCase() as RRType;
    else if (a.toUpperCase() === "IN") continue;
    else if (req.name === undefined) req.name = a;
  }
  return req;
}

/** 16 hex digits: the client cookie dig sends, which CoreDNS echoes back. */
function clientCookie(env: CommandEnv): string {
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return hex(env.cluster.prng.nextUint32()) + hex(env.cluster.prng.nextUint32());
}

const dig: Command = (args, env): CommandResult => {
  const parsed = parseArgs(args);
  if (typeof parsed === "string")
    return { stdout: "", stderr: parsed.endsWith(USAGE) ? parsed : parsed + USAGE, exitCode: 1 };
  const req = parsed;
  const conf = contextResolvConf(env);
  const server = req.server ?? conf.nameservers[0] ?? "127.0.0.1";
  const name = req.name ?? ".";
  const type = req.type ?? (req.name === undefined ? "NS" : "A");
  const d = req.display;
  const greeting = digGreeting(args, req.server !== undefined, d);
  const candidates = req.search
    ? searchCandidates(name, { ...conf, options: [`ndots:${req.ndots ?? ndotsOf(conf)}`] })
    : [name.endsWith(".") ? name.toLowerCase() : `${name.toLowerCase()}.`];
  let reply: { qname: string; response: DnsResponse; kind: "cluster" | "upstream" } | undefined;
  for (const qname of candidates) {
    const ex = exchange(env, server, qname, type);
    if (!ex) break;
    reply = { qname, ...ex };
    // dig moves to the next search domain only on NXDOMAIN.
    if (ex.response.rcode !== "NXDOMAIN") break;
  }
  const id = env.cluster.prng.intn(65536);
  if (!reply) {
    // dig waits 3 tries × 5 s before giving up.
    env.cluster.clock.advance(15_000);
    return {
      stdout: `${greeting};; connection timed out; no servers could be reached\n${d.short ? "" : "\n"}`,
      stderr: "",
      exitCode: 9,
    };
  }
  const { response, qname, kind } = reply;
  const cookie = req.edns && req.cookie && kind === "cluster" ? clientCookie(env) : undefined;
  // CoreDNS echoes the client's EDNS buffer size and cookie; public resolvers answer with 512 and no cookie.
  const edns = req.edns ? { udp: kind === "cluster" ? 4096 : 512, ...(cookie ? { cookie } : {}) } : undefined;
  const queryTimeMs = response.authoritative ? env.cluster.prng.intn(11) : 5 + env.cluster.prng.intn(36);
  const question = { name: qname, type };
  const size = messageSize({
    question,
    ...response,
    ...(edns ? { edns: { cookieBytes: cookie ? 8 : 0 } } : {}),
  });
  const digReply: DigReply = {
    id,
    rcode: response.rcode,
    aa: response.authoritative,
    ra: response.recursionAvailable,
    question,
    answer: response.answer,
    authority: response.authority,
    additional: response.additional,
    ...(edns ? { edns } : {}),
    queryTimeMs,
    server,
    whenMs: env.cluster.clock.now(),
    size,
  };
  return {
    stdout: greeting + formatDigReply(digReply, d),
    stderr: "",
    exitCode: 0,
    effects: [{ type: "dns", reply: digReply }],
  };
};

export { dig };
