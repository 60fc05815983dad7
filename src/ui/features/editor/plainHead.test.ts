import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headOf, PLAIN_AREA_CHARS } from "./plainHead";

describe("headOf", () => {
  it("is the text's first whole lines, far shorter than what a text area is given whole", () => {
    const line = fc.string({ maxLength: 300 }).map((l) => l.replace(/\n/g, " "));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3000 }), fc.boolean(), (lines, ends) => {
        const text = lines.join("\n") + (ends ? "\n" : "");
        const head = headOf(text);
        expect(text.startsWith(head)).toBe(true);
        expect(head.length).toBeLessThan(PLAIN_AREA_CHARS);
        // Cut after a line's end whenever one falls within the head's size.
        if (head.length < text.length && text.slice(0, head.length).includes("\n"))
          expect(head.endsWith("\n")).toBe(true);
      }),
      { seed: 41, numRuns: 150 },
    );
  });

  it("cuts a text with no line end at its size", () => {
    const text = "x".repeat(PLAIN_AREA_CHARS * 2);
    expect(headOf(text)).toBe(text.slice(0, headOf(text).length));
    expect(headOf(text).length).toBeGreaterThan(1000);
  });
});
