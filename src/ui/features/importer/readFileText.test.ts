import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFileText } from "./readFileText";

describe("readFileText", () => {
  it("reads a file's text as Blob.text() does, wherever its chunks cut a character", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 16 }),
        async (text, bom, chunkBytes) => {
          const file = new Blob([(bom ? "\uFEFF" : "") + text]);
          expect(await readFileText(file, chunkBytes)).toBe(await file.text());
          expect(await readFileText(file, chunkBytes)).toBe(text);
        },
      ),
      { seed: 31, numRuns: 200 },
    );
  });

  it("replaces bytes that are not UTF-8 as Blob.text() does", async () => {
    const file = new Blob([new Uint8Array([0x6b, 0xe2, 0x82, 0x0a, 0xff, 0xc3, 0xa9, 0xf0, 0x9f])]);
    for (const chunkBytes of [1, 2, 3, 4])
      expect(await readFileText(file, chunkBytes)).toBe(await file.text());
  });

  it("reads a big file a megabyte at a time", async () => {
    const text = `apiVersion: v1\nkind: List\nitems: [] # ünïcode ✓ 한국어\n`.repeat(40_000);
    const file = new Blob([text]);
    expect(file.size).toBeGreaterThan(2 * 1024 * 1024);
    expect(await readFileText(file)).toBe(text);
    expect(await readFileText(new Blob(["kind: Service\n"]))).toBe("kind: Service\n");
  });
});
