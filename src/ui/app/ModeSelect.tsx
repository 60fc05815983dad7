import { IPVS_SCHEDULERS, type IpvsScheduler, type ProxyMode } from "../../engine/api/configTypes";
import { Icon } from "../components/Icon";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { setProxyMode } from "../store/actions";

/** kube-proxy's mode (and IPVS scheduler), switchable at any time; IPVS carries its deprecation. */
export function ModeSelect() {
  const t = useT();
  const mode = useAppStore((s) => s.view?.proxyMode ?? "iptables");
  const scheduler = useAppStore((s) => s.view?.ipvsScheduler ?? "rr");
  const value = mode === "ipvs" ? `ipvs:${scheduler}` : mode;
  return (
    <div className="mode-select">
      <label className="field field-inline">
        <span className="field-label">{t("mode.label")}</span>
        <select
          className="select"
          aria-label={t("mode.label")}
          value={value}
          onChange={(e) => {
            const [m, s] = e.target.value.split(":") as [ProxyMode, IpvsScheduler | undefined];
            void setProxyMode(m, s);
          }}
        >
          <option value="iptables">{t("mode.iptables")}</option>
          <option value="nftables">{t("mode.nftables")}</option>
          {IPVS_SCHEDULERS.map((s) => (
            <option key={s} value={`ipvs:${s}`}>
              {t("mode.ipvs", { scheduler: s })}
            </option>
          ))}
        </select>
      </label>
      {mode === "ipvs" ? (
        <span className="badge badge-warn deprecation" role="note" title={t("mode.ipvsDeprecated")}>
          <Icon name="warning" size={14} />
          <span aria-hidden="true">{t("mode.deprecatedBadge")}</span>
          <span className="visually-hidden">{t("mode.ipvsDeprecated")}</span>
        </span>
      ) : null}
    </div>
  );
}
