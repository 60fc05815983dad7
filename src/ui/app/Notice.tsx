import type { MessageKey } from "../i18n/en";
import { useT } from "../i18n/useT";
import { useAppStore } from "../store";

/** A visible notice, e.g. that the engine was restarted. */
export function Notice() {
  const t = useT();
  const notice = useAppStore((s) => s.notice);
  const setNotice = useAppStore((s) => s.setNotice);
  if (!notice) return null;
  const values = Object.fromEntries(
    Object.entries(notice.values ?? {}).map(([k, v]) => [
      k,
      v.startsWith("notice.") ? t(v as MessageKey) : v,
    ]),
  );
  return (
    <div className="notice" role="alert">
      {t(notice.key as MessageKey, values)}
      <button type="button" onClick={() => setNotice(null)}>
        {t("notice.dismiss")}
      </button>
    </div>
  );
}
