import { describe, expect, it } from "vitest";
import { bigManifest } from "./cluster";
import { leadingDocuments, measureYamlReaders } from "./parseYaml";

describe("the YAML reader rows", () => {
  it("give the manifest parser the leading whole documents that fit", () => {
    const text = "a: 1\n---\nb: 2\n---\nc: 3\n";
    expect(leadingDocuments(text, 100)).toBe(text);
    expect(leadingDocuments(text, 14)).toBe("a: 1\n---\nb: 2\n");
    expect(leadingDocuments(text, 9)).toBe("a: 1\n");
    expect(leadingDocuments(text, 3)).toBe("");
  });

  it("count the documents each reader read", () => {
    const rows = measureYamlReaders(bigManifest(3, 2), () => {});
    expect(rows.map((r) => r.note.split(";")[0])).toEqual([
      expect.stringMatching(/^9 documents, 0 errors, /),
      expect.stringMatching(/^9 documents, 0 errors, /),
    ]);
  });
});
