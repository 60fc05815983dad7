import { describe, expect, it } from "vitest";
import type { Trace } from "../../../engine/net/types";
import { burstFlows } from "./flows";
import { layoutTopology } from "./layout";
import { syntheticTrace, syntheticView } from "./view.testkit";

describe("burstFlows", () => {
  const view = syntheticView(3, 6);
  const layout = layoutTopology(view);

  it("groups a burst's connections by backend, with a count each, busiest first", () => {
    const traces = [
      ...Array.from({ length: 5 }, () => syntheticTrace(view, 0, 1)),
      ...Array.from({ length: 3 }, () => syntheticTrace(view, 0, 2)),
    ];
    const failed: Trace = { ...syntheticTrace(view, 0, 1), verdict: "timeout" };
    delete (failed as { backend?: unknown }).backend;
    const one = `default/${view.pods[1]!.name}`;
    const two = `default/${view.pods[2]!.name}`;
    const three = `default/${view.pods[3]!.name}`;
    // The engine counts every connection; the traces are a sample of them.
    const flows = burstFlows(layout, [...traces, failed], {
      received: [
        { pod: two, ip: "", count: 30 },
        { pod: one, ip: "", count: 50 },
        { pod: three, ip: "", count: 15 },
      ],
      failed: 5,
    });
    expect(flows.map((f) => [f.backend, f.count])).toEqual([
      [one, 50],
      [two, 30],
      [three, 15],
      [null, 5],
    ]);
    // A backend no sampled connection reached still gets a path, ending on its own pod.
    const pod = layout.pods[three]!;
    expect(flows[2]!.points.at(-1)).toEqual({ x: pod.x + pod.w / 2, y: pod.y + pod.h / 2, kind: "pod" });
  });

  it("follows the request only: it ends on the backend pod", () => {
    const backend = `default/${view.pods[2]!.name}`;
    const [flow] = burstFlows(layout, [syntheticTrace(view, 0, 2)], {
      received: [{ pod: backend, ip: "", count: 1 }],
      failed: 0,
    });
    const pod = layout.pods[`default/${view.pods[2]!.name}`]!;
    expect(flow!.points.at(-1)).toEqual({ x: pod.x + pod.w / 2, y: pod.y + pod.h / 2, kind: "pod" });
    expect(flow!.points).toHaveLength(6);
  });
});
