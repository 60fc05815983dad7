import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { ipToNumber, isIp, numberToIp } from "./ipv4";

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
