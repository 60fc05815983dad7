import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIPv4 } from "../api/ipv4";
import type { EndpointSlice } from "../api/types";
import { endpointsFor, slicePort } from "./endpoints";

const KEY = { portName: "http", protocol: "tcp" };
/** Addresses slices may carry: a few dotted quads (repeats make duplicates) and text that is not one. */
const ADDRESSES = ["10.244.1.2", "10.244.1.20", "10.244.12.0", "10.244.2.2", "010.244.1.2", "fe80::1", ""];

const endpoint = fc.record({
  addresses: fc.tuple(fc.constantFrom(...ADDRESSES)),
  nodeName: fc.constantFrom("a", "b", ""),
  conditions: fc.record({ ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean() }),
});

const slice = fc
  .record({
    port: fc.constantFrom(8080, 80, 9090),
    name: fc.constantFrom("http", "other"),
    endpoints: fc.array(endpoint, { maxLength: 50 }),
  })
  .map(
    (s): EndpointSlice =>
      ({
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: {
          name: `s-${s.port}`,
          namespace: "default",
          uid: `uid-${s.port}`,
          creationTimestamp: "2026-01-05T09:00:00Z",
          resourceVersion: "1",
        },
        addressType: "IPv4",
        ports: [{ name: s.name, port: s.port, protocol: "TCP" }],
        endpoints: s.endpoints,
      }) as EndpointSlice,
  );

/** kube-proxy's merge, by the `ip:port` text: the first of each wins. */
function reference(slices: readonly EndpointSlice[]) {
  const seen = new Set<string>();
  const out = [];
  for (const s of slices) {
    const port = slicePort(s, KEY);
    if (!port) continue;
    for (const ep of s.endpoints ?? []) {
      const ip = ep.addresses[0];
      if (!isIPv4(ip) || seen.has(`${ip}:${port}`)) continue;
      seen.add(`${ip}:${port}`);
      const ready = ep.conditions?.ready ?? true;
      out.push({
        str: `${ip}:${port}`,
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
        nodeName: ep.nodeName || undefined,
      });
    }
  }
  return out;
}

describe("endpointsFor", () => {
  it("merges the slices' endpoints as comparing their ip:port text does, past the scan's limit too", () => {
    fc.assert(
      fc.property(fc.array(slice, { maxLength: 4 }), (slices) => {
        const got = endpointsFor(KEY, slices).map((e) => ({
          str: e.str,
          ready: e.ready,
          serving: e.serving,
          terminating: e.terminating,
          nodeName: e.nodeName,
        }));
        expect(got).toEqual(reference(slices));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it("takes more than the scan's limit of distinct endpoints", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ addresses: [`10.244.3.${i}`] }));
    const s = {
      metadata: { name: "many" },
      addressType: "IPv4",
      ports: [{ name: "http", port: 80, protocol: "TCP" }],
      endpoints: [...many, ...many],
    } as EndpointSlice;
    expect(endpointsFor(KEY, [s]).map((e) => e.str)).toEqual(many.map((e) => `${e.addresses[0]}:80`));
  });
});
