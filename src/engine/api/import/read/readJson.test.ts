import { describe, expect, it } from "vitest";
import { toJson } from "../../../shell/kubectl/get/output";
import { readDump } from "./dump";

const pods = ["a", "b", "c"].map((name) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, labels: { 'app"x': "{[\\" } },
  spec: { containers: [{ name: "c", image: `img-${name}`, args: ["}", "]", '"'] }] },
}));

describe("readJson", () => {
  it("reads kubectl's -o json List: each item with the line of its opening brace", () => {
    const text = toJson(pods, false);
    const r = readDump(text, "d.json");
    expect(r.errors).toEqual([]);
    expect(r.documents.map((d) => d.object)).toEqual(pods);
    const lines = text.split("\n");
    for (const d of r.documents) expect(lines[d.source.line - 1]).toBe("        {");
  });

  it("finds a field's line, past strings holding braces and escaped quotes", () => {
    const text = toJson(pods, false);
    const d = readDump(text, "d.json").documents[2]!;
    const line = d.locate?.(["spec", "containers", 0, "image"])?.line ?? 0;
    expect(text.split("\n")[line - 1]?.trim()).toBe('"image": "img-c",');
    const missing = d.locate?.(["spec", "nope", 3])?.line ?? 0;
    expect(text.split("\n")[missing - 1]?.trim()).toBe('"spec": {');
  });

  it("reads one object, and sends text JSON.parse refuses to the YAML reader's errors", () => {
    const one = readDump(`\n\n${toJson([pods[0]!], true)}`, "one.json");
    expect(one.documents.map((d) => [d.object, d.source.line])).toEqual([[pods[0], 3]]);
    const bad = readDump('{"apiVersion": "v1", "kind": "Pod",', "bad.json");
    expect(bad.documents).toEqual([]);
    expect(bad.errors[0]?.message).toMatch(
      /^error: error parsing bad.json: error converting YAML to JSON: yaml: line 1: /,
    );
  });
});
