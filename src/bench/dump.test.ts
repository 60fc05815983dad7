import { describe, expect, it } from "vitest";
import { readYaml } from "../engine/api/import/read/readYaml";
import { Simulation } from "../engine/simulation";
import { bigDump } from "./dump";

describe("the bench's generated dump", () => {
  it("is the same every time, and JSON and YAML import to the same cluster with every slice kept", async () => {
    const shape = { pods: 120, services: 40 };
    expect(bigDump(shape, "yaml")).toBe(bigDump(shape, "yaml"));
    const views = [];
    for (const format of ["json", "yaml"] as const) {
      const sim = new Simulation();
      const report = await sim.importCluster({ name: `d.${format}`, text: bigDump(shape, format) });
      expect(report.errors).toEqual([]);
      expect(report.counts).toEqual([
        { kind: "Node", count: 2 },
        { kind: "Pod", count: 120 },
        { kind: "Service", count: 40 },
        { kind: "ConfigMap", count: 2 },
        { kind: "EndpointSlice", count: 40 },
      ]);
      views.push(sim.view().services.map((s) => [s.name, s.clusterIP, s.endpoints.length]));
    }
    expect(views[0]).toEqual(views[1]);
    expect(views[0]![0]).toEqual(["app-0", "10.96.0.20", 3]);
  });

  it("quotes what YAML 1.1 reads as a timestamp, as kubectl's YAML does, and reads back whole", () => {
    const text = bigDump({ pods: 10, services: 4 }, "yaml");
    expect(text).toContain('creationTimestamp: "2026-12-01T09:00:00Z"');
    expect(readYaml(text, "d.yaml").documents).toHaveLength(1 + 10 + 4 + 2 + 4);
  });
});
