import { describe, expect, it } from "vitest";
import { dests, pkt } from "./dests.testkit";
import { lblc } from "./lblc";
import { lblcr } from "./lblcr";

describe("lblc (ip_vs_lblc.c)", () => {
  it("keeps one server per destination address until it is overloaded (active > weight while another has active*2 < weight)", () => {
    const d = dests([
      ["10.0.0.1", 2],
      ["10.0.0.2", 2],
    ]);
    const s = lblc.init(d);
    const open = () => {
      const x = lblc.schedule(s, d, pkt(), [])!;
      x.activeConns++;
      return x.ip.slice(-1);
    };
    // 1st: wlc tie → 1 (cached). 2nd, 3rd: cached 1 (active 1, 2 ≤ weight 2). 4th: active 3 > 2 and
    // server 2 has 0*2 < 2 → overloaded: wlc picks 2 and the cache now says 2.
    expect([open(), open(), open(), open(), open()].join("")).toBe("11122");
  });
});

describe("lblcr (ip_vs_lblcr.c)", () => {
  it("grows the server set of a destination when its least-loaded member is overloaded", () => {
    const d = dests([
      ["10.0.0.1", 1],
      ["10.0.0.2", 1],
    ]);
    const s = lblcr.init(d);
    const open = () => {
      const x = lblcr.schedule(s, d, pkt(), [])!;
      x.activeConns++;
      return x.ip.slice(-1);
    };
    // set {1}: 1, then 1 (active 1 ≤ 1), then overloaded (2 > 1, server 2 idle) → wlc → 2 joins.
    // set {2,1}: least loaded is 2 (active 1 vs 2) → 2; then overloaded? 2 has 2 > 1 but nobody has active*2 < 1.
    expect([open(), open(), open(), open(), open()].join("")).toBe("11222");
    expect(s.table.get("10.96.0.10")?.set).toEqual(["10.0.0.2:80", "10.0.0.1:80"]);
  });
});
