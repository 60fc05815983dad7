import { describe, expect, it } from "vitest";
import { KUBE_ALPHANUMS, randomSuffix, randomUid, safeEncodeString } from "./names";
import { Prng } from "./prng";

describe("names", () => {
  it("draws generateName suffixes from Kubernetes' alphabet", () => {
    const s = randomSuffix(new Prng(3));
    expect(s).toHaveLength(5);
    for (const c of s) expect(KUBE_ALPHANUMS).toContain(c);
  });

  it("makes version-4 UIDs, the same for the same seed", () => {
    const uid = randomUid(new Prng(9));
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUid(new Prng(9))).toBe(uid);
    expect(randomUid(new Prng(10))).not.toBe(uid);
  });

  it("encodes like rand.SafeEncodeString", () => {
    expect(safeEncodeString("0123")).toBe("4567");
  });
});
