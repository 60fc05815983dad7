import { encodeQrText } from "./encode";

/**
 * The QR matrix for a link; when the link is too long for version 40, the
 * QR of a short explanation instead (`fallback` = true).
 */
export function qrForLink(link: string, tooLongMessage: string): { matrix: boolean[][]; fallback: boolean } {
  const symbol = encodeQrText(link);
  if (symbol) return { matrix: symbol.modules, fallback: false };
  return { matrix: encodeQrText(tooLongMessage)?.modules ?? [], fallback: true };
}
