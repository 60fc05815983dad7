/**
 * The size of a DNS message on the wire, for dig's `MSG SIZE  rcvd:`.
 * CoreDNS (miekg/dns) leaves name compression off unless a reply would not
 * fit, so names are counted uncompressed: the seed's one-A headless answer is
 * 12 + 44 + 54 + 23 = 133 bytes.
 * NOTE: a reply larger than the client's UDP size would be compressed and,
 * if still too big, truncated (TC) and retried over TCP; not modelled.
 */
import type { ResourceRecord, RRType } from "./contract";
import { wireNameLength } from "./names";

/** The RDATA length of a record given as dig prints it. */
export function rdataLength(r: ResourceRecord): number {
  switch (r.type) {
    case "A":
      return 4;
    case "AAAA":
      return 16;
    case "CNAME":
    case "PTR":
    case "NS":
      return wireNameLength(r.data);
    case "SRV":
      return 6 + wireNameLength(r.data.split(" ")[3] ?? ".");
    case "SOA": {
      const [mname = ".", rname = "."] = r.data.split(" ");
      return wireNameLength(mname) + wireNameLength(rname) + 20;
    }
    case "TXT": {
      let n = 0;
      for (const m of r.data.matchAll(/"((?:[^"\\]|\\.)*)"/g)) n += 1 + m[1]!.replace(/\\(.)/g, "$1").length;
      return n;
    }
    default:
      return 0;
  }
}

/** One resource record: owner name, type, class, TTL, RDLENGTH, RDATA. */
export function recordLength(r: ResourceRecord): number {
  return wireNameLength(r.name) + 10 + rdataLength(r);
}

export interface WireMessage {
  question: { name: string; type: RRType };
  answer: readonly ResourceRecord[];
  authority: readonly ResourceRecord[];
  additional: readonly ResourceRecord[];
  /** The EDNS OPT record, with the length of the COOKIE option's data if any. */
  edns?: { cookieBytes: number };
}

/** Header + question + records + OPT (11 bytes, plus 4 + cookie length for a COOKIE option). */
export function messageSize(m: WireMessage): number {
  let n = 12 + wireNameLength(m.question.name) + 4;
  for (const section of [m.answer, m.authority, m.additional]) for (const r of section) n += recordLength(r);
  if (m.edns) n += 11 + (m.edns.cookieBytes > 0 ? 4 + m.edns.cookieBytes : 0);
  return n;
}
