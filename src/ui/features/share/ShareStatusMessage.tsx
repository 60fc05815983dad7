import { useShareT } from "./messages";
import { useShareStatus } from "./shareStatus";

/** What opening a share link did: opened it, or why it could not. Text only, never HTML. */
export function ShareStatusMessage() {
  const t = useShareT();
  const status = useShareStatus((s) => s.status);
  const setStatus = useShareStatus((s) => s.setStatus);
  if (status.kind === "idle") return null;
  const dismiss = (
    <button type="button" aria-label={t("notice.dismiss")} onClick={() => setStatus({ kind: "idle" })}>
      ×
    </button>
  );
  if (status.kind === "opening")
    return (
      <p className="share-status" role="status">
        {t("share.opening")}
      </p>
    );
  if (status.kind === "invalid" || status.kind === "refused") {
    return (
      <p className="share-status share-invalid" role="alert">
        {t(status.kind === "invalid" ? "share.invalid" : "share.refused", { reason: status.reason })}
        {dismiss}
      </p>
    );
  }
  return (
    <p className="share-status" role="status">
      {t("share.restored")}
      {dismiss}
    </p>
  );
}
