import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customColumnsPrinter } from "./customColumns";
import { formatFloat } from "./goValues";
import { jsonPathPrinter } from "./printer";

/** client-go's `TestKubernetes` input, decoded as JSON. */
const NODES = {
  kind: "List",
  items: [
    {
      kind: "None",
      metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
      status: {
        capacity: { cpu: "4" },
        ready: true,
        addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }],
      },
    },
    {
      kind: "None",
      metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
      status: {
        capacity: { cpu: "8" },
        ready: false,
        addresses: [
          { type: "LegacyHostIP", address: "127.0.0.2" },
          { type: "another", address: "127.0.0.3" },
        ],
      },
    },
  ],
  users: [
    { name: "myself", user: {} },
    { name: "e2e", user: { username: "admin", password: "secret" } },
  ],
};

function run(template: string, data: unknown, format = "jsonpath"): string {
  const p = jsonPathPrinter(`${format}=${template}`, undefined);
  if (!p || "error" in p) throw new Error(p ? p.error : "not a jsonpath format");
  const out = p.print(data);
  if ("error" in out) throw new Error(out.error);
  return out.text;
}

describe("kubectl's JSONPath (client-go's own cases)", () => {
  it.each([
    ["{range .items[*]}{.metadata.name}, {end}{.kind}", "127.0.0.1, 127.0.0.2, List"],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', "127.0.0.1\t127.0.0.2\t"],
    ["{.items[*].status.addresses[*].address}", "127.0.0.1 127.0.0.2 127.0.0.3"],
    [
      "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
      "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
    ],
    ["{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    [
      "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ['{.users[?(@.name=="e2e")].user.password}', "secret"],
    ["{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', "None"],
    ["{.items[?(@..ready==true)].metadata.name}", "127.0.0.1"],
    ["{.hello}", ""],
    ["before-{.hello}after", "before-after"],
  ])("%s", (template, want) => {
    expect(run(template, NODES)).toBe(want);
  });

  it("reads slices, unions, filters and quotes as client-go's tests do", () => {
    expect(run("{[?(@<5)]}", [2, 6, 3, 7])).toBe("2 3");
    expect(run('{"{"}', null)).toBe("{");
    expect(run("{[1,3,4]}", [0, 1, 2, 3, 4])).toBe("1 3 4");
    expect(run("{[0:2]}", ["Monday", "Tudesday"])).toBe("Monday Tudesday");
    expect(run("{..}", [1, 2, 3])).toBe("[1,2,3]");
    expect(run("{[?(@.z)].id}", [{ id: "i1" }, { id: "i2", z: 1 }, { id: "i5", z: 1 }])).toBe("i2 i5");
    expect(run("{[0]['id']}", [{ id: "i1" }])).toBe("i1");
    expect(run("{ .floats }", { floats: [1, 2.2, 3.3, 4] })).toBe("[1,2.2,3.3,4]");
    expect(run("{ .floats[-2] }", { floats: [1, 2.2, 3.3, 4] })).toBe("3.3");
    expect(run("{ .ints[:4:2] }", { ints: [1, 2, 3, 4] })).toBe("1 3");
    expect(run("{range .items[*]}{.metadata.name}{end}", { items: [] })).toBe("");
  });

  it("prints -o jsonpath-as-json as indented arrays, one per expression", () => {
    expect(run("{.items[*].metadata.name}", NODES, "jsonpath-as-json")).toBe(
      '[\n    "127.0.0.1",\n    "127.0.0.2"\n]\n',
    );
  });

  it("words parse and execution errors as kubectl does", () => {
    expect(jsonPathPrinter("jsonpath={.a", undefined)).toEqual({
      error: "error parsing jsonpath {.a, unclosed action",
    });
    expect(jsonPathPrinter("jsonpath", undefined)).toEqual({
      error: "template format specified but no template given",
    });
    expect(jsonPathPrinter("json", undefined)).toBeUndefined();
    const p = jsonPathPrinter("jsonpath={.a[0]}", undefined);
    expect(p && "print" in p && p.print({ a: { b: 1 } })).toEqual({
      error:
        'error executing jsonpath "{.a[0]}": Error executing template: map[string]interface {} is not array or slice. ' +
        "Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.a[0]}\n" +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"a":map[string]interface {}{"b":1}}\n\n',
    });
  });

  it("prints floats as Go's %v does", () => {
    expect([0.5, 1.5e-5, 123456.5, 1234567.5, 1e21, -2.25].map(formatFloat)).toEqual([
      "0.5",
      "1.5e-05",
      "123456.5",
      "1.2345675e+06",
      "1e+21",
      "-2.25",
    ]);
  });

  it("answers any template with output or kubectl's error, never a crash", () => {
    const piece = fc.constantFrom(
      "{",
      "}",
      ".",
      "..",
      "[",
      "]",
      "[*]",
      "[?(",
      ")]",
      "@",
      "$",
      "'",
      '"',
      "\\",
      "range",
      "end",
      "items",
      "metadata",
      "name",
      "0",
      "-1",
      ":",
      ",",
      "==",
      "<",
      " ",
      "*",
      "1.5",
      "true",
      "x",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const template = pieces.join("");
        try {
          const p = jsonPathPrinter(`jsonpath=${template}`, undefined);
          if (p && "print" in p) p.print(NODES);
        } catch (e) {
          expect.fail(`${template}: ${e instanceof Error ? e.stack : e}`);
        }
        return true;
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});

describe("kubectl's custom columns", () => {
  const print = (spec: string, objects: unknown[], noHeaders = false) => {
    const p = customColumnsPrinter(`custom-columns=${spec}`, noHeaders);
    if (!p || "error" in p) throw new Error(p ? p.error : "not custom-columns");
    return p.print(objects);
  };

  it("relaxes paths, joins a column's values with commas and prints <none> for none", () => {
    expect(
      print("NAME:metadata.name,ADDR:{.status.addresses[*].address},CPU:.status.capacity", NODES.items),
    ).toEqual({
      text:
        "NAME        ADDR                  CPU\n" +
        "127.0.0.1   127.0.0.1             map[cpu:4]\n" +
        "127.0.0.2   127.0.0.2,127.0.0.3   map[cpu:8]\n",
    });
    expect(print("X:.nothing", [{}], true)).toEqual({ text: "<none>\n" });
  });

  it("refuses specs as kubectl does, and prints the header before a column that does not parse", () => {
    expect(customColumnsPrinter("custom-columns", false)).toEqual({
      error: "custom-columns format specified but no custom columns given",
    });
    expect(customColumnsPrinter("custom-columns=NAME", false)).toEqual({
      error: "unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>",
    });
    expect(customColumnsPrinter("yaml", false)).toBeUndefined();
    expect(print("A:.a[0", [{}])).toEqual({ text: "A\n", error: "unterminated array" });
  });
});
