import { describe, expect, it } from "vitest";
import { displayPath, isDirectory, resolvePath } from "./paths";

describe("paths", () => {
  it("resolves like a shell", () => {
    expect(resolvePath("/root", "kubernetes-sample/service")).toBe("/root/kubernetes-sample/service");
    expect(resolvePath("/root/a/service", "../pod")).toBe("/root/a/pod");
    expect(resolvePath("/root/a", "~")).toBe("/root");
    expect(resolvePath("/root/a", "/etc/./hosts")).toBe("/etc/hosts");
  });

  it("shows home as ~", () => {
    expect(displayPath("/root")).toBe("~");
    expect(displayPath("/root/kubernetes-sample/pod")).toBe("~/kubernetes-sample/pod");
    expect(displayPath("/tmp")).toBe("/tmp");
  });

  it("knows directories from files and mkdir", () => {
    const files = new Map([["/root/k/service/web.yaml", ""]]);
    expect(isDirectory("/root/k", files, new Set())).toBe(true);
    expect(isDirectory("/root/k/pod", files, new Set())).toBe(false);
    expect(isDirectory("/root/k/pod", files, new Set(["/root/k/pod"]))).toBe(true);
  });
});
