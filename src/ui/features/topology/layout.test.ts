import { describe, expect, it } from "vitest";
import type { TraceHop } from "../../../engine/net/types";
import { hopPosition, tracePoints } from "./hopPosition";
import { type Box, layoutTopology, MAX_DRAWN_SERVICES, serviceLines } from "./layout";
import { syntheticTrace, syntheticView } from "./view.testkit";

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function noOverlaps(boxes: Box[]): boolean {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) return false;
  return true;
}

describe("layoutTopology", () => {
  it("lays out 300 pods on 10 nodes legibly: every pod inside its node, nothing overlapping, all in bounds", () => {
    const layout = layoutTopology(syntheticView(10, 300));
    expect(layout.nodes).toHaveLength(10);
    expect(Object.keys(layout.pods)).toHaveLength(301);
    expect(noOverlaps(layout.nodes)).toBe(true);
    const world = { x: 0, y: 0, w: layout.width, h: layout.height };
    for (const n of layout.nodes) {
      expect(inside(n, world)).toBe(true);
      expect(inside(n.dataPlane, n)).toBe(true);
      expect(n.pods.length).toBeGreaterThanOrEqual(30);
      expect(n.pods.every((p) => p.compact)).toBe(true);
      for (const p of n.pods) {
        expect(inside(p, n)).toBe(true);
        expect(p.pod.node).toBe(n.node.name);
      }
      expect(noOverlaps([n.dataPlane, ...n.pods])).toBe(true);
      expect(noOverlaps(n.groups.map((g) => g.box))).toBe(true);
    }
    // A 10-node cluster fits a screen: no taller than it is wide.
    expect(layout.height).toBeLessThan(layout.width);
  });

  it("puts the control plane first and labels pods when few", () => {
    const layout = layoutTopology(syntheticView(3, 6));
    expect(layout.nodes.map((n) => n.node.name)).toEqual(["control-plane", "worker-1", "worker-2"]);
    expect(layout.nodes.flatMap((n) => n.pods).every((p) => !p.compact)).toBe(true);
    expect(layout.nodes[0]!.pods.map((p) => p.key)).toContain("kube-system/coredns-5d78c9869d-abcde");
  });

  it("sorts worker-10 after worker-9", () => {
    const layout = layoutTopology(syntheticView(12, 12));
    expect(layout.nodes.map((n) => n.node.name).slice(-3)).toEqual(["worker-9", "worker-10", "worker-11"]);
  });

  it("draws Services in a band above the nodes with their endpoint pods", () => {
    const layout = layoutTopology(syntheticView(3, 6));
    const top = Math.min(...layout.nodes.map((n) => n.y));
    for (const s of [...layout.services, ...layout.serviceGroups, layout.outside])
      expect(s.y + s.h).toBeLessThan(top);
    expect(noOverlaps([...layout.services, layout.outside])).toBe(true);
    expect(noOverlaps([...layout.serviceGroups, layout.outside])).toBe(true);
    const web = layout.services.find((s) => s.key === "default/web")!;
    expect(web.lines).toEqual(["web", "NodePort", "10.96.0.12:80", "NodePort :30007"]);
    expect(web.endpoints).toHaveLength(6);
    expect(web.endpoints.filter((e) => !e.ready)).toHaveLength(1);
    expect(web.endpoints.every((e) => layout.pods[e.pod])).toBe(true);
  });

  it("names the data plane by proxy mode, with what it counts", () => {
    const strip = (mode: "iptables" | "ipvs" | "nftables") => {
      const { name, count, unit } = layoutTopology(syntheticView(2, 2, mode)).nodes[0]!.dataPlane;
      return { name, count, unit };
    };
    expect(strip("iptables")).toEqual({ name: "KUBE-SERVICES", count: 42, unit: "rules" });
    expect(strip("ipvs")).toEqual({ name: "kube-ipvs0", count: 42, unit: "virtualServers" });
    expect(strip("nftables")).toEqual({ name: "service-ips", count: 42, unit: "elements" });
  });

  it("groups Services and each node's pods by namespace, every group named once", () => {
    const layout = layoutTopology(syntheticView(3, 6));
    expect(layout.serviceGroups.map((g) => g.namespace)).toEqual(["default", "kube-system"]);
    for (const svc of layout.services) {
      const frame = layout.serviceGroups.find((g) => g.namespace === svc.service.namespace)!;
      expect(inside(svc, frame)).toBe(true);
    }
    expect(noOverlaps(layout.serviceGroups)).toBe(true);
    const controlPlane = layout.nodes[0]!;
    expect(controlPlane.groups.map((g) => g.namespace)).toEqual(["default", "kube-system"]);
    for (const n of layout.nodes)
      for (const p of n.pods) {
        const group = n.groups.find((g) => g.namespace === p.pod.namespace)!;
        expect(inside(p, group.box)).toBe(true);
        expect(group.label.y).toBeLessThan(p.y);
      }
  });

  it("puts the nodes side by side when they fit, in fewer columns when the panel is short", () => {
    const wide = layoutTopology(syntheticView(6, 6), { width: 1900, height: 2000 });
    expect(new Set(wide.nodes.map((n) => n.y)).size).toBe(1);
    // Ten pods a node: labelled pods (nodes in rows) while there is height for them, glyphs when not.
    const view = syntheticView(6, 60);
    const tall = layoutTopology(view, { width: 1900, height: 2000 });
    expect(tall.nodes.flatMap((n) => n.pods).some((p) => p.compact)).toBe(false);
    const short = layoutTopology(view, { width: 1900, height: 400 });
    expect(short.height).toBeLessThan(tall.height);
  });

  it("gives a phone-wide diagram the outside client on its own row and two Services a row", () => {
    const layout = layoutTopology(syntheticView(3, 6), { width: 374, height: 600 });
    const firstService = Math.min(...layout.services.map((s) => s.y));
    expect(layout.outside.y + layout.outside.h).toBeLessThan(firstService);
    for (const s of layout.services) expect(s.x + s.w).toBeLessThanOrEqual(374);
    expect(layout.nodes.every((n) => n.x + n.w <= 374)).toBe(true);
  });

  it("writes headless and ExternalName Services as kubectl shows them", () => {
    const base = syntheticView(1, 1).services[1]!;
    expect(serviceLines({ ...base, headless: true, clusterIP: "None" })[1]).toBe("ClusterIP (headless)");
    expect(
      serviceLines({ ...base, type: "ExternalName", clusterIP: "", externalName: "example.com" })[2],
    ).toBe("example.com");
  });

  it("draws at most MAX_DRAWN_SERVICES Service boxes, kube-dns among them, and counts the rest", () => {
    const base = syntheticView(3, 6);
    const web = base.services[0]!;
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...web, name: `svc-${i}` }));
    const layout = layoutTopology({ ...base, services: [...base.services, ...many] });
    expect(layout.services).toHaveLength(MAX_DRAWN_SERVICES);
    expect(layout.services.map((s) => s.key)).toContain("kube-system/kube-dns");
    expect(layout.hiddenServices).toBe(base.services.length + 10_000 - MAX_DRAWN_SERVICES);
    expect(noOverlaps([...layout.services, layout.more!])).toBe(true);
    const nodeTop = Math.min(...layout.nodes.map((n) => n.y));
    expect(layout.more!.y + layout.more!.h).toBeLessThan(nodeTop);
  });

  it("counts the Services a capped view leaves out (serviceCount)", () => {
    const view = { ...syntheticView(3, 6), serviceCount: 10_001 };
    const layout = layoutTopology(view);
    expect(layout.hiddenServices).toBe(10_001 - view.services.length);
    expect(layout.more).toBeDefined();
    expect(layoutTopology(syntheticView(3, 6)).more).toBeUndefined();
  });

  it("handles an empty cluster", () => {
    const layout = layoutTopology({ ...syntheticView(1, 0), nodes: [], pods: [], services: [] });
    expect(layout.nodes).toEqual([]);
    expect(layout.height).toBeGreaterThan(0);
  });
});

describe("hopPosition", () => {
  const view = syntheticView(3, 6);
  const layout = layoutTopology(view);
  const trace = syntheticTrace(view, 1, 2);
  const points = tracePoints(layout, trace.hops);

  it("puts pod hops on the pod's glyph", () => {
    const pod = layout.pods[`default/${view.pods[1]!.name}`]!;
    expect(points[0]).toEqual({ x: pod.x + pod.w / 2, y: pod.y + pod.h / 2, kind: "pod" });
  });

  it("puts node stages inside that node's data-plane strip, in netfilter order", () => {
    const strip = layout.nodes.find((n) => n.node.name === view.pods[1]!.node)!.dataPlane;
    const pre = points[1]!;
    const route = points[2]!;
    expect(pre.kind).toBe("dataplane");
    expect(inside({ x: pre.x, y: pre.y, w: 0, h: 0 }, strip)).toBe(true);
    expect(route.x).toBeGreaterThan(pre.x);
  });

  it("puts a wire hop between the two nodes", () => {
    const a = layout.nodes.find((n) => n.node.name === view.pods[1]!.node)!;
    const b = layout.nodes.find((n) => n.node.name === view.pods[2]!.node)!;
    const wire = points[3]!;
    expect(wire.kind).toBe("wire");
    expect(wire.x).toBeGreaterThan(Math.min(a.x, b.x) + Math.min(a.w, b.w) / 2);
    expect(wire.x).toBeLessThan(Math.max(a.x, b.x) + Math.max(a.w, b.w) / 2);
  });

  it("puts outside clients on the outside anchor and a placeless DNS answer on kube-dns", () => {
    const base: TraceHop = trace.hops[0]!;
    const out = hopPosition(layout, { ...base, place: { external: true } });
    expect(out).toMatchObject({ x: layout.outside.x + layout.outside.w / 2, kind: "outside" });
    const dns = hopPosition(layout, { ...base, direction: "dns", place: {} });
    const svc = layout.services.find((s) => s.key === "kube-system/kube-dns")!;
    expect(dns).toEqual({ x: svc.x + svc.w / 2, y: svc.y + svc.h / 2, kind: "dns" });
  });

  it("falls back to the node when the pod is gone", () => {
    const p = hopPosition(layout, {
      ...trace.hops[0]!,
      place: { node: "worker-1", pod: "gone", namespace: "default" },
    });
    expect(p.kind).toBe("dataplane");
  });
});
