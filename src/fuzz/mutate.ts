/**
 * Generated bad input: the project's own manifests, mutated the ways a student's paste goes wrong —
 * fields dropped, retyped, renamed, duplicated, replaced by random strings, huge numbers or nested
 * junk — and, at the text level, duplicated lines, truncation, stray text and alias bombs.
 *
 * A case is data (indices and values); `buildCase` turns it into manifest text against the corpus,
 * so fast-check can generate and shrink it and a failing case can be printed and replayed.
 */
import fc from "fast-check";
import { parseAllDocuments, stringify } from "yaml";
import type { SeedFile } from "./corpus";

/** A JSON-like value, as YAML can write it (numbers include ±Infinity and NaN: `.inf`, `.nan`). */
export type Junk = null | boolean | number | string | Junk[] | { [key: string]: Junk };

/** One change to the parsed documents; `pick` chooses a path (modulo the number of candidates). */
export type Mutation =
  | { op: "drop"; pick: number }
  | { op: "set"; pick: number; value: Junk }
  | { op: "add"; pick: number; key: string; value: Junk }
  | { op: "rename"; pick: number; key: string }
  | { op: "duplicate"; pick: number }
  | { op: "copy"; pick: number; from: number };

/** One change to the manifest text after the documents are written back. */
export type TextMutation =
  | { op: "duplicateLine"; pick: number }
  | { op: "deleteLine"; pick: number }
  | { op: "truncate"; pick: number }
  | { op: "insert"; pick: number; text: string }
  | { op: "aliasBomb" };

/** One generated case: which seeds, what to change, how to apply, what to run afterwards. */
export interface FuzzCase {
  seeds: number[];
  mutations: Mutation[];
  text: TextMutation[];
  /** Apply one document at a time (each refused one must leave the store as it was) or the file at once. */
  perDocument: boolean;
  /** Which optional follow-ups run after the apply (bit i: FOLLOW_UPS[i]). */
  extras: number;
}

const EDGE_NUMBERS = [
  0,
  -1,
  1,
  2.5,
  0.5,
  3,
  65535,
  65536,
  30000,
  32767,
  100000,
  1_000_000,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53 + 2,
  1e21,
  -1e21,
  1e-7,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.NaN,
];

const EDGE_STRINGS = [
  "",
  " ",
  "80",
  "http",
  "-1",
  "25%",
  "150%",
  "100m",
  "1Gi",
  "a".repeat(64),
  "a".repeat(300),
  "UPPER",
  "has space",
  "a/b",
  "010.0.0.1",
  "10.96.0.1",
  "10.96.0.10",
  "300.0.0.1",
  "0.0.0.0",
  "255.255.255.255",
  "::1",
  "fd00::1",
  "10.0.0.0/8",
  "10.96.0.0/12",
  "10.244.0.0/33",
  "172.18.255.200-172.18.255.250",
  "172.18.255.250-172.18.255.200",
  "\u001b]0;owned\u0007",
  "\u001b[2J\u001b[31mred",
  "bell\u0007\r\n",
  "名前",
  "a\nb",
  "true",
  "null",
  "*",
  "default",
  "kube-system",
  "ClusterIP",
  "NodePort",
  "LoadBalancer",
  "ExternalName",
  "Local",
  "Cluster",
  "TCP",
  "UDP",
  "SCTP",
  "None",
  "ClientIP",
  "ipvs",
  "nftables",
  "iptables",
  "kernelspace",
  "rr",
  "mh",
  "Always",
  "NoSchedule",
  "Exists",
  "In",
  "IPv4",
  "IPv6",
  "FQDN",
  "v1",
  "apps/v1",
  "v2",
  "Service",
  "Pod",
  "Deployment",
  "ReplicaSet",
  "Node",
  "Namespace",
  "EndpointSlice",
  "Endpoints",
  "ConfigMap",
  "List",
  "ClusterConfiguration",
  "KubeProxyConfiguration",
  "KubeletConfiguration",
  "IPAddressPool",
  "nginx",
  "nicolaka/netshoot",
  "busybox",
  "registry.k8s.io/e2e-test-images/agnhost:2.53",
  "cluster.local",
  "example.com",
  "web",
  "v1.20.2",
  "v1.35.0",
  "v9",
];

const KEYS = [
  "foo",
  "spec",
  "metadata",
  "name",
  "port",
  "ports",
  "type",
  "replicas",
  "selector",
  "Name",
  "x-y",
  "items",
];

const leaf: fc.Arbitrary<Junk> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_NUMBERS) },
  { weight: 5, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

/** Nested junk: arrays and objects a few levels deep. */
const junk: fc.Arbitrary<Junk> = fc.letrec<{ value: Junk }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie("value"), {
      maxKeys: 3,
    }),
  ),
})).value;

const pick = fc.nat({ max: 1_000_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("drop" as const), pick }),
  { weight: 4, arbitrary: fc.record({ op: fc.constant("set" as const), pick, value: junk }) },
  fc.record({
    op: fc.constant("add" as const),
    pick,
    key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
    value: junk,
  }),
  fc.record({ op: fc.constant("rename" as const), pick, key: fc.constantFrom(...KEYS) }),
  fc.record({ op: fc.constant("duplicate" as const), pick }),
  fc.record({ op: fc.constant("copy" as const), pick, from: pick }),
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ op: fc.constant("duplicateLine" as const), pick }),
  fc.record({ op: fc.constant("deleteLine" as const), pick }),
  fc.record({ op: fc.constant("truncate" as const), pick }),
  fc.record({
    op: fc.constant("insert" as const),
    pick,
    text: fc.oneof(
      fc.constantFrom(": ", "- ", "\t", "&a", "*a", "{", "]", "---\n", "\n  x: 1", "'"),
      fc.string(),
    ),
  }),
  { weight: 1, arbitrary: fc.record({ op: fc.constant("aliasBomb" as const) }) },
);

/** Cases over a corpus of `seeds` files. */
export function fuzzCase(seeds: number): fc.Arbitrary<FuzzCase> {
  return fc.record({
    seeds: fc.array(fc.nat({ max: seeds - 1 }), { minLength: 1, maxLength: 2 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
    text: fc.oneof(
      { weight: 5, arbitrary: fc.constant<TextMutation[]>([]) },
      fc.array(textMutation, { maxLength: 2 }),
    ),
    perDocument: fc.boolean(),
    extras: fc.nat({ max: 0xffff }),
  });
}

type Container = Junk[] | { [key: string]: Junk };

/** A place in the documents: its parent container and key (the root list is a container too). */
interface Slot {
  parent: Container;
  key: string | number;
}

function slots(root: Junk[]): Slot[] {
  const out: Slot[] = [];
  const walk = (parent: Container) => {
    const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
    for (const key of keys) {
      out.push({ parent, key });
      const v = (parent as Record<string | number, Junk>)[key];
      if (v !== null && typeof v === "object") walk(v);
    }
  };
  walk(root);
  return out;
}

function containers(root: Junk[]): Container[] {
  const out: Container[] = [root];
  for (const s of slots(root)) {
    const v = (s.parent as Record<string | number, Junk>)[s.key];
    if (v !== null && typeof v === "object") out.push(v);
  }
  return out;
}

const get = (s: Slot): Junk => (s.parent as Record<string | number, Junk>)[s.key] as Junk;
const clone = (v: Junk): Junk => (v === null || typeof v !== "object" ? v : structuredClone(v));

function apply(root: Junk[], m: Mutation): void {
  const all = slots(root);
  if (all.length === 0) return;
  const at = all[m.pick % all.length]!;
  switch (m.op) {
    case "drop":
      if (Array.isArray(at.parent)) at.parent.splice(at.key as number, 1);
      else delete at.parent[at.key as string];
      return;
    case "set":
      (at.parent as Record<string | number, Junk>)[at.key] = clone(m.value);
      return;
    case "copy":
      (at.parent as Record<string | number, Junk>)[at.key] = clone(get(all[m.from % all.length]!));
      return;
    case "duplicate": {
      const arrays = containers(root).filter(Array.isArray);
      const list = arrays[m.pick % arrays.length]!;
      if (list.length > 0) list.push(clone(list[m.pick % list.length]!));
      return;
    }
    case "add": {
      const objects = containers(root).filter((c): c is Record<string, Junk> => !Array.isArray(c));
      if (objects.length > 0) objects[m.pick % objects.length]![m.key] = clone(m.value);
      return;
    }
    case "rename":
      if (!Array.isArray(at.parent) && typeof at.key === "string") {
        at.parent[m.key] = get(at);
        if (m.key !== at.key) delete at.parent[at.key];
      }
      return;
  }
}

/** An alias bomb: each level doubles the one before (go-yaml and the yaml library both stop it). */
const ALIAS_BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ...Array.from({ length: 8 }, (_, i) => {
    const p = String.fromCharCode(97 + i);
    const n = String.fromCharCode(98 + i);
    return `${n}: &${n} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
  }),
  "---",
].join("\n");

function applyText(text: string, m: TextMutation): string {
  const lines = text.split("\n");
  const line = "pick" in m ? m.pick % Math.max(1, lines.length) : 0;
  switch (m.op) {
    case "duplicateLine":
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case "deleteLine":
      lines.splice(line, 1);
      return lines.join("\n");
    case "truncate":
      return text.slice(0, m.pick % Math.max(1, text.length));
    case "insert": {
      const at = m.pick % Math.max(1, text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "aliasBomb":
      return `${ALIAS_BOMB}\n${text}`;
  }
}

/** The seed documents as plain data (unparseable seeds contribute nothing). */
function documentsOf(text: string): Junk[] {
  return parseAllDocuments(text)
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS() as Junk)
    .filter((v) => v !== null && v !== undefined);
}

/** The manifest text of a case: one or more documents, as a file a student would paste. */
export function buildCase(corpus: readonly SeedFile[], c: FuzzCase): string[] {
  const root: Junk[] = c.seeds.flatMap((i) => documentsOf(corpus[i % corpus.length]!.text));
  for (const m of c.mutations) apply(root, m);
  const docs = root.map((d) => stringify(d, { lineWidth: 0 }));
  if (c.text.length === 0) return docs;
  let text = docs.join("---\n");
  for (const m of c.text) text = applyText(text, m);
  return [text];
}
