import { describe, it } from "vitest";
import { assertNoFailures } from "./property.testkit";

describe("generated bad input, second half (fast-check, fixed seed)", () => {
  it("1,000 more mutated manifests: no exception, no internal error, a refusal changes nothing", () => {
    assertNoFailures(20_251_112, 1000);
  }, 600_000);
});
