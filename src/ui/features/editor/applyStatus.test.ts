import { describe, expect, it } from "vitest";
import { applyStatus, statusTone } from "./applyStatus";

describe("applyStatus", () => {
  it("is red when the API server took nothing", () => {
    const s = applyStatus(false, { applied: 0, refused: 1 });
    expect(s).toEqual({ kind: "nothing", refused: 1 });
    expect(statusTone(s)).toBe("bad");
  });

  it("is amber for a partial apply and for unapplied text", () => {
    expect(statusTone(applyStatus(false, { applied: 2, refused: 1 }))).toBe("warn");
    expect(statusTone(applyStatus(true, { applied: 2, refused: 0 }))).toBe("warn");
    expect(applyStatus(true, null)).toEqual({ kind: "unapplied" });
  });

  it("says Applied only when everything was taken", () => {
    expect(statusTone(applyStatus(false, { applied: 3, refused: 0 }))).toBe("ok");
    expect(applyStatus(false, null)).toEqual({ kind: "empty" });
  });
});
