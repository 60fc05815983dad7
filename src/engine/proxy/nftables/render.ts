/**
 * `nft list` output for the kube-proxy table, as nft 1.0.6 prints it
 * (checked against the kernel): one tab per nesting level, sets before
 * chains in creation order, elements sorted the way nft's mergesort does,
 * two addresses per line, one concatenation per line.
 */
import { ipToNumber } from "../../api/ipv4";
import type { NftChain, NftElement, NftSet, NftTable } from "./model";
import { typeOf } from "./model";
import { actionText } from "./rules";

/** Session-affinity entries of the dynamic sets: set name → source IP → expiry (virtual ms). */
export type DynamicElements = ReadonlyMap<string, ReadonlyMap<string, number>>;

const CONTINUATION = ",\n\t\t\t     ";
const PROTO_NUMBER: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

/** nft's `time_print`: `3h`, `1m30s`, `2h59m59s996ms`. */
export function formatDuration(ms: number): string {
  const parts: [number, string][] = [
    [Math.floor(ms / 86400000), "d"],
    [Math.floor(ms / 3600000) % 24, "h"],
    [Math.floor(ms / 60000) % 60, "m"],
    [Math.floor(ms / 1000) % 60, "s"],
    [ms % 1000, "ms"],
  ];
  return parts.map(([n, u]) => (n > 0 ? `${n}${u}` : "")).join("");
}

/** An element's address as the number nft sorts by. */
const addrKey = (text: string | undefined): number => (text === undefined ? 0 : (ipToNumber(text) ?? 0));

/** The bytes nft concatenates for a key (address and port in network order, protocol one byte). */
function keyBytes(key: readonly string[]): number[] {
  const out: number[] = [];
  for (const part of key) {
    if (part.includes(".")) {
      const n = ipToNumber(part) ?? 0;
      out.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    } else if (part in PROTO_NUMBER) out.push(PROTO_NUMBER[part] ?? 0);
    else {
      const p = Number(part);
      out.push((p >>> 8) & 255, p & 255);
    }
  }
  return out;
}

/**
 * nft sorts a listed set's elements (`mergesort.c`): plain values by number,
 * concatenations by their bytes read as one host-endian (little-endian)
 * integer, so the last byte (the port's low byte) weighs most.
 */
export function sortElements(set: Pick<NftSet, "keyKind">, elements: NftElement[]): NftElement[] {
  if (set.keyKind === "addr") return elements.sort((a, b) => addrKey(a.key[0]) - addrKey(b.key[0]));
  const withBytes = elements.map((e) => ({ e, b: keyBytes(e.key) }));
  withBytes.sort((x, y) => {
    for (let i = x.b.length - 1; i >= 0; i--) {
      const d = (x.b[i] ?? 0) - (y.b[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return withBytes.map((x) => x.e);
}

function elementText(e: NftElement): string {
  let s = e.key.join(" . ");
  if (e.comment !== undefined) s += ` comment "${e.comment}"`;
  if (e.verdict) s += ` : ${actionText(e.verdict)}`;
  return s;
}

function elementsLine(set: NftSet, items: string[]): string {
  let out = "";
  items.forEach((item, i) => {
    if (i > 0) out += set.keyKind === "addr" && i % 2 === 1 ? ", " : CONTINUATION;
    out += item;
  });
  return `\t\telements = { ${out} }\n`;
}

/** One set or map block, indented one level. */
export function renderSet(set: NftSet, dynamic: DynamicElements, nowMs: number): string {
  let s = `\t${set.kind} ${set.name} {\n\t\ttype ${typeOf(set)}\n`;
  if (set.timeoutSeconds !== undefined) {
    s += `\t\tsize 65535\n\t\tflags dynamic,timeout\n\t\ttimeout ${formatDuration(set.timeoutSeconds * 1000)}\n`;
    const live = [...(dynamic.get(set.name) ?? new Map<string, number>())].filter(([, exp]) => exp > nowMs);
    live.sort((a, b) => addrKey(a[0]) - addrKey(b[0]));
    if (live.length > 0)
      s += elementsLine(
        set,
        live.map(([ip, exp]) => `${ip} expires ${formatDuration(exp - nowMs)}`),
      );
  } else {
    if (set.comment !== undefined) s += `\t\tcomment "${set.comment}"\n`;
    if (set.elements.size > 0)
      s += elementsLine(set, sortElements(set, [...set.elements.values()]).map(elementText));
  }
  return `${s}\t}\n`;
}

const STD_PRIOS: [number, string, string?][] = [
  [-300, "raw"],
  [-150, "mangle"],
  [-100, "dstnat", "prerouting"],
  [0, "filter"],
  [50, "security"],
  [100, "srcnat", "postrouting"],
];

/** nft's `prio2str` for family ip: a standard name within 10 if valid for the hook, else the number. */
export function priorityText(priority: number, hook: string): string {
  for (const [value, name, onlyHook] of STD_PRIOS) {
    if (Math.abs(priority - value) > 10) continue;
    if (onlyHook !== undefined && onlyHook !== hook) break;
    const off = priority - value;
    return off === 0 ? name : off > 0 ? `${name} + ${off}` : `${name} - ${-off}`;
  }
  return String(priority);
}

/** One chain block, indented one level. */
export function renderChain(c: NftChain): string {
  let s = `\tchain ${c.name} {\n`;
  if (c.base) {
    const hook = c.base.hook.toLowerCase();
    s += `\t\ttype ${c.base.type} hook ${hook} priority ${priorityText(c.base.priority, hook)}; policy accept;\n`;
  }
  if (c.comment !== undefined) s += `\t\tcomment "${c.comment}"\n`;
  for (const r of c.rules) s += `\t\t${r.text}\n`;
  return `${s}\t}\n`;
}

/** `nft list table ip kube-proxy`. */
export function renderTable(t: NftTable, dynamic: DynamicElements, nowMs: number): string {
  return renderObjects(t.comment, t.sets.values(), t.chains.values(), dynamic, nowMs);
}

/** A table listing from its objects in creation order: sets and maps first, then chains. */
export function renderObjects(
  comment: string,
  sets: Iterable<NftSet>,
  chains: Iterable<NftChain>,
  dynamic: DynamicElements,
  nowMs: number,
): string {
  const blocks: string[] = [];
  for (const set of sets) blocks.push(renderSet(set, dynamic, nowMs));
  for (const c of chains) blocks.push(renderChain(c));
  return renderBlocks(comment, blocks);
}

/** A table listing from its rendered blocks (a block may hold several objects, already joined by blank lines). */
export function renderBlocks(comment: string, blocks: readonly string[]): string {
  return `table ip kube-proxy {\n\tcomment "${comment}"\n${blocks.join("\n")}}\n`;
}

/** Chains listed one after another, as `nft list` separates them. */
export function renderChains(chains: Iterable<NftChain>): string {
  const blocks: string[] = [];
  for (const c of chains) blocks.push(renderChain(c));
  return blocks.join("\n");
}

/** `nft list chain|set|map ip kube-proxy NAME`: the object inside a bare table header. */
export function wrapInTable(block: string): string {
  return `table ip kube-proxy {\n${block}}\n`;
}
