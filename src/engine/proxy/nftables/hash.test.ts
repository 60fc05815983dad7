import { describe, expect, it } from "vitest";
import { base32Prefix, hashAndTruncate, prefixedHashAndTruncate, sha256 } from "./hash";

describe("hashAndTruncate", () => {
  it("reproduces the chain names of upstream proxier_test.go", () => {
    const cases: [string, string][] = [
      ["ns1/svc1/tcp/p80", "ULMVA6XW-ns1/svc1/tcp/p80"],
      ["ns1/svc1/tcp/p80__10.180.0.1/80", "5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80"],
      ["ns2/svc2/tcp/p80", "42NFTM6N-ns2/svc2/tcp/p80"],
      ["ns2/svc2/tcp/p80__10.180.0.2/80", "SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80"],
      ["ns3/svc3/tcp/p80", "4AT6LBPK-ns3/svc3/tcp/p80"],
      ["ns3/svc3/tcp/p80__10.180.0.3/80", "UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80"],
      ["ns4/svc4/tcp/p80", "LAUZTJTB-ns4/svc4/tcp/p80"],
      ["ns4/svc4/tcp/p80__10.180.0.4/80", "UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80"],
      ["ns4/svc4/tcp/p80__10.180.0.5/80", "5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80"],
      ["ns5/svc5/tcp/p80", "HVFWP5L3-ns5/svc5/tcp/p80"],
      ["ns5/svc5/tcp/p80__10.180.0.3/80", "GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80"],
      ["default/kubernetes/tcp/https", "2QRHZV4L-default/kubernetes/tcp/https"],
      ["kube-system/kube-dns/udp/dns", "FY5PMXPG-kube-system/kube-dns/udp/dns"],
    ];
    for (const [name, want] of cases) expect(hashAndTruncate(name)).toBe(want);
  });

  it("is SHA-256 underneath (FIPS 180-2 test vector)", () => {
    const hex = [...sha256("abc")].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(hex).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(base32Prefix(new Uint8Array([0x66, 0x6f, 0x6f, 0x62, 0x61, 0x72]), 10)).toBe("MZXW6YTBOI");
  });

  it("cuts names longer than 240 characters and ends them in ...", () => {
    const long = `${"a".repeat(63)}/${"b".repeat(63)}/tcp/${"c".repeat(63)}__10.0.0.1/80${"9".repeat(40)}`;
    const out = hashAndTruncate(long);
    expect(out).toHaveLength(240);
    expect(out.endsWith("...")).toBe(true);
  });

  it("prefixed, is the prefix before hashAndTruncate's name, cut or not", () => {
    const long = `${"a".repeat(63)}/${"b".repeat(63)}/tcp/${"c".repeat(63)}__10.0.0.1/80${"9".repeat(40)}`;
    for (const name of ["ns1/svc1/tcp/p80__10.180.0.1/80", long, long.slice(0, 231), long.slice(0, 232)])
      expect(prefixedHashAndTruncate("endpoint-", name)).toBe(`endpoint-${hashAndTruncate(name)}`);
    // In pieces, as endpoint chains are named: the port's name, the address, `/port`.
    for (const name of ["ns1/svc1/tcp/p80__", long.slice(0, 200), long.slice(0, 220)])
      expect(prefixedHashAndTruncate("endpoint-", name, "10.180.0.1", "/8080")).toBe(
        `endpoint-${hashAndTruncate(`${name}10.180.0.1/8080`)}`,
      );
  });
});
