import { describe, expect, it } from "vitest";
import { KUBE_ALPHANUMS } from "../util/names";
import { computeHash, fnv32aString } from "./podTemplateHash";

describe("computeHash", () => {
  const template = {
    metadata: { labels: { app: "web" } },
    spec: { containers: [{ name: "web", image: "nginx" }] },
  };

  it("implements FNV-1a 32 (Go hash/fnv test vectors)", () => {
    expect(fnv32aString("")).toBe(0x811c9dc5);
    expect(fnv32aString("a")).toBe(0xe40c292c);
    expect(fnv32aString("foobar")).toBe(0xbf9cf968);
  });

  it("is 9–10 characters from the kube alphabet and stable", () => {
    const h = computeHash(template);
    expect(h).toMatch(new RegExp(`^[${KUBE_ALPHANUMS}]{9,10}$`));
    expect(computeHash(JSON.parse(JSON.stringify(template)))).toBe(h);
  });

  it("ignores key order but not content", () => {
    const reordered = {
      spec: { containers: [{ image: "nginx", name: "web" }] },
      metadata: { labels: { app: "web" } },
    };
    expect(computeHash(reordered)).toBe(computeHash(template));
    const changed = { ...template, spec: { containers: [{ name: "web", image: "nginx:1.27" }] } };
    expect(computeHash(changed)).not.toBe(computeHash(template));
  });

  it("changes with the collision count", () => {
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 2));
  });
});
