import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataCodewordsFor, interleaveBlocks, interleaveWithEcc, padToCodewords } from "./codewords";
import { buildSymbol, encodeQrText } from "./encode";
import { rsGenerator, rsRemainder } from "./gf256";
import { formatBits, versionBits } from "./patterns";
import { alignmentPositions, dataCodewords, sizeOf } from "./tables";

const bin = (s: string) => Number.parseInt(s, 2);

describe("Reed–Solomon", () => {
  it("matches the ISO/IEC 18004 Annex I example (01234567, 1-M)", () => {
    const data = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17];
    expect(rsRemainder(data, rsGenerator(10))).toEqual([165, 36, 212, 193, 237, 54, 199, 135, 44, 85]);
  });

  it("matches ZXing's interleave vectors (1-H, and 4 blocks of 5-Q)", () => {
    const one = [32, 65, 205, 69, 41, 220, 46, 128, 236];
    expect(interleaveBlocks(one, 26, 1, 17)).toEqual([
      ...one,
      42,
      159,
      74,
      221,
      244,
      169,
      239,
      150,
      138,
      70,
      237,
      85,
      224,
      96,
      74,
      219,
      61,
    ]);
    const data = [
      67, 70, 22, 38, 54, 70, 86, 102, 118, 134, 150, 166, 182, 198, 214, 230, 247, 7, 23, 39, 55, 71, 87,
      103, 119, 135, 151, 166, 22, 38, 54, 70, 86, 102, 118, 134, 150, 166, 182, 198, 214, 230, 247, 7, 23,
      39, 55, 71, 87, 103, 119, 135, 151, 160, 236, 17, 236, 17, 236, 17, 236, 17,
    ];
    expect(interleaveBlocks(data, 134, 4, 18)).toEqual([
      67, 230, 54, 55, 70, 247, 70, 71, 22, 7, 86, 87, 38, 23, 102, 103, 54, 39, 118, 119, 70, 55, 134, 135,
      86, 71, 150, 151, 102, 87, 166, 160, 118, 103, 182, 236, 134, 119, 198, 17, 150, 135, 214, 236, 166,
      151, 230, 17, 182, 166, 247, 236, 198, 22, 7, 17, 214, 38, 23, 236, 39, 17, 175, 155, 245, 236, 80, 146,
      56, 74, 155, 165, 133, 142, 64, 183, 132, 13, 178, 54, 132, 108, 45, 113, 53, 50, 214, 98, 193, 152,
      233, 147, 50, 71, 65, 190, 82, 51, 209, 199, 171, 54, 12, 112, 57, 113, 155, 117, 211, 164, 117, 30,
      158, 225, 31, 190, 242, 38, 140, 61, 179, 154, 214, 138, 147, 87, 27, 96, 77, 47, 187, 49, 156, 214,
    ]);
  });
});

describe("format and version information", () => {
  it("encodes level and mask as in ISO/IEC 18004 Table C.1", () => {
    expect(formatBits("L", 0)).toBe(bin("111011111000100"));
    expect(formatBits("L", 4)).toBe(bin("110011000101111"));
    expect(formatBits("L", 7)).toBe(bin("110100101110110"));
    expect(formatBits("M", 0)).toBe(bin("101010000010010"));
    expect(formatBits("M", 2)).toBe(bin("101111001111100"));
    expect(formatBits("M", 5)).toBe(bin("100000011001110"));
  });

  it("encodes versions 7 and up as in Table D.1", () => {
    expect(versionBits(7)).toBe(bin("000111110010010100"));
    expect(versionBits(8)).toBe(bin("001000010110111100"));
    expect(versionBits(40)).toBe(bin("101000110001101001"));
  });
});

describe("capacity tables", () => {
  it("holds the byte-mode capacities of Table 7", () => {
    const bytes = (v: number, ecl: "L" | "M") =>
      Math.floor((dataCodewords(v, ecl) * 8 - 4 - (v <= 9 ? 8 : 16)) / 8);
    expect([1, 2, 3, 4, 10, 40].map((v) => bytes(v, "L"))).toEqual([17, 32, 53, 78, 271, 2953]);
    expect([1, 2, 3, 4, 10, 40].map((v) => bytes(v, "M"))).toEqual([14, 26, 42, 62, 213, 2331]);
  });

  it("places alignment patterns as in Annex E", () => {
    expect(alignmentPositions(1)).toEqual([]);
    expect(alignmentPositions(2)).toEqual([6, 18]);
    expect(alignmentPositions(7)).toEqual([6, 22, 38]);
    expect(alignmentPositions(32)).toEqual([6, 34, 60, 86, 112, 138]);
    expect(alignmentPositions(36)).toEqual([6, 24, 50, 76, 102, 128, 154]);
    expect(alignmentPositions(40)).toEqual([6, 30, 58, 86, 114, 142, 170]);
  });
});

describe("symbols", () => {
  it("draws ZXing's known symbol for 0123 (numeric, 1-M, mask 2) module for module", () => {
    // Numeric mode 0001, count 4 (10 bits), "012" (10 bits), "3" (4 bits).
    const bits = [..."0001", ..."0000000100", ..."0000001100", ..."0011"].map(Number);
    const codewords = interleaveWithEcc(padToCodewords(bits, dataCodewords(1, "M")), 1, "M");
    const symbol = buildSymbol(codewords, 1, "M", 2);
    const expected = readFileSync(new URL("./testdata/zxing-0123-1M-mask2.txt", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .map((row) => row.split(" ").map((c) => c === "1"));
    expect(symbol.modules).toEqual(expected);
    expect(buildSymbol(codewords, 1, "M").mask).toBe(2);
  });

  it("pads byte-mode data with 0xEC 0x11", () => {
    const cw = dataCodewordsFor(new TextEncoder().encode("abc"), 1, "M");
    expect(cw.slice(0, 5)).toEqual([0x40, 0x36, 0x16, 0x26, 0x30]);
    expect(cw.slice(5)).toEqual([0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec]);
  });

  it("chooses the smallest version, M where it fits, and refuses past 40-L", () => {
    expect(encodeQrText("a".repeat(14))).toMatchObject({ version: 1, ecl: "M" });
    expect(encodeQrText("a".repeat(17))).toMatchObject({ version: 1, ecl: "L" });
    expect(encodeQrText("a".repeat(18))).toMatchObject({ version: 2, ecl: "M" });
    const big = encodeQrText("a".repeat(2953));
    expect(big).toMatchObject({ version: 40, ecl: "L" });
    expect(big?.modules).toHaveLength(sizeOf(40));
    expect(encodeQrText("a".repeat(2954))).toBeNull();
  });

  it("picks the lowest-penalty mask, with finder patterns in all three corners", () => {
    const s = encodeQrText("https://example.org/packetwalk/#s=abc")!;
    expect(s.mask).toBeGreaterThanOrEqual(0);
    const n = s.modules.length;
    for (const [x, y] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      expect(s.modules[y + 3]!.slice(x, x + 7)).toEqual([true, false, true, true, true, false, true]);
    }
    expect(s.modules[n - 8]![8]).toBe(true);
  });
});
