import { describe, expect, it } from "vitest";
import { parseManifests } from "./manifest";

describe("parseManifests", () => {
  it("gives each document its first line, skipping empty ones", () => {
    const text =
      "# c\napiVersion: v1\nkind: Service\nmetadata:\n  name: a\n---\n---\napiVersion: v1\nkind: Pod\n";
    const { documents, errors } = parseManifests(text, "f.yaml");
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.object.kind, d.source.line])).toEqual([
      ["Service", 2],
      ["Pod", 8],
    ]);
  });

  it("unpacks kind: List items with their own lines", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n- apiVersion: v1\n  kind: Service\n";
    const { documents } = parseManifests(text, "l.yaml");
    expect(documents.map((d) => [d.object.kind, d.source.line, d.source.column])).toEqual([
      ["Pod", 4, 3],
      ["Service", 6, 3],
    ]);
  });

  it("reports a syntax error in kubectl's shape and stops there", () => {
    const text = "apiVersion: v1\nkind: Pod\n---\nfoo: bar\n  baz: 1: 2\n---\napiVersion: v1\nkind: Pod\n";
    const { documents, errors } = parseManifests(text, "bad.yaml");
    expect(documents).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toBe("Parse");
    expect(errors[0]!.message).toMatch(
      /^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: \S/,
    );
    expect(errors[0]!.source?.line).toBeGreaterThanOrEqual(4);
  });
});
