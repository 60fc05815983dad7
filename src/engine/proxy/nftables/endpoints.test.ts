import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandEndpoints } from "./endpoints";
import { NftNames } from "./hash";

const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
// One shared /24 and octets like 1, 12, 123: one address is often a prefix of another (10.1.1.1 / 10.1.1.12).
const near = fc.constantFrom(1, 12, 123, 2, 25, 250, 0, 10, 100).map((o) => `10.1.1.${o}`);
const endpoint = fc.tuple(fc.oneof(ip, near, near), fc.constantFrom(80, 8, 8080, 9, 443, 10, 1));

describe("expandEndpoints", () => {
  it("sorts as the IP:port strings do, as kube-proxy sorts them", () => {
    fc.assert(
      fc.property(fc.uniqueArray(endpoint, { selector: ([a, p]) => `${a}:${p}`, maxLength: 14 }), (eps) => {
        const out = expandEndpoints(
          { ips: eps.map(([a]) => a), meta: eps.map(([, p]) => p * 16) },
          "ns/svc/tcp/",
          new NftNames(),
        );
        const want = eps.map(([a, p]) => `${a}:${p}`).sort();
        expect(out.map((e) => `${e.ip}:${e.port}`)).toEqual(want);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
