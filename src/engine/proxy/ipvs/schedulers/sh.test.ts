import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { dh, dhBuckets, dhHashKey } from "./dh";
import { multiplicativeHash } from "./hash";
import { sh, shBuckets, shHashKey } from "./sh";

const three = () => dests([["10.0.0.1"], ["10.0.0.2"], ["10.0.0.3"]]);

describe("sh (ip_vs_sh.c)", () => {
  it("hashes with hash_32(saddr, 8) = (saddr * 0x61C88647) >> 24", () => {
    // 10.244.1.5 = 0x0AF40105; 0x0AF40105 * 0x61C88647 mod 2^32 = 0x73…, top byte 115.
    expect(shHashKey("10.244.1.5", 0)).toBe(115);
    expect(shHashKey("10.244.1.6", 0)).toBe(212);
    expect(shHashKey("192.168.1.50", 0)).toBe(64);
  });

  it("fills buckets round robin by weight", () => {
    const t = shBuckets(
      dests([
        ["10.0.0.1", 2],
        ["10.0.0.2", 1],
      ]),
    );
    expect(t.slice(0, 6)).toEqual([
      "10.0.0.1:80",
      "10.0.0.1:80",
      "10.0.0.2:80",
      "10.0.0.1:80",
      "10.0.0.1:80",
      "10.0.0.2:80",
    ]);
  });

  it("same client → same server; clients spread by bucket mod 3", () => {
    const d = three();
    const s = sh.init(d);
    const pickFor = (ip: string, sport: number) => sh.schedule(s, d, pkt(ip, sport), [])?.ip;
    // buckets 115, 212, 194, 64 → 115%3=1 → .2; 212%3=2 → .3; 194%3=2 → .3; 64%3=1 → .2
    expect(["10.244.1.5", "10.244.1.6", "10.244.2.9", "192.168.1.50"].map((c) => pickFor(c, 1))).toEqual([
      "10.0.0.2",
      "10.0.0.3",
      "10.0.0.3",
      "10.0.0.2",
    ]);
    expect(new Set([1, 2, 3, 4000].map((p) => pickFor("10.244.1.5", p)))).toEqual(new Set(["10.0.0.2"]));
  });

  it("a weight-0 bucket owner yields no destination without sh-fallback", () => {
    const d = three();
    d[1]!.weight = 0;
    expect(sh.schedule(sh.init(d), d, pkt("10.244.1.5"), [])).toBeNull();
    expect(sh.schedule(sh.init(d), d, pkt("10.244.1.5"), ["sh-fallback"])).not.toBeNull();
  });

  it("the old kernels' multiplicative hash differs", () => {
    expect(multiplicativeHash(0x0af40105, 255)).not.toBe(shHashKey("10.244.1.5", 0));
  });
});

describe("dh (ip_vs_dh.c)", () => {
  it("hashes the destination: every client of one VIP reaches one server", () => {
    // 10.96.0.10 = 0x0A60000A; * 2654435761 & 255 = 234 → 234 % 3 = 0 → first server.
    expect(dhHashKey("10.96.0.10")).toBe(234);
    const d = three();
    const s = dh.init(d);
    const picks = ["10.244.1.5", "10.244.1.6", "192.168.1.50"].map(
      (c) => dh.schedule(s, d, pkt(c, 1, "10.96.0.10"), [])?.ip,
    );
    expect(picks).toEqual(["10.0.0.1", "10.0.0.1", "10.0.0.1"]);
    // 10.96.100.20 → 212 % 3 = 2 → third server.
    expect(dh.schedule(s, d, pkt("10.244.1.5", 1, "10.96.100.20"), [])?.ip).toBe("10.0.0.3");
    expect(dhBuckets(d).slice(0, 4)).toEqual(["10.0.0.1:80", "10.0.0.2:80", "10.0.0.3:80", "10.0.0.1:80"]);
  });
});
