/**
 * The summary of Services the diagram does not draw, in the page's language.
 * NOTE: kept here until the shared catalogue (src/ui/i18n) gains a
 * `topology.moreServices` key; the accessible layer uses the same strings.
 */
import type { Language } from "../../store/settingsSlice";

/** "+9,880 more Services", with the number grouped as the language writes it. */
export function moreServicesText(language: Language, n: number): string {
  const count = new Intl.NumberFormat(language).format(n);
  return language === "ko" ? `+ 서비스 ${count}개 더` : `+${count} more Services`;
}

/** The accessible layer's button that lists the next `page` of the `rest` Services not listed yet. */
export function showMoreServicesText(language: Language, page: number, rest: number): string {
  const f = new Intl.NumberFormat(language);
  return language === "ko"
    ? `서비스 ${f.format(page)}개 더 보기 (남은 ${f.format(rest)}개)`
    : `Show ${f.format(page)} more Services (${f.format(rest)} not listed)`;
}
