import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import {
  cidrContains,
  cidrTextContains,
  formatCidr,
  ipToNumber,
  isIPv4,
  isIPv6,
  isIp,
  lastAddress,
  numberToIp,
  parseCidr,
  parseCidrOrAddress,
} from "./ipv4";

describe("ipToNumber", () => {
  it("reads four decimal octets as an unsigned number", () => {
    expect(ipToNumber("10.96.0.1")).toBe(0x0a600001);
    expect(ipToNumber("255.255.255.255")).toBe(0xffffffff);
    expect(ipToNumber("0.0.0.0")).toBe(0);
    expect(numberToIp(ipToNumber("172.16.0.10")!)).toBe("172.16.0.10");
  });

  it("refuses what Go's net.ParseIP refuses", () => {
    for (const bad of [
      "256.1.1.1",
      "01.2.3.4",
      "1.2.3.04",
      "1.2.3",
      "1.2.3.4.5",
      "1..3.4",
      "0x1.2.3.4",
      " 1.2.3.4",
      "None",
      "",
    ]) {
      expect(ipToNumber(bad), bad).toBeUndefined();
    }
  });

  it("agrees with ipaddr.js's four-part decimal parser on every octet value", () => {
    for (let o = 0; o < 1000; o++) {
      for (const ip of [`${o}.1.2.3`, `1.${o}.2.3`, `0${o}.0.0.1`, `1.2.3.${o}`]) {
        const want = ipaddr.IPv4.isValidFourPartDecimal(ip)
          ? ipaddr.IPv4.parse(ip)
              .toByteArray()
              .reduce((n, b) => n * 256 + b, 0)
          : undefined;
        expect(ipToNumber(ip), ip).toBe(want);
      }
    }
  });
});

describe("isIp", () => {
  it("takes IPv4 and IPv6 addresses and nothing else", () => {
    expect(isIp("10.96.0.10")).toBe(true);
    expect(isIp("2001:db8::ffff")).toBe(true);
    expect(isIp("::ffff:1.2.3.4")).toBe(true);
    expect(isIp("10.96.0.256")).toBe(false);
    expect(isIp(":::")).toBe(false);
    expect(isIp("None")).toBe(false);
  });
});

describe("parseCidr", () => {
  it("reads a.b.c.d/n as Go's net.ParseCIDR does, clearing the host bits", () => {
    expect(parseCidr("10.244.1.7/24")).toEqual({
      network: 0x0af40100,
      prefix: 24,
      mask: 0xffffff00,
      size: 256,
    });
    expect(formatCidr(parseCidr("10.96.0.0/12")!)).toBe("10.96.0.0/12");
    expect(parseCidr("0.0.0.0/0")).toEqual({ network: 0, prefix: 0, mask: 0, size: 2 ** 32 });
    expect(numberToIp(lastAddress(parseCidr("10.244.1.0/24")!))).toBe("10.244.1.255");
  });

  it("refuses what net.ParseCIDR refuses, leading zeros in the address included", () => {
    for (const bad of [
      "10.0.0.0",
      "10.0.0.0/33",
      "10.0.0.0/",
      "010.0.0.0/8",
      "10.0.0.0/8 ",
      "10.0.0.0/-1",
      "/8",
    ])
      expect(parseCidr(bad), bad).toBeUndefined();
  });

  it("takes a bare address as its /32 only where a tool does (parseCidrOrAddress)", () => {
    expect(parseCidrOrAddress("192.168.1.10")).toEqual(parseCidr("192.168.1.10/32"));
    expect(parseCidrOrAddress("010.1.1.1")).toBeUndefined();
  });

  it("contains exactly the addresses between its network and last address", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (ip, prefix, probe) => {
          const c = parseCidr(`${numberToIp(ip)}/${prefix}`)!;
          const inside = probe >= c.network && probe <= lastAddress(c);
          expect(cidrContains(c, ipToNumber(numberToIp(probe))!)).toBe(inside);
          expect(cidrTextContains(formatCidr(c), numberToIp(probe))).toBe(inside);
        },
      ),
      { seed: 16, numRuns: 500 },
    );
  });

  it("round-trips every address through text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        expect(ipToNumber(numberToIp(n))).toBe(n);
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});

describe("isIPv4 / isIPv6", () => {
  it("are the strict parsers' answers", () => {
    expect(isIPv4("10.244.1.5")).toBe(true);
    expect(isIPv4("010.244.1.5")).toBe(false);
    expect(isIPv4(undefined)).toBe(false);
    expect(isIPv6("fd00::5")).toBe(true);
    expect(isIPv6("::::")).toBe(false);
  });

  it("reads IPv6 as Go's net.ParseIP does", () => {
    const valid = ["::", "::1", "1::", "fe80::1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8"];
    valid.push("::ffff:10.0.0.1", "1:2:3:4:5:6:10.0.0.1", "1:2:3:4:5::10.0.0.1", "a:b:c:d:e:f:1.2.3.4");
    for (const a of valid) expect(isIPv6(a), a).toBe(true);
    const invalid = [
      "1:2:3:4:5:6:7:8:9",
      "1::2::3",
      ":1",
      "1:",
      ":::",
      "12345::",
      "g::",
      "1:2:3:4:5:6:7:8::",
    ];
    // A zone, a leading zero in the IPv4 part, an IPv4 part not at the end, one that leaves no room.
    invalid.push(
      "fe80::1%eth0",
      "::ffff:010.0.0.1",
      "1.2.3.4::",
      "1:2:3:4:5:6:7:10.0.0.1",
      "::1.2.3",
      "10.0.0.1",
    );
    for (const a of invalid) expect(isIPv6(a), a).toBe(false);
  });
});
