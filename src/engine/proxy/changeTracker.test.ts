import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EndpointSlice, Service } from "../api/types";
import { ServiceChangeTracker, serviceKey, sliceServiceKey } from "./changeTracker";

const NAMES = ["a", "b", "c", "d"];

function svc(name: string, rv: number): Service {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name,
      namespace: "default",
      uid: `svc-${name}`,
      creationTimestamp: "",
      resourceVersion: String(rv),
    },
    spec: { clusterIP: "10.96.0.10", ports: [{ port: 80 }] },
  };
}

function slice(name: string, of: string, rv: number, ipv6 = false): EndpointSlice {
  return {
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: {
      name,
      namespace: "default",
      uid: `slice-${name}`,
      creationTimestamp: "",
      resourceVersion: String(rv),
      labels: { "kubernetes.io/service-name": of },
    },
    addressType: ipv6 ? "IPv6" : "IPv4",
    endpoints: [],
  };
}

/** One step of a cluster's history: what happens to each Service and slice. */
type Step = {
  services: ("keep" | "write" | "delete" | "absent")[];
  slices: { of: number; change: "keep" | "write" | "delete" | "absent"; ipv6: boolean }[];
  shuffle: number;
};

const stepArb: fc.Arbitrary<Step> = fc.record({
  services: fc.array(fc.constantFrom("keep", "write", "delete", "absent"), {
    minLength: NAMES.length,
    maxLength: NAMES.length,
  }),
  slices: fc.array(
    fc.record({
      of: fc.nat(NAMES.length - 1),
      change: fc.constantFrom("keep", "write", "delete", "absent"),
      ipv6: fc.boolean(),
    }),
    { minLength: 6, maxLength: 6 },
  ),
  shuffle: fc.nat(),
}) as fc.Arbitrary<Step>;

/** What the reference compares: each Service's object and rv, and the set of its slices' objects and rvs. */
function snapshot(
  services: Service[],
  slices: EndpointSlice[],
): Map<string, { svc: Service; slices: Set<object> }> {
  const out = new Map<string, { svc: Service; slices: Set<object> }>();
  for (const s of services) out.set(serviceKey(s), { svc: s, slices: new Set() });
  for (const s of slices) {
    const key = sliceServiceKey(s);
    if (key !== undefined) out.get(key)?.slices.add(s);
  }
  return out;
}

function sameSnapshot(
  a: { svc: Service; slices: Set<object> } | undefined,
  b: { svc: Service; slices: Set<object> } | undefined,
): boolean {
  if (!a || !b) return a === b;
  if (a.svc !== b.svc || a.slices.size !== b.slices.size) return false;
  for (const s of a.slices) if (!b.slices.has(s)) return false;
  return true;
}

describe("ServiceChangeTracker", () => {
  it("reports exactly the Services whose object or slices changed, with their slices in input order", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 6 }), (steps) => {
        const tracker = new ServiceChangeTracker();
        let rv = 1;
        let services: (Service | undefined)[] = NAMES.map(() => undefined);
        let slices: (EndpointSlice | undefined)[] = Array.from({ length: 6 }, () => undefined);
        let before = snapshot([], []);
        for (const step of steps) {
          services = services.map((s, i) => {
            const what = step.services[i];
            if (what === "delete" || what === "absent") return undefined;
            if (what === "write" || !s) return svc(NAMES[i]!, rv++);
            return s;
          });
          slices = slices.map((s, i) => {
            const { of, change, ipv6 } = step.slices[i]!;
            if (change === "delete" || change === "absent") return undefined;
            // A write may move the slice to another Service (its label names `of`).
            if (change === "write" || !s) return slice(`s${i}`, NAMES[of]!, rv++, ipv6);
            return s;
          });
          const svcs = services.filter((s): s is Service => s !== undefined);
          const sls = slices.filter((s): s is EndpointSlice => s !== undefined);
          const k = sls.length ? step.shuffle % sls.length : 0;
          const input = [...sls.slice(k), ...sls.slice(0, k)];
          const got = tracker.sync(svcs, input);
          const after = snapshot(svcs, input);
          const want = [...new Set([...before.keys(), ...after.keys()])].filter(
            (key) => !sameSnapshot(before.get(key), after.get(key)),
          );
          expect([...got.changed.keys()].sort()).toEqual(want.sort());
          expect(got.keys).toEqual(svcs.map(serviceKey));
          expect(got.duplicates).toBe(false);
          for (const c of got.changed.values()) {
            expect(c.service).toBe(after.get(c.key)?.svc);
            expect(c.slices).toEqual(c.service ? input.filter((s) => sliceServiceKey(s) === c.key) : []);
          }
          before = after;
        }
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it("reports nothing for an unchanged input, whatever its size", () => {
    const tracker = new ServiceChangeTracker();
    const svcs = Array.from({ length: 100 }, (_, i) => svc(`s${i}`, i));
    const sls = svcs.map((s, i) => slice(`e${i}`, s.metadata.name, 1000 + i));
    expect(tracker.sync(svcs, sls).changed.size).toBe(100);
    expect(tracker.sync(svcs, sls).changed.size).toBe(0);
    expect(tracker.sync(svcs.slice(1), sls).changed.size).toBe(1);
  });

  it("two Service objects with one key: flagged, and the next sync reports every Service again", () => {
    const tracker = new ServiceChangeTracker();
    const one = svc("a", 1);
    const twin = svc("a", 2);
    const other = svc("b", 3);
    expect(tracker.sync([one, twin, other], []).duplicates).toBe(true);
    const next = tracker.sync([twin, other], []);
    expect(next.duplicates).toBe(false);
    expect([...next.changed.keys()].sort()).toEqual(["default/a", "default/b"]);
    expect(tracker.sync([twin, other], []).changed.size).toBe(0);
  });
});
