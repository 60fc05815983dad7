/**
 * Strings the diagram draws that the shared catalogs do not have yet.
 * NOTE: these belong in src/ui/i18n/en.ts and ko.ts under the same keys;
 * they live here until the lead moves them.
 */
import type { Language } from "../../store/settingsSlice";

const TEXT = {
  en: {
    "topology.walk": "{rules} rules walked in {chain}",
    "topology.lookup": "{lookups} hash lookups in {chain}",
    "topology.more": "… {count} more",
    "topology.outside": "Outside client",
  },
  ko: {
    "topology.walk": "{chain}에서 규칙 {rules}개를 차례로 검사",
    "topology.lookup": "{chain}에서 해시 조회 {lookups}번",
    "topology.more": "… {count}개 더",
    "topology.outside": "클러스터 외부 클라이언트",
  },
} as const;

export type TopologyTextKey = keyof (typeof TEXT)["en"];
export type TopologyText = (key: TopologyTextKey, values?: Record<string, string | number>) => string;

/** The diagram's own strings in `language`, with `{name}` values filled. */
export function topologyText(language: Language): TopologyText {
  return (key, values) =>
    TEXT[language][key].replace(/\{(\w+)\}/g, (m, name: string) =>
      values && name in values ? String(values[name]) : m,
    );
}
