import { describe, expect, it } from "vitest";
import { translate } from "./useT";

describe("plural rules", () => {
  it("chooses English's one and other forms by count", () => {
    expect(translate("en", "topology.endpoints", { count: 0 })).toBe("0 endpoints");
    expect(translate("en", "topology.endpoints", { count: 1 })).toBe("1 endpoint");
    expect(translate("en", "topology.endpoints", { count: 2 })).toBe("2 endpoints");
    expect(translate("en", "topology.moreServices", { count: 1 })).toBe("+1 more Service");
    expect(translate("en", "trace.rules", { count: 1 })).toBe("1 rule");
    expect(translate("en", "trace.rules", { count: 10_000 })).toBe("10,000 rules");
  });

  it("uses Korean's single form, with the number grouped the Korean way", () => {
    expect(translate("ko", "topology.endpoints", { count: 1 })).toBe("엔드포인트 1개");
    expect(translate("ko", "topology.endpoints", { count: 12_345 })).toBe("엔드포인트 12,345개");
  });

  it("fills every value of a plural message", () => {
    expect(translate("en", "topology.walk", { count: 1, chain: "KUBE-SERVICES" })).toBe(
      "1 rule walked in KUBE-SERVICES",
    );
    expect(translate("en", "topology.walk", { count: 37, chain: "KUBE-SERVICES" })).toBe(
      "37 rules walked in KUBE-SERVICES",
    );
  });
});
