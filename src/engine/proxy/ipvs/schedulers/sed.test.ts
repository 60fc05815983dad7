import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { nq } from "./nq";
import { sed } from "./sed";

describe("sed (ip_vs_sed.c) and nq (ip_vs_nq.c)", () => {
  it("idle servers of weights 1 and 3: sed prefers the heavy one, nq the first idle one", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 3],
    ]);
    // sed: (0+1)*3 > (0+1)*1 → server 2. nq: server 1 is idle → it wins at once.
    expect(sed.schedule(null, d, pkt(), [])?.ip).toBe("10.0.0.2");
    expect(nq.schedule(null, d, pkt(), [])?.ip).toBe("10.0.0.1");
  });

  it("sed ignores inactive connections; the sequence for weights 1/3", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 3],
    ]);
    d[1]!.inactConns = 1000;
    const seq: string[] = [];
    for (let i = 0; i < 5; i++) {
      const x = sed.schedule(null, d, pkt(), [])!;
      x.activeConns++;
      seq.push(x.ip.slice(-1));
    }
    // a=(1,2) products: (1*3 > 1*1) → 2; (1*3 > 2*1) → 2; (1*3 > 3*1)? no → 1; (2*3 > 3*1) → 2; (2*3 > 4*1) → 2.
    expect(seq.join("")).toBe("22122");
  });

  it("nq falls back to sed once nobody is idle", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 3],
    ]);
    const seq: string[] = [];
    for (let i = 0; i < 5; i++) {
      const x = nq.schedule(null, d, pkt(), [])!;
      x.activeConns++;
      seq.push(x.ip.slice(-1));
    }
    // 1 idle → 1; 2 idle → 2; then sed on (1,1): 2*3 > 2*1 → 2; (1,2): 2*3 > 3*1 → 2; (1,3): 6 > 4 → 2.
    expect(seq.join("")).toBe("12222");
  });
});
