import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NODE } from "../nftables/scenarios.testkit";
import {
  applyEdits,
  edit,
  inputOf,
  materializeShape,
  svcShape,
  type World,
} from "../nftables/worlds.testkit";
import { dummyMac } from "./dataplane";
import { desiredState } from "./desired";
import { emptyIpsets } from "./ipsets";
import { createIpvsMode } from "./mode";
import type { IpvsNodeState } from "./model";
import { applyDesired, type SchedSlot } from "./sync";

/** Everything a sync decides: virtual servers (in table order) with their real servers, sets, addresses. */
function view(s: IpvsNodeState) {
  return {
    virtualServers: [...s.virtualServers.values()].map((vs) => ({
      ...vs,
      dests: vs.dests.map((d) => `${d.key} w${d.weight}`),
    })),
    ipsets: [...s.ipsets.values()].map((set) => [set.name, set.members]),
    ipvsAddresses: s.ipvsAddresses,
    nodeIPs: s.nodeIPs,
  };
}

describe("IPVS syncs", () => {
  it("read only the changed Services and leave the state the whole input's desired state leaves", () => {
    const step = fc.record({
      edits: fc.array(edit, { minLength: 6, maxLength: 6 }),
      shapes: fc.array(svcShape, { minLength: 6, maxLength: 6 }),
      reversed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(svcShape, { minLength: 6, maxLength: 6 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        (first, steps) => {
          let world: World = new Map(first.map((s, i) => [i, materializeShape(i, s, "1")]));
          const plane = createIpvsMode().build(inputOf(world, false), NODE);
          // The reference: the kernel state brought, every sync, to the desired state of the whole input.
          const ref: IpvsNodeState = {
            node: NODE,
            ipvsAddresses: [],
            mac: dummyMac(NODE),
            virtualServers: new Map(),
            ipsets: emptyIpsets(),
            nodeIPs: [],
            masqueradeMark: plane.state.masqueradeMark,
            clusterCIDR: plane.state.clusterCIDR,
            masqueradeAll: plane.state.masqueradeAll,
          };
          const sched = new Map<string, SchedSlot>();
          applyDesired(ref, desiredState(inputOf(world, false), NODE), sched);
          expect(view(plane.state)).toEqual(view(ref));
          steps.forEach((s, n) => {
            world = applyEdits(world, s.edits, s.shapes, String(n + 2));
            const input = inputOf(world, s.reversed);
            plane.sync(input);
            const writes = applyDesired(ref, desiredState(input, NODE), sched);
            expect(view(plane.state)).toEqual(view(ref));
            expect(plane.lastSyncWrites()).toBe(writes);
          });
        },
      ),
      { seed: 16, numRuns: 80 },
    );
  }, 120_000);
});
