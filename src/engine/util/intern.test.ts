import { describe, expect, it } from "vitest";
import { deepFreeze, InternTable } from "./intern";

describe("InternTable", () => {
  it("hands out one frozen value per key, made once", () => {
    const table = new InternTable<{ ip: string }[]>();
    let made = 0;
    const make = () => {
      made++;
      return [{ ip: "10.0.0.1" }];
    };
    const a = table.get("10.0.0.1", make);
    expect(table.get("10.0.0.1", make)).toBe(a);
    expect(made).toBe(1);
    expect(Object.isFrozen(a) && Object.isFrozen(a[0])).toBe(true);
    expect(() => a.push({ ip: "x" })).toThrow(TypeError);
  });

  it("forgets everything when full rather than growing", () => {
    const table = new InternTable<string[]>(2);
    const first = table.get("a", () => ["a"]);
    table.get("b", () => ["b"]);
    table.get("c", () => ["c"]);
    expect(table.get("a", () => ["a"])).not.toBe(first);
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const v = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(v.a.b[1])).toBe(true);
  });
});
