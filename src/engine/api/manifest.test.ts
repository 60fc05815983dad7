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

describe("kubectl's YAML-to-JSON step", () => {
  it("reads YAML 1.1 as go-yaml v2 does: yes and on are booleans, 017 is octal, dates stay strings", () => {
    const { documents } = parseManifests("a: yes\nb: on\nc: 017\nd: 2001-12-14\ne: 1:30\nf: 1e3\n", "y.yaml");
    expect(documents[0]!.object).toEqual({ a: true, b: true, c: 15, d: "2001-12-14", e: "1:30", f: 1000 });
  });

  it("refuses what JSON cannot hold, in encoding/json's words (checked against kubectl 1.32)", () => {
    const { documents, errors } = parseManifests("a: 1\n---\nreplicas: .inf\n---\nb: 2\n", "inf.yaml");
    expect(documents.map((d) => d.object)).toEqual([{ a: 1 }]);
    expect(errors.map((e) => e.message)).toEqual([
      "error: error parsing inf.yaml: error converting YAML to JSON: json: unsupported value: +Inf",
    ]);
    expect(parseManifests("x: .nan\n", "n.yaml").errors[0]!.message).toMatch(/json: unsupported value: NaN$/);
  });

  it("stops an alias bomb with go-yaml's message (checked against kubectl 1.32)", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      const p = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${p}`).join(", ")}]`,
      );
    }
    const { errors } = parseManifests(`${levels.join("\n")}\n`, "bomb.yaml");
    expect(errors.map((e) => e.message)).toEqual([
      "error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing",
    ]);
  });

  it("keeps the last of duplicate keys, as kubectl's reader does", () => {
    const { documents } = parseManifests("metadata:\n  name: web\n  name: second\n", "d.yaml");
    expect(documents[0]!.object).toEqual({ metadata: { name: "second" } });
  });

  it("locates a field at its key's line, and a list item at its own", () => {
    const text =
      "apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 80\n    - name: b\n      port: x\n";
    const doc = parseManifests(text, "s.yaml").documents[0]!;
    expect(doc.locate?.(["spec", "ports", 1, "port"])).toEqual({ file: "s.yaml", line: 7, column: 7 });
    expect(doc.locate?.(["spec", "ports", 0])?.line).toBe(5);
    expect(doc.locate?.(["spec", "nope"])?.line).toBe(3);
  });

  it("refuses a file past Packetwalk's size limit without reading it", () => {
    const { documents, errors } = parseManifests(`a: ${"x".repeat(8 * 1024 * 1024)}\n`, "big.yaml");
    expect(documents).toEqual([]);
    expect(errors[0]!.message).toMatch(
      /^error: error reading big\.yaml: the file is \d+ characters, over the 8388608/,
    );
  });
});
