import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useAppStore } from "../../store";
import { encodeScenario, shareUrl } from "./codec";
import { collectScenario } from "./collect";
import { useShareT } from "./messages";
import { ShareStatusMessage } from "./ShareStatusMessage";
import { useShareRestore } from "./useShareRestore";
import "./share.css";

// The QR encoder comes when a code is first shown.
const QrCode = lazy(() => import("./QrCode").then((m) => ({ default: m.QrCode })));

/** Links longer than this get a warning: chat apps and some browsers cut them. */
const LONG_LINK = 8000;

export interface ShareControlsProps {
  /** Presentation mode shows the link's QR code large, for a room to scan. */
  presentation?: boolean;
  /** Whether to show what opening a link did here (the workbench shows it under its header). */
  status?: boolean;
}

/**
 * Share the whole scenario as a link: button, the link to copy, and its QR
 * code. Also opens a shared link on load (`useShareRestore`), so the app
 * restores links wherever these controls are shown.
 */
export function ShareControls({ presentation = false, status = true }: ShareControlsProps) {
  const t = useShareT();
  const [link, setLink] = useState("");
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const [showQr, setShowQr] = useState(false);
  useShareRestore();

  const share = useCallback(async () => {
    const url = shareUrl(window.location, await encodeScenario(collectScenario()));
    setLink(url);
    setCopied("");
  }, []);

  // In presentation mode the QR code is always up, and follows the scenario as it changes.
  // (Fields selected one by one: joining a large applied text into a key on every change would stall the page.)
  const applied = useAppStore((s) => s.appliedFiles);
  const changes = useAppStore(
    (s) => `${s.lessonId}:${s.lessonStep}:${s.view?.proxyMode}:${s.view?.ipvsScheduler}:${s.language}`,
  );
  useEffect(() => {
    if (presentation && (changes || applied)) void share();
  }, [presentation, changes, applied, share]);

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
          {presentation ? null : (
            <button type="button" aria-pressed={showQr} onClick={() => setShowQr(!showQr)}>
              {showQr ? t("share.qrHide") : t("share.qrShow")}
            </button>
          )}
          <span role="status" className="share-copied">
            {copied ? t(copied === "copied" ? "share.copied" : "share.copyFailed") : ""}
          </span>
          {link.length > LONG_LINK ? (
            <p className="share-warning">{t("share.tooLong", { count: link.length })}</p>
          ) : null}
          {presentation || showQr ? (
            <Suspense fallback={null}>
              <QrCode text={link} large={presentation} />
            </Suspense>
          ) : null}
          {presentation ? null : (
            <button type="button" className="share-close" onClick={() => setLink("")}>
              {t("share.close")}
            </button>
          )}
        </div>
      ) : null}
      {status ? <ShareStatusMessage /> : null}
    </div>
  );
}
