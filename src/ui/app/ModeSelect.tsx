import { IPVS_SCHEDULERS, type IpvsScheduler, type ProxyMode } from "../../engine/api/configTypes";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";
import { setProxyMode } from "../store/actions";

/** kube-proxy's mode (and IPVS scheduler), switchable at any time. */
export function ModeSelect() {
  const t = useT();
  const mode = useAppStore((s) => s.view?.proxyMode ?? "iptables");
  const scheduler = useAppStore((s) => s.view?.ipvsScheduler ?? "rr");
  const value = mode === "ipvs" ? `ipvs:${scheduler}` : mode;
  return (
    <label className="mode-select">
      {t("mode.label")}
      <select
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
      {mode === "ipvs" ? (
        <span className="deprecation" role="note">
          {t("mode.ipvsDeprecated")}
        </span>
      ) : null}
    </label>
  );
}
