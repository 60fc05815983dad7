import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../util/sha256";
import { ChainNamer, endpointChainName, servicePortChains } from "./chainNames";

describe("kube-proxy chain names (upstream test vectors)", () => {
  it("sha256 is FIPS 180-4", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
  it.each([
    ["ns1/svc1:p80", "tcp", "KUBE-SVC-XPGD46QRK7WJZT7O"],
    ["ns2/svc2:p80", "tcp", "KUBE-SVC-GNZBNJ2PO5MGZ6GT"],
    ["ns5/svc5:p80", "tcp", "KUBE-SVC-NUKIZ6OKUXPJNT4C"],
    ["default/kubernetes:https", "tcp", "KUBE-SVC-NPX46M4PTMTKRN6Y"],
    ["kube-system/kube-dns:dns", "udp", "KUBE-SVC-TCOU7JCQXEZGVUNU"],
    ["kube-system/kube-dns:dns-tcp", "tcp", "KUBE-SVC-ERIFXISQEP7F7OF4"],
    ["kube-system/kube-dns:metrics", "tcp", "KUBE-SVC-JD5MR3NA4I4DYORP"],
    ["default/my-service", "TCP", "KUBE-SVC-FXIYY6OHUSNBITIX"],
  ])("%s %s → %s", (spn, proto, name) => {
    expect(servicePortChains(spn, proto).svc).toBe(name);
  });
  it.each([
    ["ns1/svc1:p80", "10.180.0.1:80", "KUBE-SEP-SXIVWICOYRO3J4NJ"],
    ["ns4/svc4:p80", "10.180.0.5:80", "KUBE-SEP-C6EBXVWJJZMIWKLZ"],
    ["ns5/svc5:p80", "10.180.0.3:80", "KUBE-SEP-I77PXRDZVX7PMWMN"],
  ])("%s %s → %s", (spn, ep, name) => {
    expect(endpointChainName(spn, "tcp", ep)).toBe(name);
  });
  it("names a port's endpoints from their address and port as from `ip:port`", () => {
    const namer = new ChainNamer();
    const eps = [
      { ip: "10.180.0.1", port: 80 },
      { ip: "10.180.0.1", port: 8080 },
      { ip: "10.244.123.45", port: 8080 },
    ];
    expect(namer.endpointChains("ns1/svc1:p80", "TCP", eps)).toEqual([
      "KUBE-SEP-SXIVWICOYRO3J4NJ",
      endpointChainName("ns1/svc1:p80", "tcp", "10.180.0.1:8080"),
      endpointChainName("ns1/svc1:p80", "tcp", "10.244.123.45:8080"),
    ]);
    expect(namer.hashBase32("ns1/svc1:p80tcp")).toBe("XPGD46QRK7WJZT7O");
  });
  it("all four service chains share one suffix", () => {
    expect(servicePortChains("ns2/svc2:p80", "tcp")).toEqual({
      svc: "KUBE-SVC-GNZBNJ2PO5MGZ6GT",
      svl: "KUBE-SVL-GNZBNJ2PO5MGZ6GT",
      ext: "KUBE-EXT-GNZBNJ2PO5MGZ6GT",
      fw: "KUBE-FW-GNZBNJ2PO5MGZ6GT",
    });
  });
});
