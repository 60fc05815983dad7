import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Protocol } from "../../net/types";
import { ConnTable } from "./conntable";
import type { RealServer } from "./model";

const dest = (ip: string, port: number): RealServer =>
  ({
    key: `${ip}:${port}`,
    ip,
    port,
    weight: 1,
    activeConns: 0,
    inactConns: 0,
    persistConns: 0,
  }) as RealServer;

// A small pool (tuples collide often), with addresses that differ only in their upper or lower half.
const addr = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("10.244.1.5", "10.245.1.5", "11.244.1.5", "10.244.5.1", "0.0.0.0"),
  },
  { weight: 1, arbitrary: fc.ipV4() },
);
const port = fc.oneof(fc.constantFrom(0, 80, 8080, 65535), fc.integer({ min: 0, max: 65535 }));
const tuple = fc.record({
  proto: fc.constantFrom<Protocol>("TCP", "UDP", "SCTP"),
  caddr: addr,
  cport: port,
  vaddr: addr,
  vport: port,
  daddr: addr,
  dport: port,
});

describe("ConnTable lookups", () => {
  it("find each connection by its request and reply tuples, as a table keyed by the tuples' text does", () => {
    fc.assert(
      fc.property(fc.array(tuple, { maxLength: 40 }), fc.array(tuple, { maxLength: 20 }), (added, probes) => {
        const t = new ConnTable();
        const byIn = new Map<string, number>();
        const byOut = new Map<string, number>();
        for (const c of added) {
          const conn = t.add(
            { ...c, vsKey: `${c.proto}/${c.vaddr}:${c.vport}`, dest: dest(c.daddr, c.dport) },
            0,
          );
          byIn.set(`${c.proto} ${c.caddr}:${c.cport} ${c.vaddr}:${c.vport}`, conn.id);
          byOut.set(`${c.proto} ${c.daddr}:${c.dport} ${c.caddr}:${c.cport}`, conn.id);
        }
        for (const p of [...added, ...probes]) {
          expect(t.lookupIn(p.proto, p.caddr, p.cport, p.vaddr, p.vport)?.id).toBe(
            byIn.get(`${p.proto} ${p.caddr}:${p.cport} ${p.vaddr}:${p.vport}`),
          );
          expect(t.lookupOut(p.proto, p.daddr, p.dport, p.caddr, p.cport)?.id).toBe(
            byOut.get(`${p.proto} ${p.daddr}:${p.dport} ${p.caddr}:${p.cport}`),
          );
        }
        // Every entry expires (UDP after 5 min, TCP after 15) and is found no more.
        t.expire(3_600_000);
        for (const p of added)
          expect(t.lookupIn(p.proto, p.caddr, p.cport, p.vaddr, p.vport)).toBeUndefined();
      }),
      { seed: 18, numRuns: 200 },
    );
  });
});
