import { useEffect, useState } from "react";
import { useT } from "../../i18n/useT";
import { useAppStore } from "../../store";
import { QrCode } from "../share/QrCode";
import { shareLink } from "../share/shareLink";

/**
 * The lesson's link as a QR code for a room to scan: most of the screen's
 * short side, on demand. The link holds only the lesson and its step (each
 * student's browser rebuilds the cluster), so the code stays small and coarse.
 */
export function QrOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const step = useAppStore((s) => `${s.lessonId}:${s.lessonStep}:${s.language}`);
  const [link, setLink] = useState("");
  useEffect(() => {
    let live = true;
    if (step) void shareLink(true).then((l) => live && setLink(l));
    return () => {
      live = false;
    };
  }, [step]);
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
