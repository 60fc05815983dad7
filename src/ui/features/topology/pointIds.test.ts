import { describe, expect, it } from "vitest";
import { pointIds } from "./pointIds";

describe("pointIds", () => {
  it("maps a lesson's point to the diagram's glyph ids, default namespace unless named", () => {
    expect(pointIds({ service: "my-service", node: "kind-worker" })).toEqual([
      "service:default/my-service",
      "node:kind-worker",
    ]);
    expect(pointIds({ pod: "shop/web-2" })).toEqual(["pod:shop/web-2"]);
    expect(pointIds(null)).toEqual([]);
  });
});
