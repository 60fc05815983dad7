import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { looksLikeDump } from "./looksLikeDump";

const dump = (name: string) => readFileSync(`testdata/import/${name}`, "utf8");

describe("looksLikeDump", () => {
  it("recognizes the kind, IPVS and nftables dumps (YAML and JSON)", () => {
    for (const name of ["kind.yaml", "kind-ipvs.json", "kind-nftables.yaml"])
      expect(looksLikeDump(dump(name))).toBe(true);
  });

  it("recognizes a List, a JSON List and objects with server fields", () => {
    expect(looksLikeDump("apiVersion: v1\nkind: List\nitems: []\n")).toBe(true);
    expect(looksLikeDump('{\n  "apiVersion": "v1",\n  "kind": "List",\n  "items": []\n}')).toBe(true);
    expect(looksLikeDump("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  uid: 1f\nspec: {}\n")).toBe(
      true,
    );
    expect(looksLikeDump('kind: Service\nmetadata:\n  name: a\n  resourceVersion: "3"\n')).toBe(true);
    expect(looksLikeDump("kind: Pod\nmetadata:\n  name: a\nstatus:\n  podIP: 10.0.0.1\n")).toBe(true);
  });

  it("leaves the project's own examples to Apply", () => {
    const examples = readdirSync("src/examples").filter((f) => f.endsWith(".yaml"));
    expect(examples.length).toBeGreaterThan(5);
    for (const name of examples) {
      expect([name, looksLikeDump(readFileSync(`src/examples/${name}`, "utf8"))]).toEqual([name, false]);
    }
  });

  it("does not take a value or a comment for a server field", () => {
    expect(looksLikeDump('kind: ConfigMap\ndata:\n  note: "status: ok"\n# uid: x\n')).toBe(false);
    expect(
      looksLikeDump(
        "kind: Deployment\nmetadata:\n  name: list\nspec:\n  template:\n    metadata:\n      labels:\n        kind: List\n",
      ),
    ).toBe(false);
  });
});
