import { describe, expect, it } from "vitest";
import { applyCompletion } from "./completion";

describe("applyCompletion", () => {
  it("completes a single candidate and adds a space", () => {
    expect(applyCompletion("kubectl get sv", ["svc"])).toEqual({ line: "kubectl get svc ", show: [] });
  });
  it("extends to the common prefix first", () => {
    expect(applyCompletion("kubectl get ep", ["endpoints", "endpointslices"])).toEqual({
      line: "kubectl get endpoints",
      show: [],
    });
  });
  it("lists candidates when nothing more is common", () => {
    expect(applyCompletion("kubectl get endpoints", ["endpoints", "endpointslices"]).show).toEqual([
      "endpoints",
      "endpointslices",
    ]);
  });
});
