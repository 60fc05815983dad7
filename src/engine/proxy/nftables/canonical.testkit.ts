/**
 * Upstream's nftables proxier tests compare kube-proxy's transaction (`add
 * chain …`, `add rule …`, `add element …`, dumped sorted by knftables' fake)
 * while our goldens are what `nft list table ip kube-proxy` prints. Both are
 * read here into one canonical form, so a test can hold the table we build
 * against upstream's expected transaction:
 *
 * - sets and maps: kind, type, flags, timeout in seconds, comment, and their
 *   elements as a set (nft lists elements in its own order; the fake dumps
 *   them sorted). nft's `size 65535` on dynamic sets is its default, not
 *   written by kube-proxy, and is dropped;
 * - chains: base-chain type, hook and numeric priority (nft prints `dstnat`,
 *   `filter`, `srcnat` for -100, 0, 100 and `dstnat - 10` for -110), comment,
 *   and the rules in order; chain order itself is not compared (nft lists in
 *   creation order, the fake dump sorts);
 * - rule text in the form nft prints it: kube-proxy writes `mark set mark or
 *   0x4000`, nft prints `meta mark set meta mark | 0x00004000` (likewise `and`
 *   → `&` with `== 0x00000000`, `xor` → `^`); a one-element anonymous set
 *   `{ 172.30.0.0/16 }` prints as `172.30.0.0/16`; a verdict map's ` , `
 *   separator prints as `, `.
 */

export interface CanonicalSet {
  kind: "set" | "map";
  type: string;
  flags: string;
  timeoutSeconds: number;
  comment: string;
  elements: string[];
}

export interface CanonicalChain {
  base: string;
  comment: string;
  rules: string[];
}

export interface CanonicalTable {
  comment: string;
  sets: Record<string, CanonicalSet>;
  chains: Record<string, CanonicalChain>;
}

const PRIORITY: Record<string, number> = { dstnat: -100, filter: 0, srcnat: 100 };

/** `dstnat - 10` / `-110` / `filter` → a number. */
function priority(text: string): number {
  const m = /^([a-z]+)(?:\s*([+-])\s*(\d+))?$/.exec(text.trim());
  if (m) return (PRIORITY[m[1]!] ?? Number.NaN) + (m[2] === "-" ? -1 : 1) * Number(m[3] ?? 0);
  return Number(text);
}

/** A rule as kube-proxy writes it, in the form nft prints it. */
export function nftPrinted(rule: string): string {
  const hex8 = (h: string) => `0x${Number(h).toString(16).padStart(8, "0")}`;
  return rule
    .replace(/\bmark set mark or (0x[0-9a-f]+)/, (_, m) => `meta mark set meta mark | ${hex8(m)}`)
    .replace(/\bmark set mark xor (0x[0-9a-f]+)/, (_, m) => `meta mark set meta mark ^ ${hex8(m)}`)
    .replace(/\bmark and (0x[0-9a-f]+) == 0\b/, (_, m) => `meta mark & ${hex8(m)} == 0x00000000`)
    .replace(/(ip [sd]addr (?:!= )?)\{ ([^,{}]+) \}/, "$1$2")
    .replace(/ , /g, ", ");
}

function emptyTable(): CanonicalTable {
  return { comment: "", sets: {}, chains: {} };
}

function chainOf(t: CanonicalTable, name: string): CanonicalChain {
  t.chains[name] ??= { base: "", comment: "", rules: [] };
  return t.chains[name];
}

/** Splits `a ; b ; c ;` (a set or chain body in a transaction) into its statements. */
function statements(body: string): string[] {
  return body
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Splits a listed element list at its top-level commas. */
function elementItems(list: string): string[] {
  return list
    .split(/,\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const unquote = (s: string) => s.replace(/^comment "(.*)"$/, "$1");

/** Reads kube-proxy's transaction text (upstream's expected test output). */
export function fromTransaction(text: string): CanonicalTable {
  const t = emptyTable();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    let m = /^add table ip kube-proxy \{ (.*) \}$/.exec(line);
    if (m) {
      t.comment = unquote(statements(m[1]!)[0] ?? "");
      continue;
    }
    m = /^add (set|map) ip kube-proxy (\S+) \{ (.*) \}$/.exec(line);
    if (m) {
      const s: CanonicalSet = {
        kind: m[1] as "set" | "map",
        type: "",
        flags: "",
        timeoutSeconds: 0,
        comment: "",
        elements: [],
      };
      for (const st of statements(m[3]!)) {
        if (st.startsWith("type ")) s.type = st.slice(5);
        else if (st.startsWith("flags ")) s.flags = st.slice(6);
        else if (st.startsWith("timeout ")) s.timeoutSeconds = Number(st.slice(8).replace(/s$/, ""));
        else if (st.startsWith("comment ")) s.comment = unquote(st);
      }
      t.sets[m[2]!] = { ...s, elements: t.sets[m[2]!]?.elements ?? [] };
      continue;
    }
    m = /^add chain ip kube-proxy (\S+)(?: \{ (.*) \})?$/.exec(line);
    if (m) {
      const c = chainOf(t, m[1]!);
      for (const st of statements(m[2] ?? "")) {
        const b = /^type (\w+) hook (\w+) priority (.+)$/.exec(st);
        if (b) c.base = `${b[1]} ${b[2]} ${priority(b[3]!)}`;
        else if (st.startsWith("comment ")) c.comment = unquote(st);
      }
      continue;
    }
    m = /^add rule ip kube-proxy (\S+) (.*)$/.exec(line);
    if (m) {
      chainOf(t, m[1]!).rules.push(nftPrinted(m[2]!));
      continue;
    }
    m = /^add element ip kube-proxy (\S+) \{ (.*) \}$/.exec(line);
    if (m) {
      t.sets[m[1]!] ??= { kind: "set", type: "", flags: "", timeoutSeconds: 0, comment: "", elements: [] };
      t.sets[m[1]!]!.elements.push(m[2]!);
      continue;
    }
    throw new Error(`unread transaction line: ${line}`);
  }
  return sorted(t);
}

const DURATION: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };

/** nft's `3h`, `1h30m`, `10800s` → seconds. */
function seconds(text: string): number {
  let n = 0;
  for (const [, v, u] of text.matchAll(/(\d+)([dhms])/g)) n += Number(v) * (DURATION[u!] ?? 0);
  return n;
}

/** Reads `nft list table ip kube-proxy` output. */
export function fromListing(text: string): CanonicalTable {
  const t = emptyTable();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const head = /^(set|map|chain) (\S+) \{$/.exec(line);
    if (!head) {
      if (/^comment "/.test(line) && lines[i - 1]?.startsWith("table ")) t.comment = unquote(line);
      continue;
    }
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== "}"; i++) body.push(lines[i]!.trim());
    if (head[1] === "chain") {
      const c = chainOf(t, head[2]!);
      for (const st of body) {
        const b = /^type (\w+) hook (\w+) priority (.+); policy accept;$/.exec(st);
        if (b) c.base = `${b[1]} ${b[2]} ${priority(b[3]!)}`;
        else if (st.startsWith("comment ")) c.comment = unquote(st);
        else c.rules.push(st);
      }
      continue;
    }
    const s: CanonicalSet = {
      kind: head[1] as "set" | "map",
      type: "",
      flags: "",
      timeoutSeconds: 0,
      comment: "",
      elements: [],
    };
    const joined = body.join(" ");
    for (const st of body) {
      if (st.startsWith("type ")) s.type = st.slice(5);
      else if (st.startsWith("flags ")) s.flags = st.slice(6);
      else if (st.startsWith("timeout ")) s.timeoutSeconds = seconds(st.slice(8));
      else if (st.startsWith("comment ")) s.comment = unquote(st);
    }
    const els = /elements = \{ (.*) \}/.exec(joined);
    if (els) s.elements = elementItems(els[1]!);
    t.sets[head[2]!] = s;
  }
  return sorted(t);
}

/** Key order and element order fixed, so two tables compare by value. */
function sorted(t: CanonicalTable): CanonicalTable {
  const sets: Record<string, CanonicalSet> = {};
  for (const k of Object.keys(t.sets).sort())
    sets[k] = { ...t.sets[k]!, elements: [...t.sets[k]!.elements].sort() };
  const chains: Record<string, CanonicalChain> = {};
  for (const k of Object.keys(t.chains).sort()) chains[k] = t.chains[k]!;
  return { comment: t.comment, sets, chains };
}
