/**
 * Domain-name helpers shared by the cluster zone, the upstream table and the
 * stub resolver. Names are compared lower-cased and fully qualified.
 */
import { isIPv4 } from "../api/ipv4";

/** `Web.Default.svc.cluster.local` → `web.default.svc.cluster.local.` */
export function fqdn(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith(".") ? lower : `${lower}.`;
}

/** The labels of a name, without the root: `a.b.` → `["a", "b"]`. */
export function labelsOf(name: string): string[] {
  const trimmed = fqdn(name).slice(0, -1);
  return trimmed === "" ? [] : trimmed.split(".");
}

/** True when `name` is `zone` or below it. Both may omit the trailing dot. */
export function inZone(name: string, zone: string): boolean {
  const n = fqdn(name);
  const z = fqdn(zone);
  return z === "." || n === z || n.endsWith(`.${z}`);
}

/** The labels of `name` left of `zone` (`web.default.svc` for `web.default.svc.cluster.local`). */
export function relativeLabels(name: string, zone: string): string[] {
  const n = fqdn(name);
  const z = fqdn(zone);
  if (n === z) return [];
  return n.slice(0, n.length - z.length - 1).split(".");
}

/** CoreDNS's endpoint and pod label for an IP: `10.244.1.5` → `10-244-1-5`, `fd00::5` → `fd00--5`. */
export function dashedIP(ip: string): string {
  return ip.replace(/[.:]/g, "-");
}

/** The IPv4 address a dashed label spells, if any: `10-244-1-5` → `10.244.1.5`. */
export function undashIPv4(label: string): string | undefined {
  const ip = label.replace(/-/g, ".");
  return isIPv4(ip) ? ip : undefined;
}

/** Expands an IPv6 address to its 8 groups of 4 hex digits. */
export function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split("::") as [string, string | undefined];
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const fill = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill("0");
  return [...h, ...fill, ...t].map((g) => g.padStart(4, "0"));
}

/** `10.96.0.10` → `10.0.96.10.in-addr.arpa.`; IPv6 → nibbles under `ip6.arpa.` (dig -x). */
export function reverseName(ip: string): string {
  if (isIPv4(ip)) return `${ip.split(".").reverse().join(".")}.in-addr.arpa.`;
  const nibbles = expandIPv6(ip).join("").split("").reverse();
  return `${nibbles.join(".")}.ip6.arpa.`;
}

/** The IP a reverse name stands for, if it is a complete one. */
export function ipFromReverseName(name: string): string | undefined {
  const n = fqdn(name);
  if (n.endsWith(".in-addr.arpa.")) {
    const parts = n.slice(0, -".in-addr.arpa.".length).split(".");
    if (parts.length !== 4) return undefined;
    const ip = parts.reverse().join(".");
    return isIPv4(ip) ? ip : undefined;
  }
  if (n.endsWith(".ip6.arpa.")) {
    const nibbles = n.slice(0, -".ip6.arpa.".length).split(".");
    if (nibbles.length !== 32 || nibbles.some((x) => !/^[0-9a-f]$/.test(x))) return undefined;
    const hex = nibbles.reverse().join("");
    const groups = hex.match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ""));
    return compressIPv6(groups);
  }
  return undefined;
}

/** RFC 5952 text for 8 groups: the longest run of zero groups becomes `::`. */
export function compressIPv6(groups: string[]): string {
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== "0") {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === "0") j++;
    if (j - i > bestLen && j - i > 1) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(":");
  return `${groups.slice(0, best).join(":")}::${groups.slice(best + bestLen).join(":")}`;
}

/** Number of bytes a name takes on the wire, uncompressed (`.` = 1). */
export function wireNameLength(name: string): number {
  const labels = labelsOf(name);
  let n = 1;
  for (const l of labels) n += l.length + 1;
  return n;
}
