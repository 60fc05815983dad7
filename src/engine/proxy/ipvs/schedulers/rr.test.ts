import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { rr } from "./rr";
import { wrr } from "./wrr";

describe("rr (ip_vs_rr.c)", () => {
  it("cycles the kernel list from the head: A B C A B C", () => {
    const d = dests([["10.0.0.1"], ["10.0.0.2"], ["10.0.0.3"]]);
    const s = rr.init(d);
    const seq = Array.from({ length: 6 }, () => rr.schedule(s, d, pkt(), [])?.ip);
    expect(seq).toEqual(["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2", "10.0.0.3"]);
  });

  it("skips weight-0 (draining) servers and returns null when all are quiesced", () => {
    const d = dests([["10.0.0.1"], ["10.0.0.2", 0], ["10.0.0.3"]]);
    const s = rr.init(d);
    expect([1, 2, 3].map(() => rr.schedule(s, d, pkt(), [])?.ip)).toEqual([
      "10.0.0.1",
      "10.0.0.3",
      "10.0.0.1",
    ]);
    expect(rr.schedule(rr.init([]), dests([["10.0.0.1", 0]]), pkt(), [])).toBeNull();
  });

  it("after the cursor's server is deleted, continues from the entry before it (ip_vs_rr_del_dest)", () => {
    const d = dests([["10.0.0.1"], ["10.0.0.2"], ["10.0.0.3"]]);
    let s = rr.init(d);
    rr.schedule(s, d, pkt(), []);
    rr.schedule(s, d, pkt(), []); // cursor on .2
    const next = [d[0]!, d[2]!];
    s = rr.update(s, d, next);
    expect(rr.schedule(s, next, pkt(), [])?.ip).toBe("10.0.0.3");
  });
});

describe("wrr (ip_vs_wrr.c)", () => {
  it("weights 3/2/1 give A A B A B C per round", () => {
    // mw=3, di=1: cw=3 → A; cw=2 → A, B; cw=1 → A, B, C; wrap cw=3.
    const d = dests([
      ["10.0.0.1", 3],
      ["10.0.0.2", 2],
      ["10.0.0.3", 1],
    ]);
    const s = wrr.init(d);
    const seq = Array.from({ length: 12 }, () => wrr.schedule(s, d, pkt(), [])?.ip.slice(-1));
    expect(seq.join("")).toBe("112123112123");
  });

  it("all weights 1 behaves as rr", () => {
    const d = dests([["10.0.0.1"], ["10.0.0.2"], ["10.0.0.3"]]);
    const s = wrr.init(d);
    expect(Array.from({ length: 4 }, () => wrr.schedule(s, d, pkt(), [])?.ip.slice(-1)).join("")).toBe(
      "1231",
    );
  });

  it("weights 4/2 (gcd 2) alternate 1 1 2 per round", () => {
    // di=2, mw=4-(2-1)=3: cw=3 → A; cw=1 → A, B.
    const d = dests([
      ["10.0.0.1", 4],
      ["10.0.0.2", 2],
    ]);
    const s = wrr.init(d);
    expect(Array.from({ length: 6 }, () => wrr.schedule(s, d, pkt(), [])?.ip.slice(-1)).join("")).toBe(
      "112112",
    );
  });
});
