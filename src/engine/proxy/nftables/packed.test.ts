import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NftElement } from "./model";
import { ElementTriples, endpointMeta, LOCAL, READY, SERVING, TERMINATING } from "./packed";

describe("endpointMeta", () => {
  it("round-trips every port and flag set", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 15 }), (port, flags) => {
        const meta = endpointMeta.pack(port, flags);
        expect(endpointMeta.port(meta)).toBe(port);
        expect(endpointMeta.flags(meta)).toBe(flags);
        for (const f of [LOCAL, READY, SERVING, TERMINATING])
          expect(endpointMeta.has(meta, f)).toBe((flags & f) !== 0);
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});

describe("ElementTriples", () => {
  it("gives back each element under its set and key, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 20 }), (entries) => {
        const t = new ElementTriples();
        const elements: NftElement[] = entries.map(([, k]) => ({ key: [k] }));
        for (const [i, [s, k]] of entries.entries()) t.put(s, k, elements[i]!);
        t.trim((a) => a.slice());
        expect(t.length).toBe(entries.length);
        entries.forEach(([s, k], i) => {
          expect([t.set(i), t.key(i), t.element(i)]).toEqual([s, k, elements[i]]);
        });
      }),
      { seed: 6, numRuns: 100 },
    );
  });
});
