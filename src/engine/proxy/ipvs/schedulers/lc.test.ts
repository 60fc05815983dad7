import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { lc } from "./lc";
import { wlc } from "./wlc";

describe("lc (ip_vs_lc.c)", () => {
  it("picks the least loaded as connections open and close", () => {
    const d = dests([["10.0.0.1"], ["10.0.0.2"], ["10.0.0.3"]]);
    const open = () => {
      const x = lc.schedule(null, d, pkt(), [])!;
      x.activeConns++;
      return x.ip.slice(-1);
    };
    // overheads 0,0,0 → 1; 256,0,0 → 2; 256,256,0 → 3; all 256 → tie, first → 1.
    expect([open(), open(), open(), open()].join("")).toBe("1231");
    // Server 2 closes its connection: it turns inactive (overhead 1) — least loaded.
    d[1]!.activeConns--;
    d[1]!.inactConns++;
    expect(open()).toBe("2");
    // Now 512, 257, 256: server 3 (256) beats 2 (256 + 1).
    expect(open()).toBe("3");
  });

  it("ignores weights except 0", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 100],
    ]);
    d[0]!.activeConns = 1;
    d[1]!.activeConns = 2;
    expect(lc.schedule(null, d, pkt(), [])?.ip).toBe("10.0.0.1");
    d[0]!.weight = 0;
    expect(lc.schedule(null, d, pkt(), [])?.ip).toBe("10.0.0.2");
  });
});

describe("wlc (ip_vs_wlc.c)", () => {
  it("compares overhead*weight products: weight 3 takes three times the load", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 3],
    ]);
    const seq: string[] = [];
    for (let i = 0; i < 8; i++) {
      const x = wlc.schedule(null, d, pkt(), [])!;
      x.activeConns++;
      seq.push(x.ip.slice(-1));
    }
    // (oh1, oh2) in conns: (0,0) tie→1; (1,0): 256*3 > 0 → 2; (1,1): 768 > 256 → 2;
    // (1,2): 768 > 512 → 2; (1,3): 768 > 768 no → 1; (2,3): 1536 > 768 → 2; (2,4) → 2; (2,5) → 2.
    expect(seq.join("")).toBe("12221222");
  });
});
