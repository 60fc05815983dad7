/**
 * The chart's strings: the shared catalogue's `chart.*` keys, plus the few
 * the chart needs that the catalogue does not have yet (kept here until the
 * lead moves them into i18n/en.ts and ko.ts).
 */
import { useCallback } from "react";
import { type MessageKey, translate } from "../../i18n/useT";
import { useAppStore } from "../../store";
import type { Language } from "../../store/settingsSlice";

const EXTRA_EN = {
  "chart.loading": "Loading the chart…",
  "chart.table": "Measured values",
  "chart.col.mode": "Mode",
  "chart.col.services": "Services",
  "chart.col.dataPlane": "Data plane size",
  "chart.col.mean": "Rules, first packet (mean)",
  "chart.col.worst": "Rules, first packet (worst)",
  "chart.col.lookups": "Lookups, first packet (mean)",
  "chart.col.established": "Later packet (rules / lookups)",
  "chart.col.sync": "Rules written per Service change",
  "chart.col.latency": "Modelled first-packet latency (ms)",
  "chart.cancelled": "Cancelled after {done} of {total} measurements.",
  "chart.failed": "The experiment stopped: {reason}",
  "chart.marker": "This cluster: {services} Services",
  "chart.tooltipServices": "{services} Services",
  "chart.explore": "{title}. Arrow keys read the measured values.",
  "chart.published": "Published measurements",
  "chart.source": "Source",
  "chart.col.metric": "Measured",
  "chart.col.value": "Value",
  "chart.col.modelled": "This app's model (ms)",
} as const;

type ExtraKey = keyof typeof EXTRA_EN;

const EXTRA: Record<Language, Record<ExtraKey, string>> = {
  en: EXTRA_EN,
  ko: {
    "chart.loading": "차트를 불러오는 중…",
    "chart.table": "측정값",
    "chart.col.mode": "모드",
    "chart.col.services": "서비스 수",
    "chart.col.dataPlane": "데이터 플레인 크기",
    "chart.col.mean": "첫 패킷 규칙 수 (평균)",
    "chart.col.worst": "첫 패킷 규칙 수 (최악)",
    "chart.col.lookups": "첫 패킷 조회 수 (평균)",
    "chart.col.established": "이후 패킷 (규칙 / 조회)",
    "chart.col.sync": "서비스 변경 한 번에 쓰는 규칙 수",
    "chart.col.latency": "모델링한 첫 패킷 지연 (ms)",
    "chart.cancelled": "{total}개 중 {done}개를 측정한 뒤 취소했습니다.",
    "chart.failed": "실험이 중단되었습니다: {reason}",
    "chart.marker": "현재 클러스터: 서비스 {services}개",
    "chart.tooltipServices": "서비스 {services}개",
    "chart.explore": "{title}. 화살표 키로 측정값을 읽습니다.",
    "chart.published": "공개된 측정값",
    "chart.source": "출처",
    "chart.col.metric": "측정 항목",
    "chart.col.value": "값",
    "chart.col.modelled": "이 앱의 모델 (ms)",
  },
};

export type ChartKey = MessageKey | ExtraKey;
export type ChartT = (key: ChartKey, values?: Record<string, string | number>) => string;

function isExtra(key: ChartKey): key is ExtraKey {
  return key in EXTRA_EN;
}

/** Looks a chart string up in `language`, filling `{name}` values (numbers in the language's format). */
export function chartTranslate(
  language: Language,
  key: ChartKey,
  values?: Record<string, string | number>,
): string {
  if (!isExtra(key)) return translate(language, key, values);
  const template = EXTRA[language][key];
  if (!values) return template;
  const nf = new Intl.NumberFormat(language);
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = values[name];
    return v === undefined ? m : typeof v === "number" ? nf.format(v) : v;
  });
}

/** The chart's `t` in the current language. */
export function useChartT(): ChartT {
  const language = useAppStore((s) => s.language);
  return useCallback<ChartT>((key, values) => chartTranslate(language, key, values), [language]);
}

/** Exact numbers for tooltips and the table: up to 2 decimals, grouped the language's way. */
export function formatNumber(language: Language, v: number): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: v !== 0 && Math.abs(v) < 0.1 ? 4 : 2,
  }).format(v);
}

/** How the chart names a mode (product names, not translated). */
export const MODE_LABEL = { iptables: "iptables", ipvs: "IPVS", nftables: "nftables" } as const;
