import { describe, expect, it } from "vitest";
import { clipEnd, clipMiddle, textWidth } from "./text";

describe("text fitting", () => {
  it("counts Hangul as wide", () => {
    expect(textWidth("abc", 10)).toBeCloseTo(18);
    expect(textWidth("노드", 10)).toBeCloseTo(20);
  });

  it("keeps what fits, and cuts at the end otherwise", () => {
    expect(clipEnd("worker-1", 200, 13)).toBe("worker-1");
    const cut = clipEnd("kind-control-plane (control-plane)", 120, 13);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(120);
  });

  it("keeps a generated name's end when it cuts in the middle", () => {
    const cut = clipMiddle("hostnames-dbddf679-n4rjd", 130, 13, true);
    expect(cut).toBe("hostnames…-n4rjd");
    expect(textWidth(cut, 13, true)).toBeLessThanOrEqual(130);
    expect(clipMiddle("web-1", 130, 13, true)).toBe("web-1");
  });
});
