/** Chooses a plural form the way the language counts: English "1 endpoint" / "2 endpoints", Korean one form. */
import type { Language } from "../store/settingsSlice";
import type { PluralMessage } from "./message";

const rules = new Map<Language, Intl.PluralRules>();

function rulesFor(language: Language): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) {
    r = new Intl.PluralRules(language);
    rules.set(language, r);
  }
  return r;
}

/** The template of `message` for `count` (the `other` form when no count is given). */
export function pluralForm(
  language: Language,
  message: PluralMessage,
  count: string | number | undefined,
): string {
  if (typeof count !== "number") return message.other;
  return message[rulesFor(language).select(count)] ?? message.other;
}
