import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NodeHeap } from "./nodeHeap";

describe("NodeHeap", () => {
  it("pops entries by pod count, then by name, whatever the push order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "worker-1", "worker-10", "worker-2"), fc.nat(5)), {
          maxLength: 40,
        }),
        (entries) => {
          const heap = new NodeHeap();
          for (const [name, count] of entries) heap.push(name, count);
          expect(heap.size).toBe(entries.length);
          const popped: [string, number][] = [];
          for (let e = heap.pop(); e; e = heap.pop()) popped.push([e.name, e.count]);
          const expected = [...entries].sort(
            ([an, ac], [bn, bc]) => ac - bc || (an < bn ? -1 : an > bn ? 1 : 0),
          );
          expect(popped).toEqual(expected);
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});
