/** The chart's strings (the shared catalogue's `chart.*` keys) and its number format. */
import type { MessageKey } from "../../i18n/useT";
import type { Language } from "../../store/settingsSlice";

export type ChartT = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The chart's `t` in the current language: the app's own. */
export { useT as useChartT } from "../../i18n/useT";

/** Exact numbers for tooltips and the table: up to 2 decimals, grouped the language's way. */
export function formatNumber(language: Language, v: number): string {
  const digits = v !== 0 && Math.abs(v) < 0.1 ? 4 : 2;
  const key = `${language}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(v);
}

/** Formatters by language and digits: building one costs far more than formatting (the table has hundreds of cells). */
const formats = new Map<string, Intl.NumberFormat>();

/** How the chart names a mode (product names, not translated). */
export const MODE_LABEL = { iptables: "iptables", ipvs: "IPVS", nftables: "nftables" } as const;
