import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodePieces, joinPieces } from "./textPieces";

describe("encodePieces and joinPieces", () => {
  it("give back the same text, whatever its characters and the piece size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.integer({ min: 2, max: 50 }),
        async (text, size) => {
          const pieces = await encodePieces(text, size, async () => {});
          expect(joinPieces(pieces)).toBe(text);
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  it("never cuts a surrogate pair, and keeps a byte order mark", async () => {
    const text = "\ufeffa😀b😀";
    const pieces = await encodePieces(text, 2, async () => {});
    for (const p of pieces)
      expect(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(p)).not.toContain("\ufffd");
    expect(joinPieces(pieces)).toBe(text);
  });

  it("gives the thread back between pieces, never before the first", async () => {
    const log: string[] = [];
    const pieces = await encodePieces("abcdefghij", 4, async () => {
      log.push("yield");
    });
    expect(pieces.map((p) => p.length)).toEqual([4, 4, 2]);
    expect(log).toEqual(["yield", "yield"]);
    expect(
      await encodePieces("", 4, async () => {
        log.push("never");
      }),
    ).toEqual([]);
    expect(log).toHaveLength(2);
  });
});
