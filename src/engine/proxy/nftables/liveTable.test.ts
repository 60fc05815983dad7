import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Packet } from "../../net/types";
import type { DataPlaneSize, HookContext, ProxyInput } from "../types";
import { buildTable } from "./build";
import { nftablesMode } from "./dataPlane";
import { diffWrites, fullWrites } from "./diff";
import { type AffinityState, evaluateHook, viewOf } from "./evaluate";
import type { NftTable } from "./model";
import { overallInput, TEST_NODE } from "./objects.testkit";
import { renderChain, renderTable, wrapInTable } from "./render";
import { NODE, SCENARIOS } from "./scenarios.testkit";
import { applyEdits, edit, inputOf, materializeShape, svcShape, type World } from "./worlds.testkit";

/** What the data plane's size() reported when it kept the whole table written out. */
function sizeOf(t: NftTable, affinity: AffinityState): DataPlaneSize {
  const detail: Record<string, number> = {};
  let elements = 0;
  let rules = 0;
  for (const s of t.sets.values()) {
    detail[s.name] = s.timeoutSeconds === undefined ? s.elements.size : (affinity.get(s.name)?.size ?? 0);
    elements += detail[s.name] ?? 0;
  }
  for (const c of t.chains.values()) rules += c.rules.length;
  detail.chains = t.chains.size;
  detail.rules = rules;
  return { primary: elements, detail };
}

function ctx(node: string): HookContext {
  return { node, ctState: "NEW", dstIsLocal: false, srcIsLocal: false, random: () => 0.6, nowMs: 0 };
}

/**
 * The lazy plane shows, counts and walks exactly what the fully written
 * table does; `affinity` is the reference's session-affinity state, kept
 * across calls as the plane keeps its own.
 */
function expectSame(
  plane: ReturnType<typeof nftablesMode.build>,
  full: NftTable,
  node: string,
  affinity: AffinityState = new Map(),
): void {
  for (const name of [...affinity.keys()]) if (!full.sets.has(name)) affinity.delete(name);
  expect(plane.listTable(1000)).toBe(renderTable(full, affinity, 1000));
  expect(plane.size()).toEqual(sizeOf(full, affinity));
  for (const c of full.chains.values()) expect(plane.listChain(c.name)).toBe(wrapInTable(renderChain(c)));
  const ips = [
    ...(full.sets.get("cluster-ips")?.elements.keys() ?? []),
    ...["192.168.1.200", "192.168.1.240", "192.168.2.10", "192.168.3.11"],
  ];
  for (const dst of ips)
    for (const [proto, dport] of [
      ["TCP", 80],
      ["UDP", 53],
    ] as const) {
      const p: Packet = { proto, src: "10.244.1.1", sport: 1234, dst, dport, mark: 0, bytes: 60 };
      for (const hook of ["PREROUTING", "OUTPUT", "FORWARD"] as const)
        expect(plane.hook(hook, p, ctx(node))).toEqual(
          evaluateHook(viewOf(full), affinity, hook, p, ctx(node)),
        );
      expect(plane.listTable(1000)).toBe(renderTable(full, affinity, 1000));
    }
}

describe("the data plane's lazily written table", () => {
  const cases: [string, () => ProxyInput, string][] = [
    ["overall", overallInput, TEST_NODE],
    ...Object.entries(SCENARIOS).map(([name, make]): [string, () => ProxyInput, string] => [
      name,
      make,
      NODE,
    ]),
  ];
  for (const [name, make, node] of cases)
    it(`lists, counts and evaluates the ${name} table as the fully written one`, () => {
      const plane = nftablesMode.build(make(), node);
      const full = buildTable(make(), node);
      expect(plane.lastSyncWrites()).toBe(fullWrites(full));
      expectSame(plane, full, node);
      expect(plane.table()).toEqual(full);
    });

  it("finds no chain under a per-Service name with the wrong hash", () => {
    const plane = nftablesMode.build(overallInput(), TEST_NODE);
    expect(plane.listChain("service-ULMVA6XW-ns1/svc1/tcp/p80")).toBeDefined();
    expect(plane.listChain("service-AAAAAAAA-ns1/svc1/tcp/p80")).toBeUndefined();
    expect(plane.listChain("service-ULMVA6XW-ns9/svc1/tcp/p80")).toBeUndefined();
    expect(plane.listChain("endpoint-")).toBeUndefined();
  });

  it("follows random edits with the full rebuild's listing, size, walks and write count", () => {
    const step = fc.record({
      edits: fc.array(edit, { minLength: 6, maxLength: 6 }),
      shapes: fc.array(svcShape, { minLength: 6, maxLength: 6 }),
      reversed: fc.boolean(),
      podSubnet: fc.constantFrom(...Array<string>(7).fill("10.244.0.0/16"), "10.0.0.0/8"),
    });
    fc.assert(
      fc.property(
        fc.array(svcShape, { minLength: 6, maxLength: 6 }),
        fc.array(step, { maxLength: 4 }),
        (first, steps) => {
          let world: World = new Map(first.map((s, i) => [i, materializeShape(i, s, "1")]));
          const plane = nftablesMode.build(inputOf(world, false), NODE);
          let prev = buildTable(inputOf(world, false), NODE);
          const affinity: AffinityState = new Map();
          expectSame(plane, prev, NODE, affinity);
          steps.forEach((s, n) => {
            world = applyEdits(world, s.edits, s.shapes, String(n + 2));
            const input = inputOf(world, s.reversed, s.podSubnet);
            plane.sync(input);
            const next = buildTable(input, NODE);
            expect(plane.lastSyncWrites()).toBe(diffWrites(prev, next));
            expectSame(plane, next, NODE, affinity);
            prev = next;
          });
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  }, 120_000);
});
