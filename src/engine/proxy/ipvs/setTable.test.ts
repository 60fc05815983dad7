import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Protocol } from "../../net/types";
import { desiredState } from "./desired";
import { IPSET_INFO, IpsetIndex, type SetProbe } from "./ipsets";
import type { IpsetSet, IpsetType } from "./model";
import { keyWords } from "./setTable";
import { TEST_NODE, UPSTREAM_CASES } from "./upstream.testkit";
import { WrittenIpset } from "./writtenIpset";

/** Addresses as packets and members may carry them: dotted quads, and text that is not one. */
const ADDRESSES = [
  "10.96.0.1",
  "10.96.1.5",
  "172.18.0.3",
  "255.255.255.255",
  "0.0.0.0",
  "010.96.0.1",
  "1.2.3",
  "fe80::1",
];
const PORTS = [0, 53, 80, 443, 8080, 65535, 70000, 1.5];
const PROTOCOL_WORDS = ["tcp", "udp", "sctp", "TCP", "icmp"];
const PROTOCOLS: Protocol[] = ["TCP", "UDP", "SCTP"];
const EXACT_TYPES: IpsetType[] = ["hash:ip", "hash:ip,port", "hash:ip,port,ip", "bitmap:port"];

const portText = fc.oneof(fc.constantFrom(...PORTS).map(String), fc.constantFrom("080", "", "-1", "30007"));
const address = fc.constantFrom(...ADDRESSES);

/** A member in ipset's text, of the set's type or (now and then) written another way. */
function member(type: IpsetType): fc.Arbitrary<string> {
  const ipPort = fc
    .tuple(address, fc.constantFrom(...PROTOCOL_WORDS), portText)
    .map(([ip, proto, port]) => `${ip},${proto}:${port}`);
  switch (type) {
    case "hash:ip":
      return address;
    case "hash:ip,port":
      return ipPort;
    case "hash:ip,port,ip":
      return fc.tuple(ipPort, address).map(([a, b]) => `${a},${b}`);
    default:
      return portText;
  }
}

/** A set named after kube-proxy's set of that type, so the index reads its type by name. */
function setOf(type: IpsetType, members: string[]): IpsetSet {
  const info = IPSET_INFO.find((i) => i.type === type)!;
  return { name: info.name, type, comment: info.comment, members: [...new Set(members)] };
}

const probe: fc.Arbitrary<SetProbe> = fc.record({
  src: address,
  dst: address,
  dport: fc.constantFrom(...PORTS),
  proto: fc.constantFrom(...PROTOCOLS),
});
const dirs = fc.constantFrom<("src" | "dst")[]>(
  ["dst"],
  ["src"],
  ["dst", "dst"],
  ["dst", "dst", "src"],
  ["src", "dst", "dst"],
);

describe("IpsetIndex over integer-keyed tables", () => {
  it("answers each test as comparing the entry's text with the members' text does", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...EXACT_TYPES)
          .chain((type) =>
            fc.tuple(
              fc.constant(type),
              fc.array(member(type), { maxLength: 30 }),
              fc.array(fc.tuple(probe, dirs), { minLength: 1, maxLength: 20 }),
            ),
          ),
        ([type, members, probes]) => {
          const set = setOf(type, members);
          const index = new IpsetIndex([set]);
          const text = new Set(set.members);
          for (const [p, d] of probes) {
            expect(index.test(set.name, d, p)).toBe(text.has(index.key(set.name, d, p)));
          }
          expect(index.isEmpty(set.name)).toBe(text.size === 0);
        },
      ),
      { seed: 18, numRuns: 400 },
    );
  });

  it("finds every member of a large set and nothing else", () => {
    const members: string[] = [];
    for (let i = 0; i < 5000; i++) members.push(`10.96.${i >> 8}.${i & 255},tcp:80`);
    const set = setOf("hash:ip,port", members);
    const index = new IpsetIndex([set]);
    const at = (i: number, dport = 80, proto: Protocol = "TCP"): SetProbe => ({
      src: "10.244.1.2",
      dst: `10.96.${i >> 8}.${i & 255}`,
      dport,
      proto,
    });
    for (let i = 0; i < 5000; i++) expect(index.test(set.name, ["dst", "dst"], at(i))).toBe(true);
    expect(index.test(set.name, ["dst", "dst"], at(5000))).toBe(false);
    expect(index.test(set.name, ["dst", "dst"], at(7, 81))).toBe(false);
    expect(index.test(set.name, ["dst", "dst"], at(7, 80, "UDP"))).toBe(false);
  });
});

/** Probes at every member of a set (and a port beside each), read from the member's text. */
function probesAt(set: IpsetSet): SetProbe[] {
  const out: SetProbe[] = [];
  for (const m of set.members) {
    const [ip = "", protoPort = "", ip2 = ""] = m.split(",");
    const [proto = "", port = m] = protoPort.includes(":") ? protoPort.split(":") : ["tcp", protoPort || m];
    const p = proto.toUpperCase() as Protocol;
    for (const dport of [Number(port), Number(port) + 1])
      out.push({ src: ip2 || ip, dst: set.type === "bitmap:port" ? "10.0.0.1" : ip, dport, proto: p });
  }
  return out;
}

describe("the tables kube-proxy's writer builds", () => {
  it("hold what the members' text holds, for every upstream case", () => {
    for (const c of UPSTREAM_CASES) {
      const sets = [...desiredState(c.input, TEST_NODE).ipsets.values()];
      const built = new IpsetIndex(sets);
      const fromText = new IpsetIndex(
        sets.map((s) => ({ name: s.name, type: s.type, comment: s.comment, members: s.members })),
      );
      for (const s of sets) {
        if (s.type === "hash:ip,port,net") continue;
        expect(s.table?.size, `${c.name} ${s.name}`).toBe(s.members.length);
        const dirs: ("src" | "dst")[] = ["dst", "dst", "src"];
        for (const p of probesAt(s)) expect(built.test(s.name, dirs, p)).toBe(fromText.test(s.name, dirs, p));
      }
    }
  });
});

/** A written set holding `members` (added by their key words, or as text where the table keeps text). */
function written(type: IpsetType, members: readonly string[]): WrittenIpset {
  const info = IPSET_INFO.find((i) => i.type === type)!;
  const set = new WrittenIpset(info);
  for (const m of members) {
    const [a, b, c] = keyWords(type, m) ?? [Number.NaN, 0, 0];
    set.add(a, b, c, m);
  }
  if (type === "bitmap:port") set.sortPorts();
  return set;
}

/** `members` distinct, in first-appearance order (port order for a bitmap), as text. */
function listed(type: IpsetType, members: readonly string[]): string[] {
  const out = [...new Set(members)];
  return type === "bitmap:port" ? out.sort((a, b) => Number(a) - Number(b)) : out;
}

describe("a written set", () => {
  const lists = fc
    .constantFrom(...EXACT_TYPES)
    .chain((type) => fc.tuple(fc.constant(type), fc.array(member(type)), fc.array(member(type))));

  it("lists the text each member was written from, in first-appearance order", () => {
    fc.assert(
      fc.property(lists, ([type, members]) => {
        const set = written(type, members);
        expect(set.members).toEqual(listed(type, members));
        expect(set.size).toBe(set.members.length);
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it("brought over the last sync's set keeps the staying members' places and counts the changes", () => {
    fc.assert(
      fc.property(lists, ([type, before, after]) => {
        const old = listed(type, before);
        const now = listed(type, after);
        const set = written(type, after);
        const writes = set.keepPlacesOf(written(type, before));
        const stays = old.filter((m) => now.includes(m));
        expect(writes).toBe(now.length - stays.length + (old.length - stays.length));
        const want = type === "bitmap:port" ? now : [...stays, ...now.filter((m) => !old.includes(m))];
        expect(set.members).toEqual(want);
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});
