import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { toYaml } from "../../../shell/kubectl/get/output";
import { parseManifestText } from "../../manifest";
import { readDump } from "./dump";
import { BlockReader } from "./fastYaml";
import { readYaml } from "./readYaml";
import { PlainScalars } from "./yamlScalars";

/** What the manifest parser (the `yaml` package, kubectl's rules) reads: objects and their lines. */
function slow(text: string) {
  const p = parseManifestText(text, "f.yaml");
  return {
    objects: p.documents.map((d) => d.object),
    lines: p.documents.map((d) => d.source.line),
    errors: p.errors.map((e) => e.message),
  };
}

function fast(text: string) {
  const r = readYaml(text, "f.yaml");
  return {
    objects: r.documents.map((d) => d.object),
    lines: r.documents.map((d) => d.source.line),
    errors: r.errors.map((e) => e.message),
  };
}

/** Strings that stress quoting and folding: YAML 1.1 words, numbers, indicators, spaces, line breaks. */
const tricky = fc.oneof(
  fc.constantFrom(
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "~",
    "null",
    "True",
    "017",
    "0x1F",
    "0b101",
    "1e3",
    "-.5",
    ".inf",
    "1:30",
    "2021-02-07T09:00:00Z",
    "- a",
    "a: b",
    "a #b",
    "#c",
    "'q'",
    '"d"',
    "x\ty",
    "",
    " lead",
    "trail ",
    "a\n",
    "a\n\n",
    "\nb",
    "  two\nlines",
    "{}",
    "[]",
    "@x",
    "`y",
    "%z",
    "!t",
    "&a",
    "*b",
    "|",
    ">",
    "?",
    "?x",
    ":x",
    "-x",
    "---",
    "...",
    "a\\b",
    "é ü 한국",
    "\u2028",
    "\u0085",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc
    .array(fc.constantFrom("word", "it's", '"q"', "a:b", "x", "\n", " ", "\t", "é"), { maxLength: 40 })
    .map((w) => w.join(" ")),
);

const key = fc.oneof(
  fc.constantFrom(
    "apiVersion",
    "kind",
    "metadata",
    "name",
    "a.b/c",
    "key with space",
    "x-y_z",
    "80",
    "http://u",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tricky,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    tie("map"),
    tie("list"),
  ),
  map: fc.dictionary(key, tie("any"), { maxKeys: 5 }),
  list: fc.array(tie("any"), { maxLength: 4 }),
})).any;

const object = fc.record({
  apiVersion: fc.constant("v1"),
  kind: fc.constantFrom("Pod", "Node"),
  spec: value,
});

describe("readYaml", () => {
  it("reads kubectl's -o yaml as the yaml package does: values and each item's line", () => {
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 4 }), (items) => {
        const text = toYaml(items, false);
        expect(fast(text)).toEqual(slow(text));
      }),
      { seed: 17, numRuns: 400 },
    );
  });

  it("reads YAML written in other styles the same (folded at 20/80 columns, indented sequences, quoting)", () => {
    const style = fc.record({
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
      defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL"),
      indent: fc.constantFrom(2, 4),
    } as const);
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 3 }), style, (docs, opts) => {
        const text = docs.map((d) => stringify(d, { version: "1.1", ...opts })).join("---\n");
        expect(fast(text)).toEqual(slow(text));
      }),
      { seed: 23, numRuns: 400 },
    );
  });

  it("reads comments, document markers, CRLF and a byte-order mark", () => {
    const text = [
      "# a dump",
      "---",
      "apiVersion: v1 # trailing",
      "kind: ConfigMap",
      "",
      "  # indented comment",
      "data:",
      "  a: |",
      "    # not a comment",
      "    x",
      "",
      "  b: 'it''s'",
      "...",
      "--- # second",
      "apiVersion: v1",
      "kind: Pod",
      "",
    ].join("\r\n");
    expect(fast(text)).toEqual(slow(text.replace(/\r\n/g, "\n")));
    expect(readDump(`\ufeff${text}`, "f.yaml").documents.map((d) => d.object)).toEqual(slow(text).objects);
  });

  it("falls back to the yaml package for anchors, tags, flow collections and folded scalars", () => {
    for (const text of [
      "apiVersion: v1\nkind: List\nitems:\n- &a {kind: Pod, apiVersion: v1}\n- kind: Pod\n  apiVersion: v1\n  x: *a\n",
      "apiVersion: v1\nkind: Pod\nspec: !!map {a: 1}\n",
      "apiVersion: v1\nkind: Pod\ndata: >\n  folded\n  text\n",
      "apiVersion: v1\nkind: Pod\nlist: [1, 2]\n",
      "apiVersion: v1\nkind: Pod\nmerge:\n  <<: {a: 1}\n",
      "apiVersion: v1\nkind: Pod\n\tspec: 1\n",
    ]) {
      expect(fast(text)).toEqual(slow(text));
    }
  });

  it("reports a syntax error as the manifest parser words it, with no documents", () => {
    for (const text of [
      "apiVersion: v1\nkind: List\nitems:\n- kind: Pod\n  apiVersion: v1\n   bad: indent\n",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n",
      'apiVersion: v1\nkind: Pod\nx: "unterminated\n',
      "a: b: c\n",
      // `items` of a document that is not a List: the item the fast reader skips is not dropped.
      "items:\n- a: [\n",
      "kind: Node\nitems:\n- b: 1\n- a: [\n",
    ]) {
      const f = fast(text);
      const s = slow(text);
      expect(f.errors).toEqual(s.errors);
      expect(f.errors.length).toBeGreaterThan(0);
      expect(f.objects).toEqual([]);
    }
  });

  it("finds a field's line inside a List item", () => {
    const text = toYaml(
      [
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "a" },
          spec: { containers: [{ name: "c", image: "x" }] },
        },
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "b" },
          spec: { containers: [{ name: "c", image: "nginx" }] },
        },
      ],
      false,
    );
    const doc = readYaml(text, "f.yaml").documents[1]!;
    const line = doc.locate?.(["spec", "containers", 0, "image"])?.line ?? 0;
    expect(text.split("\n")[line - 1]).toBe("    - image: nginx");
    expect(text.split("\n")[doc.source.line - 1]).toBe("- apiVersion: v1");
  });
});

describe("the fast reader itself", () => {
  it("reads a kubectl List without falling back (so the comparisons above test it)", () => {
    const pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "web", annotations: { note: "a long note ".repeat(12), script: "line 1\nline 2\n" } },
      spec: {
        containers: [{ name: "c", image: "nginx:1.27", args: ["  x\ny", "yes", "80"] }],
        tolerations: [],
      },
      status: { conditions: [{ type: "Ready", status: "True" }], podIP: "10.244.1.5" },
    };
    const text = toYaml([pod, pod], false);
    const reader = new BlockReader(text, 0, text.length, 1, new PlainScalars());
    expect(reader.readDocument()).toEqual(listOf(slow(text).objects));
    expect(reader.marks.map((m) => [m.line, m.read])).toEqual([
      [3, true],
      [text.split("\n").indexOf("- apiVersion: v1", 3) + 1, true],
    ]);
  });
});

function listOf(items: unknown[]) {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}
