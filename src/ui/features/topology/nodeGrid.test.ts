import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TopologyView } from "../../../engine/view/topology";
import { fitLayout } from "./fit";
import { layoutHeight, layoutTopology, prepareLayout } from "./layout";
import { syntheticView } from "./view.testkit";

/** A synthetic cluster with its pods spread over namespaces, some on no node or on a node not in the view. */
const cluster = fc
  .record({
    nodes: fc.integer({ min: 0, max: 9 }),
    pods: fc.integer({ min: 0, max: 420 }),
    namespaces: fc.integer({ min: 1, max: 4 }),
    stray: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ nodes, pods, namespaces, stray }): TopologyView => {
    const view = syntheticView(Math.max(1, nodes), pods);
    view.pods = view.pods.map((p, i) => ({
      ...p,
      namespace: `ns-${i % namespaces}`,
      ...(i < stray ? { node: i % 2 ? "" : "gone" } : {}),
    }));
    if (nodes === 0) view.nodes = [];
    return view;
  });

const size = fc.record({
  width: fc.integer({ min: 200, max: 3000 }),
  height: fc.integer({ min: 100, max: 3000 }),
});

describe("the node grid measured and built", () => {
  it("measures every size's height exactly as the layout built for it comes out", () => {
    fc.assert(
      fc.property(cluster, size, (view, s) => {
        expect(layoutHeight(prepareLayout(view), s)).toBe(layoutTopology(view, s).height);
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it("fits by measures, and lays out in full at the scale it chose", () => {
    fc.assert(
      fc.property(cluster, size, fc.constantFrom(1, 1.4), (view, s, min) => {
        const { layout, scale } = fitLayout(view, s.width, s.height, min);
        expect(layout).toEqual(layoutTopology(view, { width: s.width / scale, height: s.height / scale }));
      }),
      { seed: 17, numRuns: 150 },
    );
  });
});
