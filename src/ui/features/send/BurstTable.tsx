import type { BurstResult } from "../../../engine/net/burst";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";

/** Per backend: connections received next to the share the mode promises. */
export function BurstTable({ result }: { result: BurstResult }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const rows = new Map<string, { pod: string; received: number; promised: number }>();
  for (const p of result.promised) rows.set(p.pod, { pod: p.pod, received: 0, promised: p.share });
  for (const r of result.received)
    rows.set(r.pod, { pod: r.pod, received: r.count, promised: rows.get(r.pod)?.promised ?? 0 });
  const pct = new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 });
  return (
    <table className="burst-table" aria-label={t("burst.region")}>
      <thead>
        <tr>
          <th scope="col">{t("burst.backend")}</th>
          <th scope="col">{t("burst.received")}</th>
          <th scope="col">{t("burst.promised")}</th>
        </tr>
      </thead>
      <tbody>
        {[...rows.values()].map((r) => (
          <tr key={r.pod}>
            <th scope="row">{r.pod}</th>
            <td>
              {r.received} ({pct.format(r.received / Math.max(result.count, 1))})
            </td>
            <td>{pct.format(r.promised)}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        {result.mode}
        {result.scheduler ? ` ${result.scheduler}` : ""} · {t(`burst.rule.${result.rule}`)}
        {result.failed ? ` · ${t("burst.failed", { count: result.failed })}` : ""}
      </caption>
    </table>
  );
}
