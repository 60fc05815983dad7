/** The chart's strings (the shared catalogue's `chart.*` keys) and its number format. */
import type { MessageKey } from "../../i18n/useT";
import type { Language } from "../../store/settingsSlice";

export type ChartT = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The chart's `t` in the current language: the app's own. */
export { useT as useChartT } from "../../i18n/useT";

/** Exact numbers for tooltips and the table: up to 2 decimals, grouped the language's way. */
export function formatNumber(language: Language, v: number): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: v !== 0 && Math.abs(v) < 0.1 ? 4 : 2,
  }).format(v);
}

/** How the chart names a mode (product names, not translated). */
export const MODE_LABEL = { iptables: "iptables", ipvs: "IPVS", nftables: "nftables" } as const;
