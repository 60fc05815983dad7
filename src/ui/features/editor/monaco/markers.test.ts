import { describe, expect, it } from "vitest";
import { type LineSource, toMarkerData } from "./markers";

/** A model over `text`, with Monaco's 1-based lines and columns. */
function model(text: string): LineSource {
  const lines = text.split("\n");
  return {
    getLineCount: () => lines.length,
    getLineMaxColumn: (n) => lines[n - 1]!.length + 1,
    getLineFirstNonWhitespaceColumn: (n) => {
      const at = lines[n - 1]!.search(/\S/);
      return at < 0 ? 0 : at + 1;
    },
  };
}

const ERROR = 8;
const TEXT = "apiVersion: v1\nkind: Service\nmetadata:\n  name: My_Service\n";

describe("toMarkerData", () => {
  it("spans the marked line's text, from its first non-blank character", () => {
    const [m] = toMarkerData([{ line: 4, column: 3, message: "invalid name" }], model(TEXT), ERROR);
    expect(m).toEqual({
      severity: ERROR,
      message: "invalid name",
      source: "kube-apiserver",
      startLineNumber: 4,
      startColumn: 3,
      endLineNumber: 4,
      endColumn: 19,
    });
  });

  it("clamps a line beyond the text to its last line", () => {
    const [m] = toMarkerData([{ line: 40, column: 1, message: "x" }], model("a: 1\nb: 2"), ERROR);
    expect([m!.startLineNumber, m!.startColumn, m!.endColumn]).toEqual([2, 1, 5]);
  });

  it("marks a blank line from its first column", () => {
    const [m] = toMarkerData([{ line: 5, column: 1, message: "x" }], model(TEXT), ERROR);
    expect([m!.startLineNumber, m!.startColumn, m!.endColumn]).toEqual([5, 1, 1]);
  });

  it("keeps one marker per refusal, in order", () => {
    const markers = [
      { line: 2, column: 1, message: "first" },
      { line: 1, column: 1, message: "second" },
    ];
    expect(toMarkerData(markers, model(TEXT), ERROR).map((m) => [m.startLineNumber, m.message])).toEqual([
      [2, "first"],
      [1, "second"],
    ]);
  });
});
