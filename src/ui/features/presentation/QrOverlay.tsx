import { useEffect, useState } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { QrCode } from "../share/QrCode";
import { shareLink } from "../share/shareLink";

/**
 * The lesson's link as a QR code for a room to scan: most of the screen's
 * short side, on demand. The link holds the lesson and its step (each
 * student's browser rebuilds the cluster), the packets sent on top of it and
 * the hop on screen, so the code stays small and coarse until more is done.
 */
export function QrOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  // What the link holds (read from the store when it is made).
  const held = useAppStore(
    (s) => `${s.lessonId}:${s.lessonStep}:${s.language}:${s.journal.length}:${s.traceEntry}:${s.hop}`,
  );
  const [link, setLink] = useState("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link is made again when what it holds changes.
  useEffect(() => {
    let live = true;
    void shareLink(true).then((l) => live && setLink(l));
    return () => {
      live = false;
    };
  }, [held]);
  return (
    <div className="present-qr" role="dialog" aria-label={t("presentation.qr")}>
      {link ? <QrCode text={link} large /> : null}
      <p className="present-qr-link">{link}</p>
      <button type="button" onClick={onClose}>
        {t("presentation.qrClose")}
      </button>
    </div>
  );
}
