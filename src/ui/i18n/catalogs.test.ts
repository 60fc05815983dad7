import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "./en";
import { ko } from "./ko";
import type { Message } from "./message";

/** Every `{name}` a message uses, across its plural forms. */
function placeholders(message: Message): string[] {
  const forms = typeof message === "string" ? [message] : Object.values(message);
  return [...new Set(forms.flatMap((f) => [...(f ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}

describe("the catalogues", () => {
  const keys = Object.keys(en) as MessageKey[];

  it("give every message in both languages, none empty", () => {
    expect(Object.keys(ko).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(ko[key], key).not.toBe("");
  });

  it("use the same values in English and Korean", () => {
    for (const key of keys) expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
  });

  it("give every plural message an `other` form, and count it", () => {
    for (const key of keys) {
      for (const message of [en[key], ko[key]]) {
        if (typeof message === "string") continue;
        expect(message.other, key).toBeTruthy();
        expect(placeholders(message), key).toContain("count");
      }
    }
  });
});
