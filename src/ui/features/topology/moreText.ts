/** The summary of Services the diagram does not draw, in the page's language (numbers grouped its way). */
import { translate } from "../../i18n/useT";
import type { Language } from "../../store/settingsSlice";

/** "+9,880 more Services". */
export function moreServicesText(language: Language, n: number): string {
  return translate(language, "topology.moreServices", { count: n });
}

/** The accessible layer's button that lists the next `page` of the `rest` Services not listed yet. */
export function showMoreServicesText(language: Language, page: number, rest: number): string {
  return translate(language, "topology.showMoreServices", { count: page, rest });
}
