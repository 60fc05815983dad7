/**
 * dig 9.16's text output (bin/dig/dig.c printmessage and received,
 * lib/dns/message.c section printing, lib/dns/masterdump.c column layout).
 */
import type { Rcode, ResourceRecord, RRType } from "../../dns/contract";

/** The version netshoot shipped when the seed transcript was captured. */
export const DIG_VERSION = "9.16.11";

export interface DigDisplay {
  cmd: boolean;
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
}

export interface DigReply {
  id: number;
  rcode: Rcode;
  aa: boolean;
  ra: boolean;
  question: { name: string; type: RRType };
  answer: readonly ResourceRecord[];
  authority: readonly ResourceRecord[];
  additional: readonly ResourceRecord[];
  edns?: { udp: number; cookie?: string };
  queryTimeMs: number;
  server: string;
  whenMs: number;
  size: number;
}

/** masterdump.c `indent`: tabs to reach `to`; at least one column; a tab if that one column crosses a stop. */
function indentTo(column: number, to: number): [string, number] {
  const target = Math.max(to, column + 1);
  const tabs = Math.floor(target / 8) - Math.floor(column / 8);
  const from = tabs > 0 ? Math.floor(target / 8) * 8 : column;
  return ["\t".repeat(Math.max(0, tabs)) + " ".repeat(target - from), target];
}

/** Joins fields at dig's columns: owner, then TTL at 24, class at 32, type at 40, data at 48. */
function columns(fields: [string, number][]): string {
  let out = "";
  let col = 0;
  for (const [text, at] of fields) {
    if (out !== "" || at > 0) {
      const [pad, next] = indentTo(col, at);
      out += pad;
      col = next;
    }
    out += text;
    col += text.length;
  }
  return out;
}

/** One record line as dig prints it. */
export function formatRecord(r: ResourceRecord): string {
  return columns([
    [r.name, 0],
    [String(r.ttl), 24],
    [r.class, 32],
    [r.type, 40],
    [r.data, 48],
  ]);
}

/** The question line: `;name.<tabs>IN<tab>A` (no TTL column). */
export function formatQuestion(name: string, type: RRType): string {
  return columns([
    [`;${name}`, 0],
    ["IN", 32],
    [type, 40],
  ]);
}

/** strftime `%a %b %d %H:%M:%S %Z %Y` in UTC. */
export function digDate(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** The greeting block: blank line, `; <<>> DiG ...`, `; (1 server found)`, `;; global options:`. */
export function digGreeting(args: string[], serverGiven: boolean, display: DigDisplay): string {
  if (!display.cmd || display.short) return "";
  let out = `\n; <<>> DiG ${DIG_VERSION} <<>>${args.map((a) => ` ${a}`).join("")}\n`;
  if (serverGiven) out += "; (1 server found)\n";
  return `${out};; global options: +cmd\n`;
}

function section(title: string, records: readonly ResourceRecord[], comments: boolean): string {
  if (records.length === 0) return "";
  let out = comments ? `;; ${title} SECTION:\n` : "";
  for (const r of records) out += `${formatRecord(r)}\n`;
  return comments ? `${out}\n` : out;
}

function isDotLocal(name: string): boolean {
  return /(^|\.)local\.$/i.test(name);
}

/** Everything dig prints for one reply, after the greeting. */
export function formatDigReply(reply: DigReply, d: DigDisplay): string {
  if (d.short) return reply.answer.map((r) => `${r.data}\n`).join("");
  let out = "";
  if (d.comments) {
    out += ";; Got answer:\n";
    if (isDotLocal(reply.question.name)) {
      out += ";; WARNING: .local is reserved for Multicast DNS\n";
      out += ";; You are currently testing what happens when an mDNS query is leaked to DNS\n";
    }
    out += `;; ->>HEADER<<- opcode: QUERY, status: ${reply.rcode}, id: ${reply.id}\n`;
    const flags = ["qr", ...(reply.aa ? ["aa"] : []), "rd", ...(reply.ra ? ["ra"] : [])].join(" ");
    const additional = reply.additional.length + (reply.edns ? 1 : 0);
    out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${reply.answer.length}, AUTHORITY: ${reply.authority.length}, ADDITIONAL: ${additional}\n`;
    if (!reply.ra) out += ";; WARNING: recursion requested but not available\n";
    out += "\n";
    if (reply.edns) {
      out += ";; OPT PSEUDOSECTION:\n";
      out += `; EDNS: version: 0, flags:; udp: ${reply.edns.udp}\n`;
      if (reply.edns.cookie) out += `; COOKIE: ${reply.edns.cookie} (echoed)\n`;
    }
  }
  if (d.question) {
    if (d.comments) out += ";; QUESTION SECTION:\n";
    out += `${formatQuestion(reply.question.name, reply.question.type)}\n`;
    if (d.comments) out += "\n";
  }
  if (d.answer) out += section("ANSWER", reply.answer, d.comments);
  if (d.authority) out += section("AUTHORITY", reply.authority, d.comments);
  if (d.additional) out += section("ADDITIONAL", reply.additional, d.comments);
  if (d.stats) {
    out += `;; Query time: ${reply.queryTimeMs} msec\n`;
    out += `;; SERVER: ${reply.server}#53(${reply.server})\n`;
    out += `;; WHEN: ${digDate(reply.whenMs)}\n`;
    out += `;; MSG SIZE  rcvd: ${reply.size}\n\n`;
  }
  return out;
}
