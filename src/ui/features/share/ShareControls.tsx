import { lazy, Suspense, useCallback, useState } from "react";
import { currentRecord } from "../../session/current";
import { useAppStore } from "../../store";
import { useShareT } from "./messages";
import { ShareStatusMessage } from "./ShareStatusMessage";
import { useShareRestore } from "./useShareRestore";
import "./share.css";

/** The QR encoder loads when a code is first shown. */
const QrCode = lazy(() => import("./QrCode").then((m) => ({ default: m.QrCode })));

/** Links longer than this get a warning: chat apps and some browsers cut them. */
const LONG_LINK = 8000;

export interface ShareControlsProps {
  /** Whether to show what opening a link did here (the workbench shows it under its header). */
  status?: boolean;
}

/**
 * Share the whole workspace as a link: button, the link to copy, and its QR
 * code. Also opens a shared link on load (`useShareRestore`), so the app
 * opens links wherever these controls are shown.
 */
export function ShareControls({ status = true }: ShareControlsProps) {
  const t = useShareT();
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const [showQr, setShowQr] = useState(false);
  /** An imported cluster is on screen: the link would carry its objects, so the user chooses first. */
  const [asking, setAsking] = useState(false);
  useShareRestore();

  const make = useCallback(async (redact: boolean) => {
    // The link encoder loads with the first share.
    const { shareLink } = await import("./shareLink");
    setAsking(false);
    setLink(await shareLink(false, redact));
    setCopied("");
  }, []);
  const share = useCallback(async () => {
    const { holdsImport } = await import("./shareLink");
    if (holdsImport(currentRecord(useAppStore.getState()))) {
      setLink("");
      setAsking(true);
    } else await make(false);
  }, [make]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="share-controls">
      <button type="button" onClick={() => void share()}>
        {t("share.button")}
      </button>
      {asking ? (
        <div className="share-private" role="alertdialog" aria-label={t("share.importedTitle")}>
          <p>{t("share.importedWarning")}</p>
          <button type="button" onClick={() => void make(true)}>
            {t("share.redacted")}
          </button>
          <button type="button" onClick={() => void make(false)}>
            {t("share.everything")}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t("share.close")}
          </button>
        </div>
      ) : null}
      {link ? (
        <div className="share-details">
          <input
            type="text"
            readOnly
            className="share-link"
            aria-label={t("share.link")}
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => void copy()}>
            {t("share.copy")}
          </button>
          <button type="button" aria-pressed={showQr} onClick={() => setShowQr(!showQr)}>
            {showQr ? t("share.qrHide") : t("share.qrShow")}
          </button>
          <span role="status" className="share-copied">
            {copied ? t(copied === "copied" ? "share.copied" : "share.copyFailed") : ""}
          </span>
          {link.length > LONG_LINK ? (
            <p className="share-warning">{t("share.tooLong", { count: link.length })}</p>
          ) : null}
          {showQr ? (
            <Suspense fallback={null}>
              <QrCode text={link} />
            </Suspense>
          ) : null}
          <button type="button" className="share-close" onClick={() => setLink("")}>
            {t("share.close")}
          </button>
        </div>
      ) : null}
      {status ? <ShareStatusMessage /> : null}
    </div>
  );
}
