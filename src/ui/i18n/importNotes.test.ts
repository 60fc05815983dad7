import { describe, expect, it } from "vitest";
import { IMPORT_MESSAGES, type ImportMessageKey } from "../../engine/api/import/messages";
import { loadCatalog } from "./catalogs";
import { en } from "./en";
import { ko } from "./ko";
import { translate } from "./useT";

const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HANGUL = /[\uac00-\ud7a3]/;

describe("the import report's notes in both languages", () => {
  it("gives every key the engine's English and a Korean text with the same values", () => {
    const keys = Object.keys(IMPORT_MESSAGES) as ImportMessageKey[];
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      expect(en[key], key).toBe(IMPORT_MESSAGES[key]);
      const k = ko[key];
      expect(typeof k, key).toBe("string");
      expect(k as string, key).toMatch(HANGUL);
      expect(names(k as string), key).toEqual(names(IMPORT_MESSAGES[key]));
    }
  });

  it("prints values as they are, a port without grouping", async () => {
    await loadCatalog("ko");
    const values = { service: "default/web", port: "30080", range: "30000-32767" };
    expect(translate("en", "importNote.nodePortOutside", values)).toBe(
      "Service default/web's NodePort 30080 is outside the range 30000-32767",
    );
    expect(translate("ko", "importNote.nodePortOutside", values)).toBe(
      "서비스 default/web의 NodePort 30080가 범위 30000-32767 밖에 있음",
    );
  });
});
