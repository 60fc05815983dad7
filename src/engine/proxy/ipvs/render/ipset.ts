/**
 * `ipset list [NAME]` as ipset 7.x prints it with a revision-5 kernel set
 * type (hash:*) / revision-3 bitmap:port.
 * NOTE: kernels from 5.11 list hash sets at revision 6 with
 * `bucketsize 12 initval 0x…` in the header; members come out in hash order
 * (random per boot) — here in the order they were added (a member kept
 * across syncs keeps its place). "Size in memory" is an
 * estimate for hash sets; bitmap:port 0-65535 is the real 8268.
 */
import type { IpsetSet } from "../model";

const REVISION: Record<IpsetSet["type"], number> = {
  "hash:ip,port": 5,
  "hash:ip,port,ip": 5,
  "hash:ip,port,net": 7,
  "hash:ip": 4,
  "bitmap:port": 3,
};

function header(s: IpsetSet): string {
  return s.type === "bitmap:port" ? "range 0-65535" : "family inet hashsize 1024 maxelem 65536";
}

function memory(s: IpsetSet): number {
  if (s.type === "bitmap:port") return 8268;
  const per = s.type === "hash:ip" ? 16 : s.type === "hash:ip,port" ? 32 : 48;
  return 248 + per * s.members.length;
}

/** One set's listing; `references` = iptables rules that use it. */
export function renderIpset(s: IpsetSet, references: number): string {
  const lines = [
    `Name: ${s.name}`,
    `Type: ${s.type}`,
    `Revision: ${REVISION[s.type]}`,
    `Header: ${header(s)}`,
    `Size in memory: ${memory(s)}`,
    `References: ${references}`,
    `Number of entries: ${s.members.length}`,
    "Members:",
    ...s.members,
  ];
  return `${lines.join("\n")}\n`;
}

/** All sets, a blank line between them, as `ipset list` does. */
export function renderIpsets(sets: Iterable<IpsetSet>, references: (name: string) => number): string {
  return [...sets].map((s) => renderIpset(s, references(s.name))).join("\n");
}
