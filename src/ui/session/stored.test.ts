import { describe, expect, it } from "vitest";
import type { SessionRecord } from "./record";
import { BIG_PREFIX, BLOB_PREFIX, fromStored, MAX_STORED_TEXT, toStored } from "./stored";

const record = (journal: SessionRecord["journal"], draft?: string): SessionRecord => ({
  v: 2,
  seed: 1,
  journal,
  ...(draft === undefined ? {} : { draft }),
});

describe("toStored: where each text goes", () => {
  const big = "x".repeat(MAX_STORED_TEXT + 1);
  const asked: number[] = [];
  const bigName = (text: string) => {
    asked.push(text.length);
    return `${BIG_PREFIX}t-${asked.length}`;
  };

  it("keeps texts up to MAX_STORED_TEXT in local storage's blobs, named by their content", () => {
    asked.length = 0;
    const blobs = new Map<string, string>();
    const limit = "y".repeat(MAX_STORED_TEXT);
    toStored(
      record([{ op: "import", files: [{ name: "d.json", text: limit }] }], "z".repeat(3000)),
      blobs,
      bigName,
    );
    expect(asked).toEqual([]);
    expect([...blobs.keys()].every((k) => k.startsWith(BLOB_PREFIX))).toBe(true);
    expect([...blobs.values()]).toContain(limit);
  });

  it("names a longer dump, applied file or draft with bigName (never reading it) and reads it back", () => {
    asked.length = 0;
    const blobs = new Map<string, string>();
    const r = record(
      [
        { op: "import", files: [{ name: "d.json", text: big }] },
        { op: "run", line: "ls" },
        { op: "apply", files: [{ name: "a.yaml", text: `${big}a` }] },
      ],
      `${big}b`,
    );
    const stored = JSON.parse(JSON.stringify(toStored(r, blobs, bigName)));
    expect(asked).toEqual([big.length, big.length + 1, big.length + 1]);
    expect([...blobs.keys()]).toEqual([`${BIG_PREFIX}t-1`, `${BIG_PREFIX}t-2`, `${BIG_PREFIX}t-3`]);
    expect(JSON.stringify(stored).length).toBeLessThan(1000);
    expect(fromStored(stored, (k) => blobs.get(k) ?? null)).toEqual({ ok: true, value: r });
  });

  it("says a big text is missing from storage instead of inventing one", () => {
    const stored = toStored(
      record([{ op: "import", files: [{ name: "d.json", text: big }] }]),
      new Map(),
      bigName,
    );
    expect(fromStored(stored, () => null)).toEqual({
      ok: false,
      error: "journal[0].files[0]: its text is missing from storage",
    });
  });
});
