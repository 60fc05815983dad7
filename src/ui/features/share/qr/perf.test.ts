import { it } from "vitest";
import { dataCodewordsFor, interleaveWithEcc } from "./codewords";
import { applyMask, penalty } from "./mask";
import { functionPatterns, placeCodewords } from "./patterns";
it("t", () => {
  const b = new TextEncoder().encode("a".repeat(2900));
  let t = performance.now();
  const d = dataCodewordsFor(b, 40, "L"); console.log("MS data", performance.now() - t); t = performance.now();
  const c = interleaveWithEcc(d, 40, "L"); console.log("MS ecc", performance.now() - t); t = performance.now();
  const g = functionPatterns(40, "L"); placeCodewords(g, c); console.log("MS place", performance.now() - t); t = performance.now();
  applyMask(g, 3); console.log("MS mask", performance.now() - t); t = performance.now();
  penalty(g); console.log("MS pen", performance.now() - t);
});
