/** Numbers as the language groups them ("1,000"), one cached formatter per language. */
import type { Language } from "../store/settingsSlice";

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** `v` as shown in `language`: a number grouped, a string as it is. */
export function formatValue(language: Language, v: string | number): string {
  if (typeof v !== "number") return v;
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(v);
}
