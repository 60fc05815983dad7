import { useMemo } from "react";
import { useShareT } from "./messages";
import { qrForLink } from "./qr/qrForLink";
import { qrPath } from "./qr/svg";

export interface QrCodeProps {
  text: string;
  large?: boolean;
}

/** The link as a QR code (SVG, drawn from our own encoder); a short explanation if the link is too long. */
export function QrCode({ text, large = false }: QrCodeProps) {
  const t = useShareT();
  const { matrix, fallback } = useMemo(() => qrForLink(text, t("share.qrTooLong")), [text, t]);
  const size = matrix.length + 8;
  return (
    <figure className={large ? "share-qr share-qr-large" : "share-qr"}>
      <svg
        role="img"
        aria-label={t("share.qr")}
        viewBox={`0 0 ${size} ${size}`}
        shapeRendering="crispEdges"
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={qrPath(matrix, 4)} fill="#000" />
      </svg>
      {fallback ? <figcaption>{t("share.qrTooLong")}</figcaption> : null}
    </figure>
  );
}
