import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256, sha256Hex } from "./sha256";

const reference = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("sha256", () => {
  it("matches the FIPS 180-4 vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
  it("agrees with node:crypto on any string (UTF-8, every padding length)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(reference(s));
      }),
      { seed: 42, numRuns: 400 },
    );
    for (let n = 50; n < 140; n++) expect(sha256Hex("x".repeat(n))).toBe(reference("x".repeat(n)));
  });
  it("hashes head + tail + end as the joined string", () => {
    const hex = (w: Int32Array) => Array.from(w, (v) => (v >>> 0).toString(16).padStart(8, "0")).join("");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        expect(hex(new Sha256().words32(a, b))).toBe(reference(a + b));
      }),
      { seed: 7, numRuns: 300 },
    );
    // Non-ASCII in either part, at every offset within a word.
    for (let n = 0; n < 8; n++) {
      const ascii = "a".repeat(n);
      expect(hex(new Sha256().words32(ascii, "é/ü"))).toBe(reference(`${ascii}é/ü`));
      expect(hex(new Sha256().words32("ß", ascii))).toBe(reference(`ß${ascii}`));
      expect(hex(new Sha256().words32(ascii, "/", `ü${ascii}`))).toBe(reference(`${ascii}/ü${ascii}`));
      expect(hex(new Sha256().words32("ns/svc__", ascii, "/80"))).toBe(reference(`ns/svc__${ascii}/80`));
    }
  });
});
