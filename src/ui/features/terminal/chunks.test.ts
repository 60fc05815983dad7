import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkLines } from "./chunks";

describe("chunkLines", () => {
  it("cuts text into blocks of whole lines that join back into the text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z ]{0,12}$/), { maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        (rows, size) => {
          const text = rows.join("\n");
          const chunks = chunkLines(text, size);
          expect(chunks.map((c) => c.text).join("")).toBe(text);
          for (const c of chunks.slice(0, -1)) {
            expect(c.text.endsWith("\n")).toBe(true);
            expect(c.text.split("\n").length - 1).toBe(size);
          }
        },
      ),
      { seed: 11 },
    );
  });

  it("keeps short output in one block", () => {
    expect(chunkLines("NAME  READY\nweb   1/1\n")).toEqual([
      { start: 0, text: "NAME  READY\nweb   1/1\n", lines: 2 },
    ]);
    expect(chunkLines("")).toEqual([{ start: 0, text: "", lines: 1 }]);
  });
});
