import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepCopy, sortedJSON } from "./objects";

/** Go's encoder: JSON.stringify's escapes, plus `<`, `>`, `&`, U+2028 and U+2029 as \\u escapes. */
function goString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The plain recursive definition sortedJSON must agree with. */
function reference(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? "null" : reference(v))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${goString(k)}:${reference(v)}`).join(",")}}`;
  }
  return typeof value === "string" ? goString(value) : JSON.stringify(value);
}

describe("sortedJSON", () => {
  it("prints keys sorted at every level, like the plain recursive definition", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(sortedJSON(v)).toBe(reference(v));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it("skips undefined members and prints undefined array elements as null", () => {
    const v = { b: [1, undefined, { z: 1, a: undefined }], a: "x", "10": 1, "9": 2 };
    expect(sortedJSON(v)).toBe(reference(v));
    expect(sortedJSON(v)).toBe('{"10":1,"9":2,"a":"x","b":[1,null,{"z":1}]}');
  });

  it("escapes HTML characters as Go's json.Encoder does", () => {
    expect(sortedJSON({ "a&b": '<x> & \u2028 "q"\n' })).toBe(
      '{"a\\u0026b":"\\u003cx\\u003e \\u0026 \\u2028 \\"q\\"\\n"}',
    );
  });

  it("prints the last-applied form of a manifest", () => {
    const doc = {
      kind: "Service",
      apiVersion: "v1",
      metadata: { namespace: "default", name: "web", labels: { tier: "web", app: "web" } },
      spec: { selector: { app: "web" }, ports: [{ targetPort: 8080, port: 80 }] },
    };
    expect(sortedJSON(doc)).toBe(
      '{"apiVersion":"v1","kind":"Service","metadata":{"labels":{"app":"web","tier":"web"},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80,"targetPort":8080}],"selector":{"app":"web"}}}',
    );
  });
});

describe("deepCopy", () => {
  it("copies plain data without sharing and drops undefined members", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = deepCopy(v);
        expect(c).toEqual(v);
        if (v !== null && typeof v === "object") expect(c).not.toBe(v);
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(deepCopy({ a: undefined, b: [{ c: 1 }] })).toStrictEqual({ b: [{ c: 1 }] });
  });
});
