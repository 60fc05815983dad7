import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

/** Where the packet is, for the room and for a screen reader: hop n of total, or that it arrived. */
export function HopStatus() {
  const t = useT();
  const total = useAppStore((s) => s.trace?.hops.length ?? 0);
  const hop = useAppStore((s) => s.hop);
  if (total === 0) return null;
  return (
    <p className="present-hop" aria-live="polite">
      {t("presentation.hop", { n: hop + 1, total })}
      {hop >= total - 1 ? ` · ${t("presentation.arrived")}` : ""}
    </p>
  );
}
