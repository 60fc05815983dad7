import { describe, expect, it } from "vitest";
import { edgeTargets, MANY_ENDPOINTS } from "./drawEdges";
import { layoutTopology } from "./layout";
import { syntheticView } from "./view.testkit";

describe("edgeTargets", () => {
  it("ends a Service's lines on each endpoint pod while they are few", () => {
    const layout = layoutTopology(syntheticView(3, 6));
    const web = layout.services.find((s) => s.key === "default/web")!;
    expect(edgeTargets(layout, web, true)).toHaveLength(5);
    expect(edgeTargets(layout, web, false)).toHaveLength(1);
  });

  it("ends them on each node's band of the namespace when there are many", () => {
    const layout = layoutTopology(syntheticView(10, 300));
    const web = layout.services.find((s) => s.key === "default/web")!;
    expect(web.endpoints.length).toBeGreaterThan(MANY_ENDPOINTS);
    const targets = edgeTargets(layout, web, true);
    expect(targets).toHaveLength(10);
    for (const t of targets) {
      const node = layout.nodes.find((n) => t.x > n.x && t.x < n.x + n.w && t.y > n.y && t.y < n.y + n.h);
      expect(node).toBeDefined();
    }
  });
});
