import { describe, expect, it } from "vitest";
import { TRACE_MESSAGES, type TraceMessageKey } from "../../engine/net/messages";
import { PLAIN_STAGES } from "../../engine/net/types";
import { STAGES_KO, TRACE_KO } from "./traceKo";
import { stageText, traceMessage } from "./traceWords";

const forms = (t: string | { one?: string; other: string }) =>
  typeof t === "string" ? [t] : [t.one ?? t.other, t.other];
const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HANGUL = /[\uac00-\ud7a3]/;
/** Messages that are notation only in every language (addresses and arrows). */
const NOTATION: TraceMessageKey[] = ["hop.wireNodes"];

describe("the engine's trace words in Korean", () => {
  it("translates every message, with the same values, in Korean words", () => {
    for (const key of Object.keys(TRACE_MESSAGES) as TraceMessageKey[]) {
      const en = forms(TRACE_MESSAGES[key]);
      const ko = forms(TRACE_KO[key]);
      for (const k of ko) {
        expect(names(k), key).toEqual(names(en.at(-1)!));
        if (!NOTATION.includes(key)) expect(k, key).toMatch(HANGUL);
      }
    }
  });

  it("names every plain stage in Korean; a hook's notation stays", () => {
    for (const s of PLAIN_STAGES) expect(stageText("ko", { kind: s, stage: s })).toBe(STAGES_KO[s]);
    expect(stageText("ko", { kind: "hook", stage: "nat PREROUTING → KUBE-SERVICES" })).toBe(
      "nat PREROUTING → KUBE-SERVICES",
    );
    expect(stageText("en", { kind: "dns answer", stage: "dns answer" })).toBe("dns answer");
  });

  it("fills values, grouping numbers as each language writes them", () => {
    const fold = { key: "walk.fold" as const, values: { count: 9997, from: 3, to: 9999 } };
    expect(traceMessage("en", fold)).toBe("9,997 rules not matching, each tested (rules 3–9,999)");
    expect(traceMessage("ko", fold)).toBe("일치하지 않는 규칙 9,997개, 모두 하나씩 검사됨 (규칙 3–9,999)");
    expect(traceMessage("en", { key: "hop.dnsTries", values: { count: 1 } })).toBe(
      "1 query through the search list (only the first is walked)",
    );
  });
});
