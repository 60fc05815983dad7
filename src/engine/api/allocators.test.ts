import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng } from "../util/prng";
import { IpAllocator } from "./ipAllocator";
import { ipToNumber } from "./ipv4";
import { LbAllocator } from "./lbAllocator";
import { PortAllocator } from "./portAllocator";

describe("IpAllocator", () => {
  it("never hands out an address twice, nor network or broadcast", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 24, max: 28 }), (seed, prefix) => {
        const a = new IpAllocator(`10.0.0.0/${prefix}`, new Prng(seed));
        const seen = new Set<string>();
        for (;;) {
          const ip = a.allocateNext();
          if (ip === undefined) break;
          expect(seen.has(ip)).toBe(false);
          seen.add(ip);
        }
        const size = 2 ** (32 - prefix);
        expect(seen.size).toBe(size - 2);
        expect(seen.has("10.0.0.0")).toBe(false);
        for (const ip of seen) expect(ipToNumber(ip)! - ipToNumber("10.0.0.0")!).toBeLessThan(size - 1);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it("honours requested addresses or refuses them with upstream's words", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const a = new IpAllocator("10.96.0.0/24", new Prng(1));
        const ip = `10.96.${Math.floor(n / 256)}.${n % 256}`;
        const err = a.allocate(ip);
        if (n === 0 || n >= 255) {
          expect(err?.message).toBe(
            `the provided IP (${ip}) is not in the valid range. The range of valid IPs is 10.96.0.0/24`,
          );
        } else {
          expect(err).toBeUndefined();
          expect(a.allocate(ip)?.message).toBe("provided IP is already allocated");
        }
      }),
      { seed: 3 },
    );
  });

  it("prefers the upper band: random picks avoid the static band of a /12", () => {
    const a = new IpAllocator("10.96.0.0/12", new Prng(42));
    for (let i = 0; i < 200; i++)
      expect(ipToNumber(a.allocateNext()!)!).toBeGreaterThan(ipToNumber("10.96.1.0")!);
    expect(a.nth(1)).toBe("10.96.0.1");
  });
});

describe("PortAllocator", () => {
  it("stays in range and never repeats; the static band fills last", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = new PortAllocator(30000, 2768, new Prng(seed));
        expect(a.staticBand).toBe(86);
        const seen = new Set<number>();
        for (let i = 0; i < 2768 - 86; i++) {
          const p = a.allocateNext()!;
          expect(p).toBeGreaterThanOrEqual(30086);
          expect(p).toBeLessThanOrEqual(32767);
          expect(seen.has(p)).toBe(false);
          seen.add(p);
        }
        const low = a.allocateNext()!;
        expect(low).toBeLessThan(30086);
      }),
      { numRuns: 3, seed: 11 },
    );
  });

  it("honours or refuses requested ports", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), (port) => {
        const a = new PortAllocator(30000, 2768, new Prng(1));
        const err = a.allocate(port);
        if (port < 30000 || port > 32767) {
          expect(err?.message).toBe(
            "provided port is not in the valid range. The range of valid ports is 30000-32767",
          );
        } else {
          expect(err).toBeUndefined();
          expect(a.allocate(port)?.message).toBe("provided port is already allocated");
          a.release(port);
          expect(a.allocate(port)).toBeUndefined();
        }
      }),
      { seed: 5 },
    );
  });
});

describe("LbAllocator", () => {
  it("hands out the lowest free address across CIDR and range entries", () => {
    const a = new LbAllocator([
      { name: "p", addresses: ["172.18.255.200-172.18.255.201", "192.168.0.0/31"], autoAssign: true },
    ]);
    expect([a.allocateNext(), a.allocateNext(), a.allocateNext()]).toEqual([
      "172.18.255.200",
      "172.18.255.201",
      "192.168.0.0",
    ]);
    a.release("172.18.255.200");
    expect(a.allocateNext()).toBe("172.18.255.200");
    expect(a.allocateNext()).toBe("192.168.0.1");
    expect(a.allocateNext()).toBeUndefined();
  });
});
