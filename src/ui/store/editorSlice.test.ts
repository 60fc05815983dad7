import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useAppStore } from "./index";

describe("the editor's unapplied mark", () => {
  it("is text !== appliedText after any run of edits and applies", () => {
    const texts = fc.constantFrom("", "a", "ab", "kind: Service\n", "kind: Pod\n");
    const op = fc.oneof(
      texts.map((text) => ({ kind: "setText" as const, text })),
      texts.map((text) => ({ kind: "markApplied" as const, text })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const s = useAppStore.getState();
        s.markApplied("", []);
        s.setText("");
        for (const o of ops) {
          // A copy, not the same string: the mark compares contents, as the user reads them.
          const text = [...o.text].join("");
          if (o.kind === "setText") useAppStore.getState().setText(text);
          else useAppStore.getState().markApplied(text, []);
          const now = useAppStore.getState();
          expect(now.unapplied).toBe(now.text !== now.appliedText);
        }
      }),
      { seed: 23, numRuns: 200 },
    );
  });
});
