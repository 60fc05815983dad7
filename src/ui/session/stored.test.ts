import { describe, expect, it } from "vitest";
import type { SessionRecord } from "./record";
import { MAX_STORED_TEXT, oversizedText } from "./stored";

const record = (journal: SessionRecord["journal"], draft?: string): SessionRecord => ({
  v: 2,
  seed: 1,
  journal,
  ...(draft === undefined ? {} : { draft }),
});

describe("oversizedText", () => {
  const big = "x".repeat(MAX_STORED_TEXT + 1);

  it("finds no text too long to store in a workspace of manifests", () => {
    expect(
      oversizedText(record([{ op: "apply", files: [{ name: "a.yaml", text: "kind: Pod\n" }] }], "draft")),
    ).toBeUndefined();
    expect(
      oversizedText(
        record([{ op: "import", files: [{ name: "d.json", text: "x".repeat(MAX_STORED_TEXT) }] }]),
      ),
    ).toBeUndefined();
  });

  it("gives the length of an imported dump, an applied file or a draft too long to store", () => {
    expect(oversizedText(record([{ op: "import", files: [{ name: "d.json", text: big }] }]))).toBe(
      big.length,
    );
    expect(
      oversizedText(
        record([
          { op: "run", line: "ls" },
          { op: "apply", files: [{ name: "a", text: big }] },
        ]),
      ),
    ).toBe(big.length);
    expect(oversizedText(record([], big))).toBe(big.length);
  });
});
