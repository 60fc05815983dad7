import { useCallback } from "react";
import { useAppStore } from "../../store";
import type { Language } from "../../store/settingsSlice";

/**
 * The share and export strings, until the i18n owner merges them into
 * en.ts/ko.ts (same keys). `{name}` marks a value.
 */
export const shareMessages = {
  en: {
    "share.button": "Share",
    "share.link": "Share link",
    "share.copy": "Copy link",
    "share.copied": "Link copied",
    "share.copyFailed": "Copy failed: select the link and copy it yourself",
    "share.qr": "QR code of the share link",
    "share.qrShow": "Show QR code",
    "share.qrHide": "Hide QR code",
    "share.qrTooLong": "This scenario is too big for a QR code: open the share link instead.",
    "share.tooLong":
      "The share link is {size} characters long; some browsers and chat apps cut links this long.",
    "share.restored": "Opened a shared scenario.",
    "share.replaced": "Opened a shared scenario; your previous work was kept aside.",
    "share.undo": "Bring back my previous work",
    "share.invalid": "This share link cannot be opened: {reason}",
    "export.svg": "Export SVG",
    "export.png": "Export PNG",
    "export.trace": "Export trace",
    "export.noDiagram": "Nothing to export yet: the diagram is empty.",
    "export.noTrace": "Send a packet first: there is no trace to export.",
  },
  ko: {
    "share.button": "공유",
    "share.link": "공유 링크",
    "share.copy": "링크 복사",
    "share.copied": "링크를 복사했습니다",
    "share.copyFailed": "복사하지 못했습니다. 링크를 선택해 직접 복사하세요",
    "share.qr": "공유 링크의 QR 코드",
    "share.qrShow": "QR 코드 보기",
    "share.qrHide": "QR 코드 숨기기",
    "share.qrTooLong": "이 시나리오는 QR 코드에 담기에 너무 큽니다. 공유 링크를 여세요.",
    "share.tooLong":
      "공유 링크가 {size}자입니다. 이렇게 긴 링크는 일부 브라우저와 메신저에서 잘릴 수 있습니다.",
    "share.restored": "공유된 시나리오를 열었습니다.",
    "share.replaced": "공유된 시나리오를 열었습니다. 이전 작업은 따로 보관했습니다.",
    "share.undo": "이전 작업 되돌리기",
    "share.invalid": "이 공유 링크를 열 수 없습니다: {reason}",
    "export.svg": "SVG로 내보내기",
    "export.png": "PNG로 내보내기",
    "export.trace": "트레이스 내보내기",
    "export.noDiagram": "내보낼 것이 없습니다. 다이어그램이 비어 있습니다.",
    "export.noTrace": "먼저 패킷을 보내세요. 내보낼 트레이스가 없습니다.",
  },
} as const satisfies Record<Language, Record<string, string>>;

export type ShareMessageKey = keyof (typeof shareMessages)["en"];

/** Looks a share/export message up in the current language and fills its `{name}` values. */
export function shareText(
  language: Language,
  key: ShareMessageKey,
  values?: Record<string, string | number>,
): string {
  const template: string = shareMessages[language][key] ?? shareMessages.en[key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** `t` for the share and export strings. */
export function useShareT() {
  const language = useAppStore((s) => s.language);
  return useCallback(
    (key: ShareMessageKey, values?: Record<string, string | number>) => shareText(language, key, values),
    [language],
  );
}
